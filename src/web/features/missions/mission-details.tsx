import type { Mission } from '../../../shared/contracts/missions.ts';
import { MovementDetails } from '../../components/movement-details.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { DestinationsCell } from './mission-cells.tsx';
import { memberName, MissionTags, unitName, useMissionLabels } from './mission-labels.tsx';

/** A mission's fields, read-only, with its derived states (report due, overdue), its members and the dates of its steps. */
export function MissionDetails({ mission: m }: { mission: Mission }) {
  const { locale } = useI18n();
  const labels = useMissionLabels();
  const members = m.members.map((x) => `${memberName(x, locale)}${x.title ? ` (${x.title})` : ''} · ${labels.role(x.role)}`).join('; ');
  const own = [
    { field: 'fundingSource', value: labels.funding(m.fundingSource) },
    { field: 'destinations', label: 'mission.destinations', value: <DestinationsCell mission={m} hosts /> },
    { field: 'members', label: 'mission.members', value: <span data-testid="mission-members">{members}</span> },
    'approvalDocumentNo',
    'invitationReference',
  ];
  return <MovementDetails kind="mission" record={m} tags={<MissionTags mission={m} />} purpose={labels.purpose(m.purpose)} unit={unitName(m, locale)} rows={own} />;
}
