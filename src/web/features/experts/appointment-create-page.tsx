import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Card } from 'antd';
import { AppointmentInput, type Appointment } from '../../../shared/contracts/appointments.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ForbiddenPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useCreateForm } from '../../lib/use-create-form.ts';
import { appointmentsApi } from './api.ts';
import { AppointmentForm } from './appointment-form.tsx';
import { newAppointmentValues, type AppointmentFormValues } from './appointment-values.ts';

const route = getRouteApi('/app/experts/appointments/new');

/** Propose an appointment (the office then confers it); then its page. */
export function AppointmentCreatePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { personId } = route.useSearch();
  const { form, contract, submit, saving } = useCreateForm<Appointment, typeof AppointmentInput, AppointmentFormValues>({
    resource: appointmentsApi,
    schema: AppointmentInput,
    labelPrefix: 'exp.field',
    onCreated: (created) => navigate({ to: '/experts/appointments/$id', params: { id: String(created.id) } }),
  });

  if (!can(user, 'create', 'appointment')) return <ForbiddenPage />;

  return (
    <>
      <PageHeader title={t('exp.newTitle')} subtitle={t('exp.newSubtitle')} extra={<BackLink to="/experts" />} />
      <Card>
        <AppointmentForm
          form={form}
          contract={contract}
          initialValues={newAppointmentValues(user.role === 'coordinator' ? user.unitId : null, personId)}
          saving={saving}
          onSubmit={submit}
          onCancel={() => void navigate({ to: '/experts' })}
        />
      </Card>
    </>
  );
}
