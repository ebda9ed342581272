import { App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { STUDENT_TRANSITIONS, type StudentEnrolment, type StudentStatus } from '../../../shared/contracts/students.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { WorkflowStepDialog } from '../../components/workflow-step-dialog.tsx';
import { errorText } from '../../lib/errors.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useStudentTransition } from './api.ts';
import { StudentStatusTag } from './student-labels.tsx';

const ENDING: readonly StudentStatus[] = ['withdrawn', 'transferred'];

/** Where the enrolment stands and the steps it may take next (registration, suspension, graduation, withdrawal, transfer), each dated. */
export function StudentWorkflowCard({ enrolment: e }: { enrolment: StudentEnrolment }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const transition = useStudentTransition(e.id);
  const [pending, setPending] = useState<{ to: StudentStatus; on: string; degreeAwarded: string } | null>(null);
  const next = can(user, 'edit', 'student') ? STUDENT_TRANSITIONS[e.status] : [];

  const take = async (step: { to: StudentStatus; on: string; degreeAwarded: string }) => {
    try {
      await transition.mutateAsync({ to: step.to, on: step.on, degreeAwarded: step.degreeAwarded || undefined, version: e.version });
      void message.success(t('stu.stepDone', { status: t(`student.status.${step.to}` as MessageKey) }));
      setPending(null);
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  return (
    <Card title={t('stu.workflow')} data-testid="student-workflow">
      <Flex gap={8} wrap align="center">
        <StudentStatusTag status={e.status} />
        {next.map((to) => (
          <Button key={to} type={ENDING.includes(to) ? 'default' : 'primary'} danger={ENDING.includes(to)} onClick={() => setPending({ to, on: officeToday(), degreeAwarded: '' })} data-testid={`student-to-${to}`}>
            {t(`student.to.${to}` as MessageKey)}
          </Button>
        ))}
        {STUDENT_TRANSITIONS[e.status].length === 0 ? <Typography.Text type="secondary">{t('stu.noNext')}</Typography.Text> : null}
      </Flex>
      {pending ? (
        <WorkflowStepDialog
          title={t(`student.to.${pending.to}` as MessageKey)}
          danger={ENDING.includes(pending.to)}
          dateLabel={t('stu.stepOn')}
          on={pending.on}
          onDateChange={(on) => setPending({ ...pending, on })}
          saving={transition.isPending}
          onConfirm={() => void take(pending)}
          onCancel={() => setPending(null)}
          testId="student-step"
        >
          {pending.to === 'graduated' ? (
            <Form.Item label={t('stu.field.degreeAwarded')}>
              <Input value={pending.degreeAwarded} onChange={(ev) => setPending({ ...pending, degreeAwarded: ev.target.value })} maxLength={300} data-testid="student-degree" />
            </Form.Item>
          ) : null}
        </WorkflowStepDialog>
      ) : null}
    </Card>
  );
}
