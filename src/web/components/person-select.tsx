import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useMemo, useState } from 'react';
import type { Locale, Page } from '../../shared/contracts/common.ts';
import type { Person } from '../../shared/contracts/people.ts';
import { api, toQuery } from '../lib/api.ts';
import { useI18n, type Translate } from '../lib/i18n.tsx';
import { useCountryMap, useUnitMap } from '../lib/lookups.ts';
import { countryName, primaryName } from '../lib/names.ts';
import { useDebounced } from '../lib/use-debounced.ts';
import { personNames } from '../features/people/person-values.ts';

interface PersonOption {
  value: number;
  label: string;
  detail: string;
  /** Absent for the already chosen person shown before any search. */
  person?: Person;
}

type PersonSelectProps = Omit<SelectProps<number>, 'options' | 'showSearch' | 'onChange'> & {
  /** The name of the person already chosen, shown before any search. */
  currentLabel?: string | null;
  onChange?: (value: number | undefined) => void;
  /** The person chosen from the search, with what the delegation row takes from them. */
  onPicked?: (person: Person) => void;
  /** Offer people before anything is typed (the first page of the list). */
  browse?: boolean;
  /** A person just created on the spot: shown before any search finds them. */
  extra?: Person | null;
};

/** What a person's option says under the name: enough to tell two Chen Yans apart (birth year, institution or unit, email). */
function option(p: Person, locale: Locale, countries: ReturnType<typeof useCountryMap>, units: ReturnType<typeof useUnitMap>, t: Translate): PersonOption {
  const { primary, secondary } = personNames(p, locale);
  const country = p.nationality ? countries.get(p.nationality) : undefined;
  const unit = p.unitId != null ? units.get(p.unitId) : undefined;
  const born = p.birthDate ? t('person.bornIn', { year: p.birthDate.slice(0, 4) }) : null;
  const detail = [secondary, country ? countryName(country, locale) : p.nationality, born, p.institutionName ?? (unit ? primaryName(unit, locale) : null), p.email].filter(Boolean).join(' · ');
  return { value: p.id, label: primary, detail, person: p };
}

/**
 * A select of recorded people that searches the server as the user types (names in any script,
 * pinyin): every form's person field. A chosen person with no name given is fetched to be named.
 */
export function PersonSelect({ currentLabel, value, onChange, onPicked, browse = false, extra, ...props }: PersonSelectProps) {
  const { locale, t } = useI18n();
  const countries = useCountryMap();
  const units = useUnitMap();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const { data, isFetching } = useQuery({
    queryKey: ['people', 'pick', q],
    queryFn: ({ signal }) => api.get<Page<Person>>(`/people${toQuery({ q, pageSize: 20 })}`, signal),
    placeholderData: keepPreviousData,
    enabled: browse || q.length > 0,
  });
  // the chosen person, when no name is given and no search has found them (a form opened from the person's page)
  const chosen = useQuery({
    queryKey: ['people', 'one', value],
    queryFn: ({ signal }) => api.get<Person>(`/people/${value}`, signal),
    enabled: value != null && currentLabel === undefined && extra?.id !== value,
  });

  const options = useMemo((): PersonOption[] => {
    const list: PersonOption[] = (browse || q ? (data?.items ?? []) : []).map((p) => option(p, locale, countries, units, t));
    for (const p of [extra, chosen.data]) if (p && !list.some((o) => o.value === p.id)) list.unshift(option(p, locale, countries, units, t));
    if (value != null && !list.some((o) => o.value === value)) list.unshift({ value, label: currentLabel ?? `#${value}`, detail: '' });
    return list;
  }, [data, q, browse, extra, chosen.data, locale, countries, units, t, value, currentLabel]);

  return (
    <Select<number, PersonOption>
      allowClear
      value={value}
      placeholder={t('visit.personSearch')}
      loading={isFetching}
      options={options}
      optionRender={(option) => (
        <div style={{ lineHeight: 1.35 }}>
          <div>{option.label}</div>
          {option.data.detail ? <div style={{ fontSize: 12, opacity: 0.6 }}>{option.data.detail}</div> : null}
        </div>
      )}
      showSearch={{ filterOption: false, onSearch: setText }}
      onChange={(id: number | undefined) => {
        onChange?.(id);
        const picked = options.find((o) => o.value === id)?.person;
        if (picked) onPicked?.(picked);
      }}
      {...props}
    />
  );
}
