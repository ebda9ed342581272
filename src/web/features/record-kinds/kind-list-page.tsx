import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import type { RecordKind } from '../../../shared/kinds/record-kind.ts';
import { ListPage } from '../../components/list-page.tsx';
import { StatusTag } from '../../components/status-tags.tsx';
import type { ListColumn } from '../../lib/list-url-state.ts';
import { newestFirst } from '../../lib/list-url-state.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { fieldValue } from './kind-fields.tsx';
import { kindFilters } from './kind-filters.tsx';
import { kindParts, type KindSearch } from './kind-parts.ts';
import type { KindRecord } from './kind-record.ts';

/**
 * The list of a kind described by its fields: its listed fields as columns (the title a link to
 * the record, the sort fields sortable), its status, its filters, search and page in the URL,
 * newest first by its default sort; the same list as CSV or Excel.
 */
export function KindListPage({ kind }: { kind: RecordKind }) {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { api, paths, validateSearch, statusTags } = kindParts(kind);
  // The router keeps params that failed validation beside the valid ones; read only the valid ones.
  const search = newestFirst(validateSearch(useSearch({ strict: false })), kind.defaultSort);
  const navigate = useNavigate();
  const result = api.useList(search);
  const empty = t('common.empty');

  const columns: ListColumn<KindRecord, string>[] = kind.fields
    .filter((f) => f.listed)
    .map((f) => {
      const title = f.label[locale];
      const render = (_: unknown, r: KindRecord) => {
        const value = fieldValue(r, f, locale) ?? empty;
        return f.name === kind.title ? <Link to={paths.record} params={{ id: String(r.id) }}>{value}</Link> : value;
      };
      return f.sort ? { key: f.name, sortable: true, title, render } : { key: f.name, title, render };
    });

  return (
    <ListPage<KindRecord, KindSearch>
      title={kind.name.many[locale]}
      create={can(user, 'create', kind.policy) ? { to: paths.create, label: t('kinds.add') } : undefined}
      exports={{ href: (format) => api.exportUrl(search, format), testId: kind.path, labels: { csv: 'kinds.csv', xlsx: 'kinds.xlsx' }, icon: 'download' }}
      search={search}
      navigate={(next) => void navigate({ to: '.', search: next as never })}
      defaultSort={kind.defaultSort}
      result={result}
      searchBox={{ testId: `${kind.path}-search`, placeholder: t('kinds.searchPlaceholder'), width: 280 }}
      filters={kindFilters(kind, t, locale)}
      columns={[...columns, { key: 'status', title: t('kinds.status'), width: 130, render: (_, r) => <StatusTag status={r.status} tags={statusTags} /> }]}
    />
  );
}
