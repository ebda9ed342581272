import { Typography } from 'antd';
import type { Visit } from '../../../shared/contracts/visits.ts';
import { RecordDetails } from '../../components/record-details.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { hostUnitName, VisitDates, VisitTags, useVisitLabels } from './visit-labels.tsx';
import { VisitCountries } from './visit-cells.tsx';

/** The dates of a visit's steps, in workflow order (only those taken are shown). */
const STEP_DATES = ['requestedOn', 'approvedOn', 'rejectedOn', 'heldOn', 'closedOn', 'cancelledOn', 'reportSubmittedOn'] as const;

/** A visit's fields, read-only, with its derived states (report due, overdue, notable) and the dates of its steps. */
export function VisitDetails({ visit: v }: { visit: Visit }) {
  const { locale } = useI18n();
  const labels = useVisitLabels();
  return (
    <RecordDetails
      record={v}
      labels="visit.field"
      rows={[
        { field: 'status', value: <VisitTags visit={v} /> },
        { field: 'reportDueOn', value: <Typography.Text type={v.reportOverdue ? 'warning' : undefined}>{v.reportDueOn}</Typography.Text> },
        ...['titleEn', 'titleZh'],
        { field: 'dates', label: 'visit.dates', value: <VisitDates visit={v} /> },
        { field: 'purpose', value: labels.purpose(v.purpose) },
        { field: 'hostUnitId', value: hostUnitName(v, locale) },
        { field: 'protocolLevel', value: labels.protocolLevel(v.protocolLevel) },
        { field: 'countries', label: 'visit.countries', value: <VisitCountries visit={v} /> },
        'receivingOfficial',
        ...STEP_DATES.filter((field) => v[field] != null),
      ]}
    />
  );
}
