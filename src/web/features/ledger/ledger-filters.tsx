import { Button, Flex } from 'antd';
import { DIRECTIONS, WHO } from '../../../shared/contracts/ledger.ts';
import { CountrySelect } from '../../components/country-select.tsx';
import { DateRangeInput } from '../../components/date-input.tsx';
import { FilterSelect } from '../../components/filter-select.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { categoryOptions } from './ledger-labels.tsx';
import type { LedgerSearch } from './ledger-search.ts';

interface LedgerFiltersProps {
  search: LedgerSearch;
  onChange: (patch: Partial<LedgerSearch>) => void;
  onReset: () => void;
}

/** The kinds of row: a person's own, or an aggregate count. */
const ROW_KINDS = [
  { value: 'false', label: 'ledger.filter.individual' },
  { value: 'true', label: 'ledger.filter.aggregate' },
] as const;

/** The ledger's filters: direction, who, category, country or region, unit, period, kind of row. */
export function LedgerFiltersBar({ search, onChange, onReset }: LedgerFiltersProps) {
  const { t, locale } = useI18n();
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="ledger-filters">
      <FilterSelect value={search.direction} onChange={(direction) => onChange({ direction })} placeholder={t('ledger.filter.anyDirection')} width={180} options={DIRECTIONS.map((d) => ({ value: d, label: t(`ledger.direction.${d}`) }))} />
      <FilterSelect value={search.who} onChange={(who) => onChange({ who })} placeholder={t('ledger.filter.anyWho')} width={150} options={WHO.map((w) => ({ value: w, label: t(`ledger.who.${w}`) }))} />
      <FilterSelect
        value={search.category}
        onChange={(category) => onChange({ category })}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('ledger.filter.anyCategory')}
        aria-label={t('ledger.field.category')}
        width={220}
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
      <FilterSelect value={search.aggregate} onChange={(aggregate) => onChange({ aggregate })} placeholder={t('ledger.filter.anyRow')} width={220} options={ROW_KINDS.map((k) => ({ value: k.value, label: t(k.label) }))} />
      <Button onClick={onReset}>{t('action.reset')}</Button>
    </Flex>
  );
}
