import { AppointmentInput, DELETABLE_APPOINTMENT_STATUSES, type Appointment } from '../../../shared/contracts/appointments.ts';
import { DocumentsButton } from '../documents/documents-button.tsx';
import { RecordPage } from '../../components/record-page.tsx';
import { RenewButton } from '../../components/renew-button.tsx';
import { WorkflowCard } from '../../components/workflow-card.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { personNames } from '../people/person-values.ts';
import { appointmentsApi, useAppointmentRenewal, useAppointmentTransition } from './api.ts';
import { AppointmentDetails } from './appointment-details.tsx';
import { AppointmentForm } from './appointment-form.tsx';
import { useAppointmentLabels } from './appointment-labels.tsx';
import { APPOINTMENT_WORKFLOW } from './appointment-workflow.ts';
import { toAppointmentFormValues } from './appointment-values.ts';
import { ExpertDocumentsCard } from './expert-documents-card.tsx';

/** One appointment: details or the edit form, its lifecycle and renewal, the expert's documents, its history. */
export function AppointmentPage() {
  const { locale } = useI18n();
  const labels = useAppointmentLabels();
  const user = useCurrentUser();
  // a term that ends can be renewed once, by whoever may propose an appointment
  const renewable = (a: Appointment) => a.status === 'appointed' && a.endDate !== null && a.successorId === null && can(user, 'create', 'appointment');

  return (
    <RecordPage
      kind={{ entity: 'appointment', resource: appointmentsApi, schema: AppointmentInput, messages: 'exp', toFormValues: toAppointmentFormValues, listPath: '/experts' }}
      header={(a) => {
        const { primary, secondary } = personNames(a.person, locale);
        return { title: `${primary} — ${labels.title(a.title)}`, subtitle: [secondary, a.institutionName].filter(Boolean).join(' · ') };
      }}
      mayDelete={(a) => DELETABLE_APPOINTMENT_STATUSES.includes(a.status)}
      actions={(a) => <DocumentsButton kinds={['appointment_letter']} record={{ recordId: a.id }} />}
      details={(a) => <AppointmentDetails appointment={a} />}
      editForm={(props, a) => <AppointmentForm {...props} status={a.status} institutionLabel={a.institutionName} />}
      below={(a) => (
        <>
          <WorkflowCard
            record={a}
            workflow={APPOINTMENT_WORKFLOW}
            useTransition={useAppointmentTransition}
            hideNoNext={renewable(a)}
            extra={renewable(a) ? <RenewButton record={a} useRenewal={useAppointmentRenewal} messages="exp" to="/experts/appointments/$id" testId="appointment-renew" /> : null}
          />
          <ExpertDocumentsCard appointment={a} />
        </>
      )}
    />
  );
}
