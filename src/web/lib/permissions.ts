import type { CurrentUser } from '../../shared/contracts/auth.ts';
import { mayWriteField, withoutUnwritableFields, type FieldKind } from '../../shared/field-policies.ts';
import { roleMay, type Entity } from '../../shared/policies.ts';
import { PERSONAL_DATA_ROLES } from '../../shared/roles.ts';

/** What the interface offers to do with a record. */
export type Action = 'create' | 'edit' | 'delete';

/**
 * Whether to offer an action to this user, from the same policy table the server enforces.
 * A coordinator only ever receives records of their own unit, so a record they can see is one
 * they may act on when their role may.
 */
export function can(user: CurrentUser, action: Action, subject: Entity): boolean {
  return roleMay(user.role, subject, action === 'edit' ? 'update' : action);
}

/** Whether the user may open the audit log. */
export function canSeeAudit(user: CurrentUser): boolean {
  return roleMay(user.role, 'audit', 'read');
}

/** Whether the user sees the background jobs and the outbox (administrators). */
export function canSeeJobs(user: CurrentUser): boolean {
  return roleMay(user.role, 'job', 'read');
}

/** Whether the user may manage users (administrators). */
export function canManageUsers(user: CurrentUser): boolean {
  return roleMay(user.role, 'user', 'read');
}

/** Whether the user sees and may enter personal data (birth dates, passport numbers). */
export function canSeePersonalData(user: CurrentUser): boolean {
  return PERSONAL_DATA_ROLES.includes(user.role);
}

/** Whether to offer `field` of a `kind` record in `state` (undefined: a new record) to the user: FIELD_RULES, as the server enforces them. */
export function canWriteField(user: CurrentUser, kind: FieldKind, field: string, state?: string): boolean {
  return mayWriteField(user.role, kind, field, state);
}

/** A form's input without the fields the user may not write, which the server would refuse even empty. */
export function writableInput<T extends object>(user: CurrentUser, kind: FieldKind, input: T, state?: string): T {
  return withoutUnwritableFields(input, user.role, kind, state);
}

/** Whether the user may change the office's settings (thresholds such as what makes a conference major). */
export function canChangeSettings(user: CurrentUser): boolean {
  return roleMay(user.role, 'setting', 'update');
}

/**
 * Whether the user acts for the international office (administrators and officers): the steps the
 * office alone takes (conferring a title, approving a conference) are offered to them only. The
 * server keeps the same rule in its module rules.
 */
export function actsForOffice(user: CurrentUser): boolean {
  return user.role === 'admin' || user.role === 'officer';
}
