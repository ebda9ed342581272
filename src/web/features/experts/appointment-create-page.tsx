import { getRouteApi } from '@tanstack/react-router';
import { AppointmentInput, type Appointment } from '../../../shared/contracts/appointments.ts';
import { CreatePage } from '../../components/create-page.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { appointmentsApi } from './api.ts';
import { AppointmentForm } from './appointment-form.tsx';
import { newAppointmentValues, type AppointmentFormValues } from './appointment-values.ts';

const route = getRouteApi('/app/experts/appointments/new');

/** Propose an appointment (for the person named in the URL, when proposed from their page; the office then confers it); then its page. */
export function AppointmentCreatePage() {
  const user = useCurrentUser();
  const { personId } = route.useSearch();
  const initialValues = newAppointmentValues(user.role === 'coordinator' ? user.unitId : null, personId);
  return (
    <CreatePage<Appointment, typeof AppointmentInput, AppointmentFormValues> entity="appointment" messages="exp" subtitle="exp.newSubtitle" list="/experts" record="/experts/appointments/$id" resource={appointmentsApi} schema={AppointmentInput}>
      {(binding) => <AppointmentForm {...binding} initialValues={initialValues} />}
    </CreatePage>
  );
}
