import type { Visit } from '../../../shared/contracts/visits.ts';
import { movementRows } from '../../components/movement-rows.tsx';
import { RecordDetails } from '../../components/record-details.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { hostUnitName, VisitDates, VisitTags, useVisitLabels } from './visit-labels.tsx';
import { VisitCountries } from './visit-cells.tsx';

/** A visit's fields, read-only, with its derived states (report due, overdue, notable) and the dates of its steps. */
export function VisitDetails({ visit: v }: { visit: Visit }) {
  const { locale } = useI18n();
  const labels = useVisitLabels();
  const { head, taken } = movementRows('visit', v, { tags: <VisitTags visit={v} />, dates: <VisitDates visit={v} /> });
  return (
    <RecordDetails
      record={v}
      labels="visit.field"
      rows={[
        ...head,
        { field: 'purpose', value: labels.purpose(v.purpose) },
        { field: 'hostUnitId', value: hostUnitName(v, locale) },
        { field: 'protocolLevel', value: labels.protocolLevel(v.protocolLevel) },
        { field: 'countries', label: 'visit.countries', value: <VisitCountries visit={v} /> },
        'receivingOfficial',
        ...taken,
      ]}
    />
  );
}
