import { Button, Flex, Select } from 'antd';
import { DIRECTIONS, WHO } from '../../../shared/contracts/ledger.ts';
import { CountrySelect } from '../../components/country-select.tsx';
import { DateRangeInput } from '../../components/date-input.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { categoryOptions } from './ledger-labels.tsx';
import type { LedgerSearch } from './ledger-search.ts';

interface LedgerFiltersProps {
  search: LedgerSearch;
  onChange: (patch: Partial<LedgerSearch>) => void;
  onReset: () => void;
}

/** The ledger's filters: direction, who, category, country or region, unit, period, kind of row. */
export function LedgerFiltersBar({ search, onChange, onReset }: LedgerFiltersProps) {
  const { t, locale } = useI18n();
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="ledger-filters">
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
      <Select
        value={search.category}
        onChange={(category) => onChange({ category })}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('ledger.filter.anyCategory')}
        aria-label={t('ledger.field.category')}
        style={{ width: 220 }}
        popupMatchSelectWidth={false}
        options={categoryOptions(locale)}
      />
      <CountrySelect value={search.country} onChange={(country) => onChange({ country })} placeholder={t('common.country')} style={{ width: 200 }} />
      <UnitSelect value={search.unitId} onChange={(unitId) => onChange({ unitId })} placeholder={t('common.unit')} style={{ width: 220 }} />
      <DateRangeInput
        value={[search.from, search.to]}
        onChange={([from, to]) => onChange({ from, to })}
        placeholder={[t('ledger.filter.from'), t('ledger.filter.to')]}
        style={{ width: 270 }}
      />
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
