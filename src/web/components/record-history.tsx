import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Empty, Spin, Timeline, Typography } from 'antd';
import type { AuditEntry, AuditNames } from '../../shared/contracts/audit.ts';
import type { Page } from '../../shared/contracts/common.ts';
import { api, toQuery } from '../lib/api.ts';
import { errorText } from '../lib/errors.ts';
import { hasMessage, useI18n } from '../lib/i18n.tsx';
import { canSeeAudit } from '../lib/permissions.ts';
import { useCurrentUser } from '../lib/session.ts';
import { AuditDiff } from './audit-diff.tsx';

/** Query key of one record's history; pages invalidate it after saving. */
export const historyKey = (entity: string, entityId: number | string) => ['audit', entity, String(entityId)] as const;

/** Who made an audit entry, as the reader calls them: the system's own work is "System" in their language. */
export function actorName(label: string, t: ReturnType<typeof useI18n>['t']): string {
  return label === 'system' ? t('audit.system') : label;
}

/**
 * The import whose commit wrote an entry, as "Imported from FILE (import N)", linked to the
 * import's own history (the audit log filtered to it); nothing for an entry no import wrote.
 */
export function ImportedFrom({ entry }: { entry: Pick<AuditEntry, 'import'> }) {
  const { t } = useI18n();
  if (!entry.import) return null;
  const { id, fileName, entity } = entry.import;
  return (
    <div data-testid="audit-imported-from">
      <Link to="/audit" search={{ entity, entityId: String(id) }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('audit.importedFrom', { file: fileName, id })}
        </Typography.Text>
      </Link>
    </div>
  );
}

/**
 * The audit entries of one record, newest first, each with its field-by-field diff; nothing at all
 * for a role the audit policy does not let read them (a viewer), rather than a refusal in red.
 */
export function RecordHistory({ entity, entityId }: { entity: string; entityId: number | string }) {
  const { t, locale, formatDateTime } = useI18n();
  const allowed = canSeeAudit(useCurrentUser());
  const { data, isLoading, error } = useQuery({
    queryKey: historyKey(entity, entityId),
    enabled: allowed,
    queryFn: ({ signal }) => api.get<Page<AuditEntry> & { names?: AuditNames }>(`/audit${toQuery({ entity, entityId: String(entityId), pageSize: 50, order: 'desc' })}`, signal),
  });

  const actionLabel = (action: string) => {
    const key = `audit.action.${action}`;
    return hasMessage(key) ? t(key) : action;
  };

  if (!allowed) return null;
  let body;
  if (isLoading) body = <Spin />;
  else if (error) body = <Typography.Text type="danger">{errorText(error, locale)}</Typography.Text>;
  else if (!data?.items.length) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noHistory')} />;
  else
    body = (
      <Timeline
        items={data.items.map((entry) => ({
          key: entry.id,
          color: entry.action === 'delete' ? 'red' : entry.action === 'create' ? 'green' : 'blue',
          content: (
            <div data-testid="record-history-entry">
              <Typography.Text strong>{actorName(entry.actorLabel, t)}</Typography.Text> <Typography.Text type="secondary">{actionLabel(entry.action)}</Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(entry.at)}
                </Typography.Text>
              </div>
              <ImportedFrom entry={entry} />
              <div style={{ marginTop: 8 }}>
                <AuditDiff entity={entity} before={entry.before} after={entry.after} names={data.names} />
              </div>
            </div>
          ),
        }))}
      />
    );

  return <div data-testid="record-history">{body}</div>;
}
