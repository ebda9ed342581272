import { useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Card, Flex, Form, Modal, Popconfirm, Steps, Typography } from 'antd';
import { useState } from 'react';
import { APPOINTMENT_TRANSITIONS, OFFICE_APPOINTMENT_STEPS, type Appointment, type AppointmentStatus } from '../../../shared/contracts/appointments.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { DateInput } from '../../components/date-input.tsx';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { actsForOffice, can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useAppointmentRenewal, useAppointmentTransition } from './api.ts';
import { useAppointmentLabels } from './appointment-labels.tsx';

/** Where the appointment is (proposed → appointed, or revoked), the steps this user may take, and its renewal. */
export function AppointmentLifecycleCard({ appointment: a }: { appointment: Appointment }) {
  const { t, locale } = useI18n();
  const labels = useAppointmentLabels();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const transition = useAppointmentTransition(a.id);
  const renewal = useAppointmentRenewal(a.id);
  const [revokeOn, setRevokeOn] = useState<string | null>(null);
  const office = actsForOffice(user);

  const step = async (to: AppointmentStatus, on?: string) => {
    try {
      await transition.mutateAsync({ to, on, version: a.version });
      void message.success(t('agr.stepDone', { status: labels.status(to) }));
      setRevokeOn(null);
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  const renew = async () => {
    try {
      const successor = await renewal.mutateAsync(a.version);
      void message.success(t('exp.renewed'));
      await navigate({ to: '/experts/appointments/$id', params: { id: String(successor.id) } });
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  // a unit proposes; the school confers and withdraws titles: those steps are offered to the office only
  const next = APPOINTMENT_TRANSITIONS[a.status].filter((to) => office || !OFFICE_APPOINTMENT_STEPS.includes(to));
  const officeOnly = APPOINTMENT_TRANSITIONS[a.status].filter((to) => !office && OFFICE_APPOINTMENT_STEPS.includes(to));
  const renewable = a.status === 'appointed' && a.endDate !== null && a.successorId === null && can(user, 'create', 'appointment');
  const editable = can(user, 'edit', 'appointment');

  return (
    <Card title={t('exp.lifecycle')} data-testid="appointment-lifecycle">
      <Steps
        size="small"
        current={a.status === 'proposed' ? 0 : 1}
        status={a.status === 'revoked' ? 'error' : a.status === 'appointed' ? 'finish' : 'process'}
        items={[{ title: labels.status('proposed') }, { title: labels.status(a.status === 'revoked' ? 'revoked' : 'appointed') }]}
        style={{ marginBottom: 16 }}
      />
      {a.status === 'revoked' ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`${labels.status('revoked')} · ${a.revokedOn ?? ''}`} /> : null}
      {officeOnly.length && editable ? (
        <Typography.Paragraph type="secondary" data-testid="appointment-office-only">
          {t('exp.officeOnly', { steps: officeOnly.map((s) => t(`exp.to.${s as 'appointed' | 'revoked'}`)).join(', ') })}
        </Typography.Paragraph>
      ) : null}
      {editable ? (
        <Flex gap={8} wrap align="center">
          {next.length === 0 && !renewable ? <Typography.Text type="secondary">{t('exp.noNext')}</Typography.Text> : null}
          {next.map((to) =>
            to === 'revoked' ? (
              <Button key={to} danger onClick={() => setRevokeOn(officeToday())} data-testid="appointment-to-revoked">
                {t('exp.to.revoked')}
              </Button>
            ) : (
              <Popconfirm key={to} title={t('exp.confirm.appointed')} onConfirm={() => step(to)}>
                <Button type="primary" loading={transition.isPending} data-testid={`appointment-to-${to}`}>
                  {t(`exp.to.${to as 'appointed'}`)}
                </Button>
              </Popconfirm>
            ),
          )}
          {renewable ? (
            <Popconfirm title={t('exp.renewConfirm')} onConfirm={() => renew()}>
              <Button loading={renewal.isPending} data-testid="appointment-renew">
                {t('exp.renew')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      ) : null}
      {revokeOn ? (
        <Modal
          open
          title={t('exp.to.revoked')}
          okText={t('exp.to.revoked')}
          okButtonProps={{ danger: true, 'data-testid': 'appointment-step-ok' }}
          cancelText={t('action.cancel')}
          confirmLoading={transition.isPending}
          onOk={() => void step('revoked', revokeOn)}
          onCancel={() => setRevokeOn(null)}
          destroyOnHidden
        >
          <Form layout="vertical">
            <Form.Item label={t('exp.revokedOn')} required>
              <DateInput value={revokeOn} allowClear={false} onChange={(on) => on && setRevokeOn(on)} style={{ width: '100%' }} />
            </Form.Item>
          </Form>
        </Modal>
      ) : null}
    </Card>
  );
}
