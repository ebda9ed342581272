import { Link } from '@tanstack/react-router';
import { Typography } from 'antd';
import type { Appointment } from '../../../shared/contracts/appointments.ts';
import { CountryName } from '../../components/country-select.tsx';
import { RecordDetails } from '../../components/record-details.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { AppointmentTags, ExpertNameLines, useAppointmentLabels } from './appointment-labels.tsx';

/** A link to another appointment of the chain of renewals. */
const chainLink = (id: number | null, testId: string) =>
  id == null ? null : (
    <Link to="/experts/appointments/$id" params={{ id: String(id) }} data-testid={testId}>
      #{id}
    </Link>
  );

/** An appointment's fields, read-only: the expert (a link to their page), the title, the term, its place in a chain of renewals. */
export function AppointmentDetails({ appointment: a }: { appointment: Appointment }) {
  const { t, locale } = useI18n();
  const labels = useAppointmentLabels();
  const unit = useUnitMap().get(a.unitId);
  const expert = (
    <Link to="/people/$id" params={{ id: String(a.personId) }}>
      <ExpertNameLines person={a.person} />
    </Link>
  );
  const institution = a.institutionId ? (
    <Link to="/institutions/$id" params={{ id: String(a.institutionId) }}>
      {a.institutionName}
    </Link>
  ) : null;
  return (
    <RecordDetails
      record={a}
      labels="exp.field"
      rows={[
        { field: 'personId', value: expert },
        { field: 'nationality', label: 'person.field.nationality', value: <CountryName code={a.person.nationality} /> },
        { field: 'title', value: labels.title(a.title) },
        { field: 'status', label: 'agr.field.status', value: <AppointmentTags appointment={a} /> },
        { field: 'unitId', value: unit ? primaryName(unit, locale) : null },
        { field: 'institutionId', value: institution },
        'startDate',
        { field: 'endDate', value: a.endDate ?? <Typography.Text type="secondary">{t('exp.noEnd')}</Typography.Text> },
        a.revokedOn ? { field: 'revokedOn', label: 'exp.revokedOn' } : null,
        { field: 'predecessor', label: 'exp.predecessor', value: chainLink(a.predecessorId, 'appointment-predecessor') },
        { field: 'successor', label: 'exp.successor', value: chainLink(a.successorId, 'appointment-successor') },
      ]}
    />
  );
}
