import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, Card, Flex, Tag } from 'antd';
import type { AuditEntry, AuditNames } from '../../../shared/contracts/audit.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import { AuditDiff } from '../../components/audit-diff.tsx';
import { actorName, ImportedFrom } from '../../components/record-history.tsx';
import { FilterSelect } from '../../components/filter-select.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { SearchInput } from '../../components/search-input.tsx';
import { ErrorPage, ForbiddenPage } from '../../components/status-pages.tsx';
import { useApiGet } from '../../lib/api-query.ts';
import { hasMessage, useI18n } from '../../lib/i18n.tsx';
import { canSeeAudit } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-search.ts';
import { AUDIT_ENTITIES, type AuditSearch } from './audit-search.ts';

const route = getRouteApi('/app/audit');

/** A link to the audited record, where the record has a page. */
function RecordLink({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const key = entry.entity.endsWith('_import') ? 'audit.entity.import' : `audit.entity.${entry.entity}`;
  const label = `${hasMessage(key) ? t(key) : entry.entity} #${entry.entityId}`;
  if (entry.action === 'delete') return <>{label}</>;
  if (entry.entity === 'institution') return <Link to="/institutions/$id" params={{ id: entry.entityId }}>{label}</Link>;
  if (entry.entity === 'person') return <Link to="/people/$id" params={{ id: entry.entityId }}>{label}</Link>;
  if (entry.entity === 'unit') return <Link to="/units" search={{ selected: Number(entry.entityId) }}>{label}</Link>;
  return <>{label}</>;
}

/** The audit log: every write, who and when, filterable by record; each entry's field-by-field diff. */
export function AuditPage() {
  const { t, formatDateTime } = useI18n();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const allowed = canSeeAudit(user);
  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? DEFAULT_PAGE_SIZE;
  const params = { entity: search.entity, entityId: search.entityId, page, pageSize, order: 'desc' };
  const log = useApiGet<Page<AuditEntry> & { names?: AuditNames }>(['audit', 'log', search], '/audit', params, { keep: true, enabled: allowed });
  const update = (patch: Partial<AuditSearch>) => void navigate({ search: (prev) => ({ ...prev, page: undefined, ...patch }) });

  if (!allowed) return <ForbiddenPage />;
  if (log.error) return <ErrorPage error={log.error} />;

  const actionLabel = (action: string) => {
    const key = `audit.action.${action}`;
    return hasMessage(key) ? t(key) : action;
  };

  return (
    <>
      <PageHeader title={t('nav.audit')} />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <FilterSelect value={search.entity} onChange={(entity) => update({ entity })} placeholder={t('audit.entity')} width={200} options={[
              ...AUDIT_ENTITIES.map((e): { value: string; label: string } => ({ value: e, label: t(`audit.entity.${e}`) })),
              // an import's own history, opened from an entry it wrote
              ...(search.entity?.endsWith('_import') ? [{ value: search.entity, label: t('audit.entity.import') }] : []),
            ]} />
          <SearchInput key={search.entityId ?? ''} defaultValue={search.entityId} placeholder={t('audit.entityId')} onSearch={(v) => update({ entityId: v || undefined })} width={200} />
          <Button onClick={() => void navigate({ search: {} })}>{t('action.reset')}</Button>
        </Flex>
        <PagedTable<AuditEntry> query={log} at={{ page, pageSize }} onPage={(p, size) => update({ page: p, pageSize: size })} size="small" sizes
          expandable={{ expandedRowRender: (entry) => <AuditDiff entity={entry.entity} before={entry.before} after={entry.after} names={log.data?.names} /> }}
          columns={[
            { key: 'at', title: t('audit.at'), width: 200, render: (_, e) => formatDateTime(e.at) },
            { key: 'actor', title: t('audit.actor'), render: (_, e) => actorName(e.actorLabel, t) },
            {
              key: 'action',
              title: t('audit.action'),
              width: 130,
              render: (_, e) => <Tag color={e.action === 'delete' ? 'red' : e.action === 'create' ? 'green' : 'blue'}>{actionLabel(e.action)}</Tag>,
            },
            {
              key: 'record',
              title: t('audit.record'),
              render: (_, e) => (
                <>
                  <RecordLink entry={e} />
                  <ImportedFrom entry={e} />
                </>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
