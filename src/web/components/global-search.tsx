import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { AutoComplete, Input, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { SearchHit } from '../../shared/contracts/search.ts';
import { api, toQuery } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useDebounced } from '../lib/use-debounced.ts';

const KINDS = ['institution', 'person', 'visit', 'conference', 'appointment', 'unit'] as const;

/** The header's search box over /api/search: institutions, people, visits and units, grouped. */
export function GlobalSearch() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const { data, isFetching } = useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => api.get<SearchHit[]>(`/search${toQuery({ q, limit: 20 })}`, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

  const options = useMemo(() => {
    const hits = q ? (data ?? []) : [];
    return KINDS.map((kind) => ({
      label: t(`searchKind.${kind}`),
      options: hits
        .filter((h) => h.kind === kind)
        .map((h) => ({
          value: `${h.kind}:${h.id}`,
          label: (
            <div style={{ lineHeight: 1.35 }}>
              <div>{h.label}</div>
              {h.detail ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {h.detail}
                </Typography.Text>
              ) : null}
            </div>
          ),
        })),
    })).filter((group) => group.options.length > 0);
  }, [data, q, t]);

  const open = (value: string) => {
    const [kind, id] = value.split(':');
    setText('');
    if (kind === 'institution') void navigate({ to: '/institutions/$id', params: { id: String(id) } });
    else if (kind === 'person') void navigate({ to: '/people/$id', params: { id: String(id) } });
    else if (kind === 'visit') void navigate({ to: '/visits/$id', params: { id: String(id) } });
    else if (kind === 'conference') void navigate({ to: '/conferences/$id', params: { id: String(id) } });
    else if (kind === 'appointment') void navigate({ to: '/experts/appointments/$id', params: { id: String(id) } });
    else if (kind === 'unit') void navigate({ to: '/units', search: { selected: Number(id) } });
  };

  return (
    <AutoComplete
      value={text}
      options={options}
      onChange={(value: string) => setText(value)}
      onSelect={open}
      popupMatchSelectWidth={440}
      style={{ width: 'min(380px, 40vw)' }}
      notFoundContent={q && !isFetching ? t('header.noResults') : null}
    >
      <Input data-testid="global-search" prefix={<SearchOutlined />} placeholder={t('header.searchPlaceholder')} allowClear />
    </AutoComplete>
  );
}
