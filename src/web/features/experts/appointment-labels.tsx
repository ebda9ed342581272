import { Space, Tag, Typography } from 'antd';
import type { Appointment, AppointmentStatus, AppointmentTitle, ExpertDocumentKind, ExpertName } from '../../../shared/contracts/appointments.ts';
import { APPOINTMENT_STATUS_LABELS, APPOINTMENT_TITLE_LABELS, EXPERT_DOCUMENT_KIND_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { personNames } from '../people/person-values.ts';

/** The title, status and document names the server's exports use too (one source in src/shared). */
export function useAppointmentLabels() {
  const { locale } = useI18n();
  return {
    title: (title: AppointmentTitle) => APPOINTMENT_TITLE_LABELS[title][locale],
    status: (status: AppointmentStatus) => APPOINTMENT_STATUS_LABELS[status][locale],
    documentKind: (kind: ExpertDocumentKind) => EXPERT_DOCUMENT_KIND_LABELS[kind][locale],
  };
}

const STATUS_COLOURS: Record<AppointmentStatus, string> = { proposed: 'processing', appointed: 'blue', revoked: 'red' };

/** The stored status, and beside it whether the appointment is in force today (derived by the server). */
export function AppointmentTags({ appointment }: { appointment: Pick<Appointment, 'status' | 'inForce'> }) {
  const { t } = useI18n();
  const labels = useAppointmentLabels();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOURS[appointment.status]} data-testid="appointment-status">
        {labels.status(appointment.status)}
      </Tag>
      {appointment.inForce ? <Tag color="green">{t('exp.tag.inForce')}</Tag> : null}
    </Space>
  );
}

/** An expert's name in the interface language's order of scripts, the other one on a second line. */
export function ExpertNameLines({ person }: { person: ExpertName }) {
  const { locale } = useI18n();
  const { primary, secondary } = personNames(person, locale);
  return (
    <div style={{ lineHeight: 1.35 }}>
      <div>{primary}</div>
      {secondary ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {secondary}
        </Typography.Text>
      ) : null}
    </div>
  );
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
