import type { ProtocolLevel, Visit, VisitPurpose } from '../../../shared/contracts/visits.ts';
import { formValuesOf } from '../../lib/form-values.ts';

/** One visitor row of the form. */
export interface MemberRow {
  personId?: number;
  roleInDelegation?: string;
  /** null: the visitor comes from no institution on this visit. */
  institutionId?: number | null;
  /** Empty: the person's nationality. */
  countryCode?: string;
}

/** What the visit form holds: the contract's fields, empty ones as undefined. */
export interface VisitFormValues {
  titleEn?: string;
  titleZh?: string;
  hostUnitId?: number;
  purpose?: VisitPurpose;
  startDate?: string;
  endDate?: string;
  protocolLevel?: ProtocolLevel;
  receivingOfficial?: string;
  members?: MemberRow[];
  notes?: string;
}

/** A visit as form values (nulls become empty fields). */
export function toVisitFormValues(v: Visit): VisitFormValues {
  return {
    ...formValuesOf(v, ['titleEn', 'titleZh', 'hostUnitId', 'purpose', 'startDate', 'endDate', 'protocolLevel', 'receivingOfficial', 'notes']),
    members: v.members.map((m) => ({ personId: m.personId, roleInDelegation: m.roleInDelegation ?? undefined, institutionId: m.institutionId, countryCode: m.countryCode })),
  };
}

/** A new visit's starting values: one empty visitor row, hosted by the user's own unit when they have one. */
export function newVisitValues(unitId: number | null): VisitFormValues {
  return { hostUnitId: unitId ?? undefined, purpose: 'academic_exchange', protocolLevel: 'other', members: [{}] };
}

/**
 * The visitors as sent: a cleared institution goes as null ("none"), not left out, which would
 * put the person's own institution back. What the form shows is what is saved.
 */
export function withExplicitInstitutions<T extends { members?: Array<{ institutionId?: number | null }> }>(input: T): T {
  return input.members ? { ...input, members: input.members.map((m) => ({ ...m, institutionId: m.institutionId ?? null })) } : input;
}
