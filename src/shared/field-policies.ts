import type { MissionStatus } from './contracts/missions.ts';
import { PERSONAL_DATA_ROLES, type Role } from './roles.ts';

/**
 * The kinds of record with fields that not everyone who may write the record may write. A
 * create or PATCH route declares its kind (`fieldRights('person')` in its config), the server
 * checks every such write in one hook, and the web forms leave out what the role may not send.
 */
export type FieldKind = 'person' | 'expert_document' | 'mission' | 'honour';

/** One field's write rights: who may write it at all, and the states in which nobody may any more. */
export interface FieldRule {
  /** The roles that may write it (a value, an empty string or null alike); absent: whoever may write the record. */
  writers?: readonly Role[];
  /** States of the record in which the field is on file and nobody writes it. */
  frozenIn?: readonly string[];
}

const office: readonly Role[] = ['admin', 'officer'];
const missionOnFile: readonly MissionStatus[] = ['closed'];

/**
 * The office's rules, field by field, on top of POLICIES (who may write the record at all):
 * - personal data (birth date, passport number, an expert document's number) is set, changed
 *   and erased only by those who may see it;
 * - a mission's approval document number (批件号) is issued by the office, and is on file once
 *   the mission is closed;
 * - which honours are "the more important ones" on the public page is the office's choice.
 */
export const FIELD_RULES: Record<FieldKind, Readonly<Record<string, FieldRule>>> = {
  person: {
    birthDate: { writers: PERSONAL_DATA_ROLES },
    passportNumber: { writers: PERSONAL_DATA_ROLES },
  },
  expert_document: {
    number: { writers: PERSONAL_DATA_ROLES },
  },
  mission: {
    approvalDocumentNo: { writers: office, frozenIn: missionOnFile },
  },
  honour: {
    notable: { writers: office },
  },
};

/** Why a field write is refused: the role never writes it, or the record's state has put it on file. */
export type FieldRefusalReason = 'not_allowed' | 'frozen_in_state';

/** The reason `role` may not write `field` of a `kind` record in `state` (undefined: being created), or null if it may. */
export function fieldWriteRefusal(role: Role, kind: FieldKind, field: string, state?: string): FieldRefusalReason | null {
  const rule = FIELD_RULES[kind][field];
  if (!rule) return null;
  if (rule.writers && !rule.writers.includes(role)) return 'not_allowed';
  if (state !== undefined && rule.frozenIn?.includes(state)) return 'frozen_in_state';
  return null;
}

/** Whether a form should offer `field` to `role`: the web reads the same rules the server enforces. */
export function mayWriteField(role: Role, kind: FieldKind, field: string, state?: string): boolean {
  return fieldWriteRefusal(role, kind, field, state) === null;
}

/**
 * The protected fields a write body names that `role` may not write. Naming a field counts,
 * whatever the value: an empty string or null would erase what the role may not set.
 */
export function refusedFieldWrites(role: Role, kind: FieldKind, body: unknown, state?: string): Array<{ field: string; reason: FieldRefusalReason }> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  const given = body as Record<string, unknown>;
  return Object.keys(FIELD_RULES[kind]).flatMap((field) => {
    if (!(field in given) || given[field] === undefined) return [];
    const reason = fieldWriteRefusal(role, kind, field, state);
    return reason ? [{ field, reason }] : [];
  });
}

/** The write without the fields `role` may not write, so that a form never sends what would be refused. */
export function withoutUnwritableFields<T extends object>(input: T, role: Role, kind: FieldKind, state?: string): T {
  const kept = Object.entries(input).filter(([field]) => mayWriteField(role, kind, field, state));
  return Object.fromEntries(kept) as T;
}
