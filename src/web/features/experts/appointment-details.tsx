import { Link } from '@tanstack/react-router';
import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Appointment } from '../../../shared/contracts/appointments.ts';
import { CountryName } from '../../components/country-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { AppointmentTags, ExpertNameLines, useAppointmentLabels } from './appointment-labels.tsx';

/** An appointment's fields, read-only: the expert (a link to their page), the title, the term, its place in a chain of renewals. */
export function AppointmentDetails({ appointment: a }: { appointment: Appointment }) {
  const { t, locale, formatDateTime } = useI18n();
  const labels = useAppointmentLabels();
  const units = useUnitMap();
  const unit = units.get(a.unitId);
  const text = (v: ReactNode) => (v === null || v === undefined || v === '' ? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text> : v);
  const link = (id: number | null, testId: string) =>
    id == null ? text(null) : (
      <Link to="/experts/appointments/$id" params={{ id: String(id) }} data-testid={testId}>
        #{id}
      </Link>
    );
  const items = [
    {
      key: 'person',
      label: t('exp.field.personId'),
      children: (
        <Link to="/people/$id" params={{ id: String(a.personId) }}>
          <ExpertNameLines person={a.person} />
        </Link>
      ),
    },
    { key: 'nationality', label: t('person.field.nationality'), children: <CountryName code={a.person.nationality} /> },
    { key: 'title', label: t('exp.field.title'), children: labels.title(a.title) },
    { key: 'status', label: t('agr.field.status'), children: <AppointmentTags appointment={a} /> },
    { key: 'unit', label: t('exp.field.unitId'), children: text(unit ? primaryName(unit, locale) : null) },
    {
      key: 'institution',
      label: t('exp.field.institutionId'),
      children: a.institutionId ? (
        <Link to="/institutions/$id" params={{ id: String(a.institutionId) }}>
          {a.institutionName}
        </Link>
      ) : (
        text(null)
      ),
    },
    { key: 'startDate', label: t('exp.field.startDate'), children: a.startDate },
    { key: 'endDate', label: t('exp.field.endDate'), children: a.endDate ?? <Typography.Text type="secondary">{t('exp.noEnd')}</Typography.Text> },
    ...(a.revokedOn ? [{ key: 'revokedOn', label: t('exp.revokedOn'), children: a.revokedOn }] : []),
    { key: 'predecessor', label: t('exp.predecessor'), children: link(a.predecessorId, 'appointment-predecessor') },
    { key: 'successor', label: t('exp.successor'), children: link(a.successorId, 'appointment-successor') },
    { key: 'updatedAt', label: t('common.updatedAt'), children: `${formatDateTime(a.updatedAt)} · ${t('common.version')} ${a.version}` },
    { key: 'notes', label: t('exp.field.notes'), span: 'filled' as const, children: a.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{a.notes}</span> : text(null) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}
