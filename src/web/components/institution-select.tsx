import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useMemo, useState } from 'react';
import type { Page } from '../../shared/contracts/common.ts';
import type { Institution } from '../../shared/contracts/institutions.ts';
import { api, toQuery } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { displayNames } from '../lib/names.ts';
import { useDebounced } from '../lib/use-debounced.ts';

type InstitutionSelectProps = Omit<SelectProps<number>, 'options' | 'showSearch'> & {
  /** The name of the institution already chosen, shown before any search. */
  currentLabel?: string | null;
};

/** A select of institutions that searches the server as the user types. */
export function InstitutionSelect({ currentLabel, value, ...props }: InstitutionSelectProps) {
  const { locale, t } = useI18n();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const { data, isFetching } = useQuery({
    queryKey: ['institutions', 'pick', q],
    queryFn: ({ signal }) => api.get<Page<Institution>>(`/institutions${toQuery({ q, pageSize: 20 })}`, signal),
    placeholderData: keepPreviousData,
  });

  const options = useMemo(() => {
    const list = (data?.items ?? []).map((i) => {
      const { primary, secondary } = displayNames(i, locale);
      return { value: i.id, label: secondary ? `${primary} · ${secondary}` : primary };
    });
    if (value != null && currentLabel && !list.some((o) => o.value === value)) list.unshift({ value, label: currentLabel });
    return list;
  }, [data, locale, value, currentLabel]);

  return (
    <Select<number>
      allowClear
      value={value}
      placeholder={t('person.institutionSearch')}
      loading={isFetching}
      options={options}
      showSearch={{ filterOption: false, onSearch: setText }}
      {...props}
    />
  );
}
