import type { Appointment, AppointmentStatus, ExpertName } from '../../../shared/contracts/appointments.ts';
import { APPOINTMENT_STATUS_LABELS, APPOINTMENT_TITLE_LABELS, EXPERT_DOCUMENT_KIND_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import { NameLines } from '../../components/name-lines.tsx';
import { StatusTags, type StatusTagSet } from '../../components/status-tags.tsx';
import { useEnumLabels } from '../../lib/enum-labels.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { personNames } from '../people/person-values.ts';

/** The title, status and document names the server's exports use too (one source in src/shared). */
export const useAppointmentLabels = () =>
  useEnumLabels({ title: APPOINTMENT_TITLE_LABELS, status: APPOINTMENT_STATUS_LABELS, documentKind: EXPERT_DOCUMENT_KIND_LABELS });

/** An appointment's status tag: the shared labels, a colour per status, and "in force" beside it. */
const APPOINTMENT_TAGS: StatusTagSet<AppointmentStatus, Pick<Appointment, 'status' | 'inForce'>> = {
  labels: APPOINTMENT_STATUS_LABELS,
  colours: { proposed: 'processing', appointed: 'blue', revoked: 'red' },
  testId: 'appointment-status',
  flags: [{ when: (a) => a.inForce, colour: 'green', label: 'exp.tag.inForce' }],
};

/** The stored status, and beside it whether the appointment is in force today (derived by the server). */
export const AppointmentTags = ({ appointment }: { appointment: Pick<Appointment, 'status' | 'inForce'> }) => (
  <StatusTags record={appointment} tags={APPOINTMENT_TAGS} />
);

/** An expert's name in the interface language's order of scripts, the other one on a second line. */
export function ExpertNameLines({ person }: { person: ExpertName }) {
  const { locale } = useI18n();
  return <NameLines {...personNames(person, locale)} />;
}

/** A term as "start – end", "no end" when open. */
export function TermText({ appointment: a }: { appointment: Pick<Appointment, 'startDate' | 'endDate'> }) {
  const { t } = useI18n();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {a.startDate} – {a.endDate ?? t('exp.noEnd')}
    </span>
  );
}
