import type { Visit } from '../../../shared/contracts/visits.ts';
import { MovementDetails } from '../../components/movement-details.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { hostUnitName, VisitTags, useVisitLabels } from './visit-labels.tsx';
import { VisitCountries } from './visit-cells.tsx';

/** A visit's fields, read-only, with its derived states (report due, overdue, notable) and the dates of its steps. */
export function VisitDetails({ visit: v }: { visit: Visit }) {
  const { locale } = useI18n();
  const labels = useVisitLabels();
  const own = [{ field: 'protocolLevel', value: labels.protocolLevel(v.protocolLevel) }, { field: 'countries', label: 'visit.countries', value: <VisitCountries visit={v} /> }, 'receivingOfficial'];
  return <MovementDetails kind="visit" record={v} tags={<VisitTags visit={v} />} purpose={labels.purpose(v.purpose)} unit={hostUnitName(v, locale)} rows={own} />;
}
