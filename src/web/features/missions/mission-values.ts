import type { FundingSource, MemberRole, Mission, MissionPurpose } from '../../../shared/contracts/missions.ts';
import { formValuesOf } from '../../lib/form-values.ts';

/** One stop of the itinerary in the form. */
export interface DestinationRow {
  /** Empty: the host institution's country. */
  countryCode?: string;
  institutionId?: number | null;
}

/** One member row of the form. */
export interface MemberRow {
  personId?: number;
  role?: MemberRole;
}

/** What the mission form holds: the contract's fields, empty ones as undefined. */
export interface MissionFormValues {
  titleEn?: string;
  titleZh?: string;
  unitId?: number;
  purpose?: MissionPurpose;
  startDate?: string;
  endDate?: string;
  fundingSource?: FundingSource;
  approvalDocumentNo?: string;
  invitationReference?: string;
  destinations?: DestinationRow[];
  members?: MemberRow[];
  notes?: string;
}

/** A mission as form values (nulls become empty fields). */
export function toMissionFormValues(m: Mission): MissionFormValues {
  return {
    ...formValuesOf(m, ['titleEn', 'titleZh', 'unitId', 'purpose', 'startDate', 'endDate', 'fundingSource', 'approvalDocumentNo', 'invitationReference', 'notes']),
    destinations: m.destinations.map((d) => ({ countryCode: d.countryCode, institutionId: d.institutionId })),
    members: m.members.map((x) => ({ personId: x.personId, role: x.role })),
  };
}

/** A new mission's starting values: one empty destination and member, sent by the user's own unit when they have one. */
export function newMissionValues(unitId: number | null): MissionFormValues {
  return { unitId: unitId ?? undefined, purpose: 'conference', fundingSource: 'school', destinations: [{}], members: [{ role: 'leader' }] };
}
