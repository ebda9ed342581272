import { AppointmentInput, DELETABLE_APPOINTMENT_STATUSES } from '../../../shared/contracts/appointments.ts';
import { RecordPage } from '../../components/record-page.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { personNames } from '../people/person-values.ts';
import { appointmentsApi } from './api.ts';
import { AppointmentDetails } from './appointment-details.tsx';
import { AppointmentForm } from './appointment-form.tsx';
import { useAppointmentLabels } from './appointment-labels.tsx';
import { AppointmentLifecycleCard } from './appointment-lifecycle-card.tsx';
import { toAppointmentFormValues } from './appointment-values.ts';
import { ExpertDocumentsCard } from './expert-documents-card.tsx';

/** One appointment: details or the edit form, its lifecycle and renewal, the expert's documents, its history. */
export function AppointmentPage() {
  const { locale } = useI18n();
  const labels = useAppointmentLabels();

  return (
    <RecordPage
      kind={{ entity: 'appointment', resource: appointmentsApi, schema: AppointmentInput, messages: 'exp', toFormValues: toAppointmentFormValues, listPath: '/experts' }}
      header={(a) => {
        const { primary, secondary } = personNames(a.person, locale);
        return { title: `${primary} — ${labels.title(a.title)}`, subtitle: [secondary, a.institutionName].filter(Boolean).join(' · ') };
      }}
      mayDelete={(a) => DELETABLE_APPOINTMENT_STATUSES.includes(a.status)}
      details={(a) => <AppointmentDetails appointment={a} />}
      editForm={(props, a) => <AppointmentForm {...props} status={a.status} institutionLabel={a.institutionName} />}
      below={(a) => (
        <>
          <AppointmentLifecycleCard appointment={a} />
          <ExpertDocumentsCard appointment={a} />
        </>
      )}
    />
  );
}
