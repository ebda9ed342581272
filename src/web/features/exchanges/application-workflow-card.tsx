import { App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { officeToday } from '../../../shared/calendar.ts';
import type { CurrentUser } from '../../../shared/contracts/auth.ts';
import { APPLICATION_TRANSITIONS, type Application, type ApplicationStatus } from '../../../shared/contracts/exchanges.ts';
import { roleMay } from '../../../shared/policies.ts';
import { WorkflowStepDialog } from '../../components/workflow-step-dialog.tsx';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { useApplicationTransition } from './api.ts';
import { ApplicationStatusTag, useExchangeLabels } from './exchange-labels.tsx';

type Step = Exclude<ApplicationStatus, 'submitted'>;
const DANGEROUS: readonly ApplicationStatus[] = ['rejected', 'withdrawn'];
const FORWARD: readonly ApplicationStatus[] = ['selected', 'nominated', 'departed', 'returned'];

/** The steps this user may take from the status: the shared table, for those the policy lets change an exchange. */
export function applicationStepsFor(user: CurrentUser, status: ApplicationStatus): Step[] {
  if (!roleMay(user.role, 'exchange', 'update')) return [];
  return APPLICATION_TRANSITIONS[status].filter((to): to is Step => to !== 'submitted');
}

/** Where the application is, and the steps it may take next, each sent with the version it was read at. */
export function ApplicationWorkflowCard({ application: a }: { application: Application }) {
  const { t, locale } = useI18n();
  const labels = useExchangeLabels();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const transition = useApplicationTransition(a.id);
  const [pending, setPending] = useState<{ to: Step; on: string } | null>(null);

  const take = async (step: { to: Step; on: string }) => {
    try {
      await transition.mutateAsync({ to: step.to, on: step.on, version: a.version });
      void message.success(t('xchg.stepDone', { status: labels.status(step.to) }));
      setPending(null);
    } catch (err) {
      // a 409 (changed meanwhile, places full, already selected this year) or a 400, in the user's language
      void message.error(errorText(err, locale));
    }
  };

  const next = applicationStepsFor(user, a.status);
  return (
    <Card title={t('xchg.workflow')} data-testid="application-workflow">
      <Flex gap={8} wrap align="center">
        <ApplicationStatusTag status={a.status} />
        {next.map((to) => (
          <Button key={to} type={FORWARD.includes(to) ? 'primary' : 'default'} danger={DANGEROUS.includes(to)} onClick={() => setPending({ to, on: officeToday() })} data-testid={`application-to-${to}`}>
            {t(`xchg.to.${to}`)}
          </Button>
        ))}
        {APPLICATION_TRANSITIONS[a.status].length === 0 ? <Typography.Text type="secondary">{t('xchg.noNext')}</Typography.Text> : null}
      </Flex>
      {pending ? (
        <WorkflowStepDialog
          title={t(`xchg.to.${pending.to}`)}
          danger={DANGEROUS.includes(pending.to)}
          hint={t('xchg.stepConfirm', { version: a.version })}
          dateLabel={t('xchg.stepOn')}
          on={pending.on}
          onDateChange={(on) => setPending({ ...pending, on })}
          saving={transition.isPending}
          onConfirm={() => void take(pending)}
          onCancel={() => setPending(null)}
          testId="application-step"
        />
      ) : null}
    </Card>
  );
}
