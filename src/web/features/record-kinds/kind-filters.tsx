import { useQuery } from '@tanstack/react-query';
import type { Locale } from '../../../shared/contracts/common.ts';
import type { Institution } from '../../../shared/contracts/institutions.ts';
import { filterKeys } from '../../../shared/kinds/record-contract.ts';
import type { FieldDescription, RecordKind } from '../../../shared/kinds/record-kind.ts';
import { InstitutionSelect } from '../../components/institution-select.tsx';
import type { ListFilter, ListUpdate } from '../../components/list-filters.tsx';
import { api } from '../../lib/api.ts';
import { useI18n, type Translate } from '../../lib/i18n.tsx';
import { primaryName } from '../../lib/names.ts';
import type { KindSearch } from './kind-parts.ts';

/** An institution filter: the institution named in the URL is shown by its name, even when opened from a link. */
function InstitutionFilter({ id, placeholder, onChange }: { id: number | undefined; placeholder: string; onChange: (id: number | undefined) => void }) {
  const { locale } = useI18n();
  // the key of the institution's own page, which holds the same record
  const { data } = useQuery({ queryKey: ['institutions', 'one', id], queryFn: ({ signal }) => api.get<Institution>(`/institutions/${id}`, signal), enabled: id !== undefined });
  return <InstitutionSelect value={id} onChange={(value) => onChange(value ?? undefined)} currentLabel={data ? primaryName(data, locale) : null} placeholder={placeholder} style={{ width: 260 }} popupMatchSelectWidth={false} />;
}

/** One field's filter, set in the URL under the key the API takes (a date's as a from/to range). */
function fieldFilter(kind: RecordKind, field: FieldDescription, t: Translate, locale: Locale): ListFilter<KindSearch> {
  const label = field.label[locale];
  const key = field.name;
  switch (field.type.is) {
    case 'unit':
      return { type: 'unit', key, placeholder: label, width: 220 };
    case 'country':
      return { type: 'country', key, placeholder: label, width: 200 };
    case 'choice': {
      const options = Object.entries(field.type.options).map(([value, labels]) => ({ value, label: labels[locale] }));
      return { type: 'select', key, options, placeholder: label, width: 180, testId: `${kind.path}-${key}-filter` };
    }
    case 'date': {
      const [from, to] = filterKeys(field) as [string, string];
      return { type: 'dates', from, to, placeholder: [t('kinds.dateFrom', { label }), t('kinds.dateTo')], width: 300 };
    }
    case 'institution':
      return { type: 'custom', render: (search: KindSearch, update: ListUpdate<KindSearch>) => <InstitutionFilter id={search[key] as number | undefined} placeholder={label} onChange={(id) => update({ [key]: id })} /> };
    default:
      return { type: 'text', key, placeholder: label, width: 200 };
  }
}

/** A kind's list filters: its status, then each field described as a filter. */
export function kindFilters(kind: RecordKind, t: Translate, locale: Locale): ListFilter<KindSearch>[] {
  const status: ListFilter<KindSearch> = {
    type: 'select',
    key: 'status',
    options: kind.states.map((s) => ({ value: s, label: kind.statusLabels[s]?.[locale] ?? s })),
    placeholder: t('kinds.allStatuses'),
    width: 160,
    testId: `${kind.path}-status-filter`,
  };
  return [status, ...kind.fields.filter((f) => f.filter).map((f) => fieldFilter(kind, f, t, locale))];
}
