import { useState } from 'react';
import { MailOutlined } from '@ant-design/icons';
import { App, Button, Card, Segmented, Table, Tag, Typography } from 'antd';
import { JOB_STATES, type JobState, type JobView } from '../../../shared/contracts/jobs.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { errorText } from '../../lib/errors.ts';
import { useJobs } from './api.ts';
import { useDigestRun } from './digest-api.ts';

const COLOURS: Record<JobState, string> = { waiting: 'gold', running: 'blue', failed: 'red', done: 'green', cancelled: 'default' };

const when = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 19) : '—');

/** Starts today's digest run now: each user's digest of the day is made once, so pressing it twice sends nothing more. */
function DigestButton() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const run = useDigestRun();
  const start = async () => {
    try {
      const queued = await run.mutateAsync();
      void message.success(t('jobs.digest.queued', { day: queued.day }));
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };
  return (
    <Button icon={<MailOutlined />} loading={run.isPending} onClick={() => void start()} data-testid="digest-run">
      {t('jobs.digest.run')}
    </Button>
  );
}

/** The administrator's view of the background jobs: how many wait, run, failed (with the error) and are done; and the daily digest started by hand. */
export function JobsPage() {
  const { t } = useI18n();
  const [state, setState] = useState<JobState | 'all'>('all');
  const { data, error, isLoading } = useJobs(state === 'all' ? undefined : state);
  if (error) return <ErrorPage error={error} />;
  const counts = data?.counts;
  return (
    <>
      <PageHeader title={t('nav.jobs')} subtitle={t('jobs.subtitle')} extra={<DigestButton />} />
      <Card>
        <Segmented
          data-testid="job-states"
          style={{ marginBottom: 16 }}
          value={state}
          onChange={(v) => setState(v as JobState | 'all')}
          options={[
            { value: 'all', label: t('jobs.all') },
            ...JOB_STATES.map((s) => ({ value: s, label: `${t(`jobs.state.${s}`)} (${counts?.[s] ?? 0})` })),
          ]}
        />
        <Table<JobView>
          rowKey="id"
          size="small"
          loading={isLoading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('jobs.empty') }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { key: 'type', title: t('jobs.type'), dataIndex: 'type' },
            { key: 'state', title: t('jobs.state'), render: (_, j) => <Tag color={COLOURS[j.state]}>{t(`jobs.state.${j.state}`)}</Tag> },
            { key: 'tries', title: t('jobs.tries'), render: (_, j) => `${j.retryCount + (j.state === 'waiting' ? 0 : 1)} / ${j.retryLimit + 1}` },
            { key: 'created', title: t('jobs.created'), render: (_, j) => when(j.createdAt) },
            { key: 'started', title: t('jobs.started'), render: (_, j) => when(j.startedAt) },
            { key: 'finished', title: t('jobs.finished'), render: (_, j) => when(j.finishedAt) },
            { key: 'error', title: t('jobs.error'), render: (_, j) => (j.error ? <Typography.Text type="danger">{j.error}</Typography.Text> : null) },
          ]}
        />
      </Card>
    </>
  );
}
