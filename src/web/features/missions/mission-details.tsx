import type { Mission } from '../../../shared/contracts/missions.ts';
import { movementRows } from '../../components/movement-rows.tsx';
import { RecordDetails } from '../../components/record-details.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { DestinationsCell } from './mission-cells.tsx';
import { memberName, MissionDates, MissionTags, unitName, useMissionLabels } from './mission-labels.tsx';

/** A mission's fields, read-only, with its derived states (report due, overdue), its members and the dates of its steps. */
export function MissionDetails({ mission: m }: { mission: Mission }) {
  const { locale } = useI18n();
  const labels = useMissionLabels();
  const members = m.members.map((x) => `${memberName(x, locale)}${x.title ? ` (${x.title})` : ''} · ${labels.role(x.role)}`).join('; ');
  const { head, taken } = movementRows('mission', m, { tags: <MissionTags mission={m} />, dates: <MissionDates mission={m} /> });
  return (
    <RecordDetails
      record={m}
      labels="mission.field"
      rows={[
        ...head,
        { field: 'purpose', value: labels.purpose(m.purpose) },
        { field: 'unitId', value: unitName(m, locale) },
        { field: 'fundingSource', value: labels.funding(m.fundingSource) },
        { field: 'destinations', label: 'mission.destinations', value: <DestinationsCell mission={m} hosts /> },
        { field: 'members', label: 'mission.members', value: <span data-testid="mission-members">{members}</span> },
        ...['approvalDocumentNo', 'invitationReference'],
        ...taken,
      ]}
    />
  );
}
