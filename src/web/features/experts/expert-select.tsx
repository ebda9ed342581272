import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useMemo, useState } from 'react';
import type { Page } from '../../../shared/contracts/common.ts';
import type { Person } from '../../../shared/contracts/people.ts';
import { api, toQuery } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useCountryMap } from '../../lib/lookups.ts';
import { countryName } from '../../lib/names.ts';
import { useDebounced } from '../../lib/use-debounced.ts';
import { personNames } from '../people/person-values.ts';

type ExpertSelectProps = Omit<SelectProps<number>, 'options' | 'showSearch'> & {
  /** A person just created inline: shown before any search finds them. */
  extra?: Person | null;
};

/** A select of people that searches the server as the user types (names in any script, pinyin). */
export function ExpertSelect({ value, extra, ...props }: ExpertSelectProps) {
  const { t, locale } = useI18n();
  const countries = useCountryMap();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const { data, isFetching } = useQuery({
    queryKey: ['people', 'pick', q],
    queryFn: ({ signal }) => api.get<Page<Person>>(`/people${toQuery({ q, pageSize: 20 })}`, signal),
    placeholderData: keepPreviousData,
  });
  // the chosen person, when no search has found them (a form opened from the person page)
  const chosen = useQuery({
    queryKey: ['people', 'one', value],
    queryFn: ({ signal }) => api.get<Person>(`/people/${value}`, signal),
    enabled: value != null && extra?.id !== value,
  });

  const options = useMemo(() => {
    const label = (p: Person) => {
      const { primary, secondary } = personNames(p, locale);
      const country = p.nationality ? countries.get(p.nationality) : undefined;
      return [primary, secondary, country ? countryName(country, locale) : p.nationality, p.institutionName].filter(Boolean).join(' · ');
    };
    const list = (data?.items ?? []).map((p) => ({ value: p.id, label: label(p) }));
    for (const p of [extra, chosen.data]) if (p && !list.some((o) => o.value === p.id)) list.unshift({ value: p.id, label: label(p) });
    return list;
  }, [data, extra, chosen.data, locale, countries]);

  return (
    <Select<number>
      allowClear
      value={value}
      placeholder={t('exp.personSearch')}
      loading={isFetching}
      options={options}
      showSearch={{ filterOption: false, onSearch: setText }}
      {...props}
    />
  );
}
