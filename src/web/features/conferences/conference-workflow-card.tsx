import { Alert, App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Steps, Typography } from 'antd';
import { useState } from 'react';
import { CONFERENCE_TRANSITIONS, OFFICE_CONFERENCE_STEPS, type Conference, type ConferenceStatus } from '../../../shared/contracts/conferences.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { DateInput } from '../../components/date-input.tsx';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { actsForOffice, can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useConferenceTransition } from './api.ts';
import { useConferenceLabels } from './conference-labels.tsx';

/** The usual path; rejected and cancelled leave it. */
const PATH: ConferenceStatus[] = ['proposed', 'approved', 'held', 'closed'];
/** Steps that leave the path: asked twice. */
const ENDINGS: ConferenceStatus[] = ['rejected', 'cancelled'];

/** The later of two calendar dates: a conference is held from its first day and closed from its last. */
const later = (a: string, b: string) => (a > b ? a : b);

type Dialog = { to: 'held'; on: string } | { to: 'closed'; on: string; summary: string };

/** Where the conference is in its workflow, the summary's due date, and the steps this user may take. */
export function ConferenceWorkflowCard({ conference: c }: { conference: Conference }) {
  const { t, locale } = useI18n();
  const labels = useConferenceLabels();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const transition = useConferenceTransition(c.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const office = actsForOffice(user);

  const step = async (to: ConferenceStatus, extra: { on?: string; summary?: string } = {}) => {
    try {
      await transition.mutateAsync({ to, ...extra, version: c.version });
      void message.success(t('agr.stepDone', { status: labels.status(to) }));
      setDialog(null);
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  const today = officeToday();
  // a host unit proposes and reports; approving and rejecting are the office's, offered to it only
  const next = CONFERENCE_TRANSITIONS[c.status].filter((to) => office || !OFFICE_CONFERENCE_STEPS.includes(to));
  const officeOnly = CONFERENCE_TRANSITIONS[c.status].filter((to) => !office && OFFICE_CONFERENCE_STEPS.includes(to));
  const editable = can(user, 'edit', 'conference');
  const ended = ENDINGS.includes(c.status);
  // a rejected or cancelled conference shows where it ended, not a path it will not take
  const path = ended ? ['proposed' as const, c.status] : PATH;

  const button = (to: ConferenceStatus) => {
    const common = { key: to, 'data-testid': `conference-to-${to}` };
    if (to === 'held') return <Button {...common} type="primary" onClick={() => setDialog({ to, on: later(today, c.startDate) })}>{t('conf.to.held')}</Button>;
    if (to === 'closed')
      return <Button {...common} type="primary" onClick={() => setDialog({ to, on: later(today, c.endDate), summary: c.summary ?? '' })}>{t('conf.to.closed')}</Button>;
    if (ENDINGS.includes(to))
      return (
        <Popconfirm key={to} title={t(`conf.confirm.${to as 'rejected' | 'cancelled'}`)} onConfirm={() => step(to)}>
          <Button danger data-testid={`conference-to-${to}`} loading={transition.isPending}>
            {t(`conf.to.${to as 'rejected' | 'cancelled'}`)}
          </Button>
        </Popconfirm>
      );
    return <Button {...common} type="primary" loading={transition.isPending} onClick={() => void step(to)}>{t('conf.to.approved')}</Button>;
  };

  return (
    <Card title={t('conf.workflow')} data-testid="conference-workflow">
      <Steps
        size="small"
        current={path.indexOf(c.status)}
        status={ended ? 'error' : c.status === 'closed' ? 'finish' : 'process'}
        items={path.map((s) => ({ title: labels.status(s) }))}
        style={{ marginBottom: 16 }}
      />
      {c.summaryOverdue ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('conf.overdueWarning', { date: c.summaryDueOn })} data-testid="conference-overdue" />
      ) : c.status === 'held' ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('conf.summaryDue', { date: c.summaryDueOn })} />
      ) : null}
      {officeOnly.length && editable ? (
        <Typography.Paragraph type="secondary">{t('conf.officeOnly', { steps: officeOnly.map((s) => t(`conf.to.${s as 'approved' | 'rejected'}`)).join(', ') })}</Typography.Paragraph>
      ) : null}
      {editable ? (
        <Flex gap={8} wrap align="center">
          {next.length === 0 ? <Typography.Text type="secondary">{t('conf.noNext')}</Typography.Text> : null}
          {next.map(button)}
        </Flex>
      ) : null}
      {dialog ? (
        <Modal
          open
          title={t(`conf.to.${dialog.to}`)}
          okText={t(`conf.to.${dialog.to}`)}
          okButtonProps={{ 'data-testid': 'conference-step-ok' } as never}
          cancelText={t('action.cancel')}
          confirmLoading={transition.isPending}
          onOk={() => void step(dialog.to, dialog.to === 'closed' ? { on: dialog.on, summary: dialog.summary } : { on: dialog.on })}
          onCancel={() => setDialog(null)}
          width={dialog.to === 'closed' ? 720 : 420}
          destroyOnHidden
        >
          <Form layout="vertical">
            {dialog.to === 'closed' ? (
              <>
                <Typography.Paragraph type="secondary">{t('conf.closeHint')}</Typography.Paragraph>
                <Form.Item label={t('conf.field.summary')} required>
                  <Input.TextArea
                    value={dialog.summary}
                    onChange={(e) => setDialog({ ...dialog, summary: e.target.value })}
                    autoSize={{ minRows: 6, maxRows: 20 }}
                    maxLength={50000}
                    data-testid="conference-summary-input"
                  />
                </Form.Item>
              </>
            ) : null}
            <Form.Item label={t(`conf.on.${dialog.to}`)} required>
              <DateInput value={dialog.on} allowClear={false} onChange={(on) => on && setDialog({ ...dialog, on })} style={{ width: '100%' }} data-testid="conference-step-date" />
            </Form.Item>
          </Form>
        </Modal>
      ) : null}
    </Card>
  );
}
