import { Button, Flex, Input, Select } from 'antd';
import { DIRECTIONS, WHO } from '../../../shared/contracts/ledger.ts';
import { CountrySelect } from '../../components/country-select.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { LedgerSearch } from './ledger-search.ts';

interface LedgerFiltersProps {
  search: LedgerSearch;
  onChange: (patch: Partial<LedgerSearch>) => void;
  onReset: () => void;
}

/** The ledger's filters: direction, who, country or region, unit, period, kind of row. */
export function LedgerFiltersBar({ search, onChange, onReset }: LedgerFiltersProps) {
  const { t } = useI18n();
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <Select
        value={search.direction}
        onChange={(direction) => onChange({ direction })}
        allowClear
        placeholder={t('ledger.filter.anyDirection')}
        style={{ width: 180 }}
        options={DIRECTIONS.map((d) => ({ value: d, label: t(`ledger.direction.${d}`) }))}
      />
      <Select
        value={search.who}
        onChange={(who) => onChange({ who })}
        allowClear
        placeholder={t('ledger.filter.anyWho')}
        style={{ width: 150 }}
        options={WHO.map((w) => ({ value: w, label: t(`ledger.who.${w}`) }))}
      />
      <CountrySelect value={search.country} onChange={(country) => onChange({ country })} placeholder={t('common.country')} style={{ width: 200 }} />
      <UnitSelect value={search.unitId} onChange={(unitId) => onChange({ unitId })} placeholder={t('common.unit')} style={{ width: 220 }} />
      <Input
        type="date"
        aria-label={t('ledger.filter.from')}
        title={t('ledger.filter.from')}
        value={search.from ?? ''}
        onChange={(e) => onChange({ from: e.target.value || undefined })}
        style={{ width: 150 }}
      />
      <Input type="date" aria-label={t('ledger.filter.to')} title={t('ledger.filter.to')} value={search.to ?? ''} onChange={(e) => onChange({ to: e.target.value || undefined })} style={{ width: 150 }} />
      <Select
        value={search.aggregate}
        onChange={(aggregate) => onChange({ aggregate })}
        allowClear
        placeholder={t('ledger.filter.anyRow')}
        style={{ width: 220 }}
        options={[
          { value: 'false', label: t('ledger.filter.individual') },
          { value: 'true', label: t('ledger.filter.aggregate') },
        ]}
      />
      <Button onClick={onReset}>{t('action.reset')}</Button>
    </Flex>
  );
}
