import { useState } from 'react';
import { Alert, Card, Segmented, Table, Tag, Typography } from 'antd';
import { OUTBOX_STATUSES, type OutboxMessage } from '../../../shared/contracts/jobs.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useOutbox } from './api.ts';

type Status = OutboxMessage['status'];
const COLOURS: Record<Status, string> = { queued: 'gold', sent: 'green', failed: 'red', held: 'default' };
const when = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 19) : '—');

/** The administrator reads every message: its text as sent (or held, without a mail server), and a failed send's answer. */
export function OutboxPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<Status | 'all'>('all');
  const [page, setPage] = useState(1);
  const { data, error, isLoading } = useOutbox(status === 'all' ? undefined : status, page);
  if (error) return <ErrorPage error={error} />;
  return (
    <>
      <PageHeader title={t('nav.outbox')} subtitle={t('outbox.subtitle')} />
      <Card>
        <Segmented
          data-testid="outbox-statuses"
          style={{ marginBottom: 16 }}
          value={status}
          onChange={(v) => {
            setStatus(v as Status | 'all');
            setPage(1);
          }}
          options={[{ value: 'all', label: t('jobs.all') }, ...OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`outbox.status.${s}`) }))]}
        />
        <Table<OutboxMessage>
          rowKey="id"
          size="small"
          loading={isLoading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('outbox.empty') }}
          pagination={{ current: page, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          expandable={{
            expandedRowRender: (m) => (
              <>
                {m.lastError ? <Alert type={m.status === 'failed' ? 'error' : 'warning'} showIcon style={{ marginBottom: 8 }} title={t('outbox.serverAnswer')} description={m.lastError} /> : null}
                <Typography.Paragraph data-testid="outbox-body" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {m.bodyText}
                </Typography.Paragraph>
              </>
            ),
          }}
          columns={[
            { key: 'subject', title: t('outbox.subject'), dataIndex: 'subject' },
            { key: 'recipient', title: t('outbox.recipient'), dataIndex: 'recipient' },
            { key: 'locale', title: t('outbox.language'), dataIndex: 'locale' },
            { key: 'status', title: t('jobs.state'), render: (_, m) => <Tag color={COLOURS[m.status]}>{t(`outbox.status.${m.status}`)}</Tag> },
            { key: 'attempts', title: t('outbox.attempts'), dataIndex: 'attempts' },
            { key: 'created', title: t('outbox.created'), render: (_, m) => when(m.createdAt) },
            { key: 'sent', title: t('outbox.sent'), render: (_, m) => when(m.sentAt) },
          ]}
        />
      </Card>
    </>
  );
}
