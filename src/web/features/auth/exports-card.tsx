import { Card, Table, Tag, Typography } from 'antd';
import type { ExportStatus, ExportView } from '../../../shared/contracts/exports.ts';
import { errorMessage } from '../../../shared/i18n/errors.ts';
import { useApiGet } from '../../lib/api-query.ts';
import { useI18n } from '../../lib/i18n.tsx';

const COLOURS: Record<ExportStatus, string> = { waiting: 'gold', running: 'blue', failed: 'red', done: 'green' };

/** My recent exports (kept 7 days): each file's state and its download link; read again every 2 s while one is being made. */
export function ExportsCard() {
  const { t, locale, formatDateTime } = useI18n();
  const { data, isLoading } = useApiGet<{ items: ExportView[] }>(['exports'], '/exports', {}, {
    staleTime: 0,
    refetchEvery: (d) => (d?.items.some((e) => e.status === 'waiting' || e.status === 'running') ? 2_000 : false),
  });
  return (
    <Card title={t('exports.recent')} data-testid="exports-card">
      <Table<ExportView>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('exports.none') }}
        pagination={false}
        columns={[
          { key: 'file', title: t('exports.file'), render: (_, e) => e.fileName ?? `${e.what}.${e.format}` },
          { key: 'status', title: t('exports.status'), render: (_, e) => <Tag color={COLOURS[e.status]}>{t(`exports.status.${e.status}`)}</Tag> },
          { key: 'asked', title: t('exports.asked'), render: (_, e) => formatDateTime(e.createdAt) },
          {
            key: 'action',
            title: '',
            render: (_, e) =>
              e.status === 'done' ? (
                <a href={`/api/exports/${e.id}/file`} download>
                  {t('exports.download')}
                </a>
              ) : e.status === 'failed' ? (
                <Typography.Text type="danger">{errorMessage(e.error ?? 'internal', locale)}</Typography.Text>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
