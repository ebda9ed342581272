import { Alert, App, Button, Card, Flex, Form, Input, Steps, Typography } from 'antd';
import { useState } from 'react';
import type { CurrentUser } from '../../../shared/contracts/auth.ts';
import { MISSION_OFFICE_ONLY_STEPS, MISSION_TRANSITIONS, type Mission, type MissionStatus } from '../../../shared/contracts/missions.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { WorkflowStepDialog } from '../../components/workflow-step-dialog.tsx';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { actsForOffice, can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useMissionTransition } from './api.ts';
import { useMissionLabels } from './mission-labels.tsx';
import { MissionReportSection } from './mission-report-section.tsx';

type Step = Exclude<MissionStatus, 'requested'>;

/** A step about to be taken: its date, the approval number when approving, the report when closing. */
interface PendingStep {
  to: Step;
  on: string;
  approvalDocumentNo?: string;
  report?: string;
}

/** The usual path; "rejected" and "cancelled" leave it. */
const PATH: MissionStatus[] = ['requested', 'approved', 'travelled', 'closed'];
const DATE_OF: Partial<Record<MissionStatus, 'requestedOn' | 'approvedOn' | 'travelledOn' | 'closedOn'>> = {
  requested: 'requestedOn',
  approved: 'approvedOn',
  travelled: 'travelledOn',
  closed: 'closedOn',
};
const FORWARD: readonly MissionStatus[] = ['approved', 'travelled', 'closed'];
const DANGEROUS: readonly MissionStatus[] = ['rejected', 'cancelled'];

/**
 * The steps this user may take from the mission's status: the shared table, less the office's
 * steps (approve, reject) for anyone outside the office, as the server refuses them.
 */
export function missionStepsFor(user: CurrentUser, status: MissionStatus): Step[] {
  if (!can(user, 'edit', 'mission')) return [];
  return MISSION_TRANSITIONS[status].filter((to): to is Step => actsForOffice(user) || !MISSION_OFFICE_ONLY_STEPS.includes(to));
}

/** Where the mission is in the workflow, the steps it may take next, the report and when it is due. */
export function MissionWorkflowCard({ mission: m }: { mission: Mission }) {
  const { t, locale } = useI18n();
  const labels = useMissionLabels();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const transition = useMissionTransition(m.id);
  const [pending, setPending] = useState<PendingStep | null>(null);

  const take = async (step: PendingStep) => {
    try {
      await transition.mutateAsync({ to: step.to, on: step.on, approvalDocumentNo: step.approvalDocumentNo || undefined, report: step.report || undefined, version: m.version });
      void message.success(t('mission.stepDone', { status: labels.status(step.to) }));
      setPending(null);
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  const next = missionStepsFor(user, m.status);
  const officeSteps = MISSION_TRANSITIONS[m.status].some((to) => MISSION_OFFICE_ONLY_STEPS.includes(to));
  const off = m.status === 'rejected' || m.status === 'cancelled';
  // a rejected or cancelled mission stops where it left the path
  const reached = off
    ? PATH.findLastIndex((s) => {
        const field = DATE_OF[s];
        return field ? m[field] != null : false;
      })
    : PATH.indexOf(m.status);

  return (
    <Card title={t('mission.workflow')} data-testid="mission-workflow">
      <Steps
        size="small"
        current={off ? reached + 1 : reached}
        status={off ? 'error' : m.status === 'closed' ? 'finish' : 'process'}
        items={[
          ...PATH.slice(0, off ? reached + 1 : PATH.length).map((s) => {
            const field = DATE_OF[s];
            return { title: labels.status(s), content: (field ? m[field] : null) ?? undefined };
          }),
          ...(off ? [{ title: labels.status(m.status), content: (m.status === 'rejected' ? m.rejectedOn : m.cancelledOn) ?? undefined }] : []),
        ]}
        style={{ marginBottom: 16 }}
      />
      {m.reportOverdue ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('mission.reportOverdue', { date: m.reportDueOn })} data-testid="mission-report-overdue" />
      ) : m.status === 'travelled' || m.status === 'approved' ? (
        <Typography.Paragraph type="secondary" data-testid="mission-report-due">
          {t('mission.reportDue', { date: m.reportDueOn })}
        </Typography.Paragraph>
      ) : null}
      <Flex gap={8} wrap align="center">
        {next.map((to) => (
          <Button
            key={to}
            type={FORWARD.includes(to) ? 'primary' : 'default'}
            danger={DANGEROUS.includes(to)}
            onClick={() => setPending({ to, on: officeToday(), approvalDocumentNo: m.approvalDocumentNo ?? '', report: m.report ?? '' })}
            data-testid={`mission-to-${to}`}
          >
            {t(`mission.to.${to}`)}
          </Button>
        ))}
        {can(user, 'edit', 'mission') && next.length === 0 && MISSION_TRANSITIONS[m.status].length === 0 ? <Typography.Text type="secondary">{t('mission.noNext')}</Typography.Text> : null}
        {can(user, 'edit', 'mission') && !actsForOffice(user) && officeSteps ? <Typography.Text type="secondary">{t('mission.officeOnly')}</Typography.Text> : null}
      </Flex>
      {m.status === 'travelled' || m.status === 'closed' ? <MissionReportSection mission={m} /> : null}
      {pending ? (
        <WorkflowStepDialog
          title={t(`mission.to.${pending.to}`)}
          danger={DANGEROUS.includes(pending.to)}
          hint={pending.to === 'travelled' ? t('mission.travelledHint') : pending.to === 'cancelled' ? t('mission.cancelConfirm') : pending.to === 'approved' ? t('mission.approveHint') : null}
          dateLabel={t(`mission.on.${pending.to}`)}
          on={pending.on}
          onDateChange={(on) => setPending({ ...pending, on })}
          saving={transition.isPending}
          onConfirm={() => void take(pending)}
          onCancel={() => setPending(null)}
          wide={pending.to === 'closed'}
          testId="mission-step"
        >
          {pending.to === 'approved' ? (
            <Form.Item label={t('mission.field.approvalDocumentNo')} required>
              <Input value={pending.approvalDocumentNo} onChange={(e) => setPending({ ...pending, approvalDocumentNo: e.target.value })} maxLength={100} data-testid="mission-approval-no" />
            </Form.Item>
          ) : null}
          {pending.to === 'closed' ? (
            <Form.Item label={t('mission.field.report')} required extra={t('mission.reportHint')}>
              <Input.TextArea value={pending.report} onChange={(e) => setPending({ ...pending, report: e.target.value })} autoSize={{ minRows: 6, maxRows: 16 }} maxLength={20000} showCount data-testid="mission-report-text" />
            </Form.Item>
          ) : null}
        </WorkflowStepDialog>
      ) : null}
    </Card>
  );
}
