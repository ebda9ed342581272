import { Alert, App, Button, Card, Flex, Steps, Typography } from 'antd';
import { useState } from 'react';
import type { CurrentUser } from '../../../shared/contracts/auth.ts';
import { OFFICE_ONLY_STEPS, VISIT_TRANSITIONS, type Visit, type VisitStatus } from '../../../shared/contracts/visits.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { actsForOffice, can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useVisitTransition } from './api.ts';
import { ReportSection } from './report-section.tsx';
import { StepDialog, type PendingStep } from './step-dialog.tsx';
import { useVisitLabels } from './visit-labels.tsx';

/** The usual path; "rejected" and "cancelled" leave it. */
const PATH: VisitStatus[] = ['requested', 'approved', 'held', 'closed'];
const DATE_OF: Partial<Record<VisitStatus, 'requestedOn' | 'approvedOn' | 'heldOn' | 'closedOn'>> = { requested: 'requestedOn', approved: 'approvedOn', held: 'heldOn', closed: 'closedOn' };
const FORWARD: readonly VisitStatus[] = ['approved', 'held', 'closed'];

/**
 * The steps this user may take from the visit's status: the shared table, less the office's
 * steps (approve, reject) for anyone outside the office, as the server refuses them.
 */
export function stepsFor(user: CurrentUser, status: VisitStatus): VisitStatus[] {
  if (!can(user, 'edit', 'visit')) return [];
  return VISIT_TRANSITIONS[status].filter((to) => actsForOffice(user) || !OFFICE_ONLY_STEPS.includes(to));
}

/** Where the visit is in the workflow, the steps it may take next, the report and when it is due. */
export function WorkflowCard({ visit: v }: { visit: Visit }) {
  const { t, locale } = useI18n();
  const labels = useVisitLabels();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const transition = useVisitTransition(v.id);
  const [pending, setPending] = useState<PendingStep | null>(null);

  const take = async (step: PendingStep) => {
    try {
      await transition.mutateAsync({ to: step.to, on: step.on, report: step.report || undefined, version: v.version });
      void message.success(t('visit.stepDone', { status: labels.status(step.to) }));
      setPending(null);
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  const next = stepsFor(user, v.status);
  const officeSteps = VISIT_TRANSITIONS[v.status].some((to) => OFFICE_ONLY_STEPS.includes(to));
  const off = v.status === 'rejected' || v.status === 'cancelled';
  // a rejected or cancelled visit stops where it left the path
  const reached = off ? PATH.findLastIndex((s) => { const field = DATE_OF[s]; return field ? v[field] != null : false; }) : PATH.indexOf(v.status);

  return (
    <Card title={t('visit.workflow')} data-testid="visit-workflow">
      <Steps
        size="small"
        current={off ? reached + 1 : reached}
        status={off ? 'error' : v.status === 'closed' ? 'finish' : 'process'}
        items={[
          ...PATH.slice(0, off ? reached + 1 : PATH.length).map((s) => {
            const field = DATE_OF[s];
            const on = field ? v[field] : null;
            return { title: labels.status(s), content: on ?? undefined };
          }),
          ...(off ? [{ title: labels.status(v.status), content: (v.status === 'rejected' ? v.rejectedOn : v.cancelledOn) ?? undefined }] : []),
        ]}
        style={{ marginBottom: 16 }}
      />
      {v.reportOverdue ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('visit.reportOverdue', { date: v.reportDueOn })} data-testid="visit-report-overdue" />
      ) : v.status === 'held' || v.status === 'approved' ? (
        <Typography.Paragraph type="secondary" data-testid="visit-report-due">
          {t('visit.reportDue', { date: v.reportDueOn })}
        </Typography.Paragraph>
      ) : null}
      <Flex gap={8} wrap align="center">
        {next.map((to) => (
          <Button
            key={to}
            type={FORWARD.includes(to) ? 'primary' : 'default'}
            danger={to === 'rejected' || to === 'cancelled'}
            onClick={() => setPending({ to, on: officeToday(), report: to === 'closed' ? (v.report ?? '') : undefined })}
            data-testid={`visit-to-${to}`}
          >
            {t(`visit.to.${to as Exclude<VisitStatus, 'requested'>}`)}
          </Button>
        ))}
        {can(user, 'edit', 'visit') && next.length === 0 && VISIT_TRANSITIONS[v.status].length === 0 ? <Typography.Text type="secondary">{t('visit.noNext')}</Typography.Text> : null}
        {can(user, 'edit', 'visit') && !actsForOffice(user) && officeSteps ? <Typography.Text type="secondary">{t('visit.officeOnly')}</Typography.Text> : null}
      </Flex>
      {v.status === 'held' || v.status === 'closed' ? <ReportSection visit={v} /> : null}
      {pending ? <StepDialog step={pending} saving={transition.isPending} onChange={setPending} onConfirm={() => void take(pending)} onCancel={() => setPending(null)} /> : null}
    </Card>
  );
}
