import type { FieldProblem } from '../../core/errors.ts';
import type { LedgerEntry } from '../ledger/ledger.write.ts';
import { movementLedgerEntries } from '../movements/movement-ledger.ts';
import { planStep } from '../../workflow/plan-step.ts';
import { MISSION_KIND } from '../../../shared/kinds/mission.ts';
import { MISSION_COUNTED_STATUSES, type MemberRole, type Mission, type MissionStatus } from '../../../shared/contracts/missions.ts';

/** What a step looks at: the mission's status, first day, approval number and report. */
export interface MissionShape {
  status: MissionStatus;
  startDate: string;
  approvalDocumentNo: string | null;
  report: string | null;
}

/** The columns a step writes: the new status, the date it was taken, the approval number, on closing the report. */
export interface MissionStepValues {
  status?: MissionStatus;
  approvedOn?: string;
  rejectedOn?: string;
  travelledOn?: string;
  closedOn?: string;
  cancelledOn?: string;
  approvalDocumentNo?: string;
  report?: string;
  reportSubmittedOn?: string;
}

/**
 * Checks one workflow step taken on `on` and returns what it writes, as the mission's
 * description says (shared/kinds/mission.ts): approval needs the approval document number
 * (批件号), a mission has travelled only from its first day, and is closed only with its report.
 */
export function planMissionTransition(
  current: MissionShape,
  step: { to: MissionStatus; on: string; onGiven: boolean; approvalDocumentNo: string | null; report: string | null },
): { values: MissionStepValues; problems: FieldProblem[] } {
  const plan = planStep(MISSION_KIND, current, { ...step, inputs: { approvalDocumentNo: step.approvalDocumentNo, report: step.report } });
  return plan.kind === 'planned' ? { values: plan.values as MissionStepValues, problems: plan.problems } : { values: {}, problems: plan.kind === 'illegal' ? plan.problems : [] };
}

/** What the database says about the references of a mission. */
export interface MissionFacts {
  /** People the actor may name (their unit's, or anyone for the office; those already on the mission stay). */
  people: Set<number>;
  /** The institutions that exist, with their countries. */
  institutions: Map<number, string>;
  countries: Set<string>;
}

/**
 * Applies the defaults (a destination's country is its host institution's unless given) and
 * names each destination or member field that refers to nothing, or a person twice.
 */
export function resolveMission(
  mission: {
    destinations: Array<{ countryCode?: string | undefined; institutionId: number | null }>;
    members: Array<{ personId: number; role: MemberRole }>;
  },
  facts: MissionFacts,
): { destinations: Array<{ countryCode: string; institutionId: number | null }>; members: Array<{ personId: number; role: MemberRole }>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const destinations = mission.destinations.map((d, i) => {
    const hostCountry = d.institutionId != null ? facts.institutions.get(d.institutionId) : undefined;
    if (d.institutionId != null && hostCountry === undefined) problems.push({ field: `destinations.${i}.institutionId`, reason: 'unknown_reference' });
    const countryCode = d.countryCode ?? hostCountry ?? null;
    if (!countryCode) {
      if (d.institutionId == null) problems.push({ field: `destinations.${i}.countryCode`, reason: 'required' });
    } else if (!facts.countries.has(countryCode)) problems.push({ field: `destinations.${i}.countryCode`, reason: 'unknown_reference' });
    return { countryCode: countryCode ?? '', institutionId: d.institutionId };
  });
  const seen = new Set<number>();
  mission.members.forEach((m, i) => {
    if (!facts.people.has(m.personId)) problems.push({ field: `members.${i}.personId`, reason: 'unknown_reference' });
    else if (seen.has(m.personId)) problems.push({ field: `members.${i}.personId`, reason: 'duplicate' });
    seen.add(m.personId);
  });
  return { destinations, members: mission.members.map((m) => ({ personId: m.personId, role: m.role })), problems };
}

/**
 * The mission's person-times: one outbound staff row per member once the mission has
 * travelled (and still after it is closed), none before or after a cancellation. The purpose
 * is the category, the sending unit is ours, and the first destination is where the row goes
 * (a trip through three countries is still one person-time per member, as the office counts).
 */
export function missionLedgerEntries(mission: Pick<Mission, 'status' | 'purpose' | 'unitId' | 'startDate' | 'endDate' | 'members' | 'destinations'>): LedgerEntry[] {
  const first = mission.destinations[0];
  const placeOf = () => ({ countryCode: first?.countryCode ?? null, institutionId: first?.institutionId ?? null });
  return movementLedgerEntries(mission, { direction: 'outbound', who: 'staff', unitId: mission.unitId, counted: MISSION_COUNTED_STATUSES, placeOf });
}
