import type { CurrentUser } from '../../shared/contracts/auth.ts';
import { PERSONAL_DATA_ROLES } from '../../shared/roles.ts';

/** The kinds of record the interface offers to write. */
export type Subject = 'institution' | 'person' | 'unit' | 'aggregate' | 'user';
/** What the interface offers to do with them. */
export type Action = 'create' | 'edit' | 'delete';

/**
 * Whether to offer an action to this user. The server enforces the real policy; this only keeps
 * the interface from offering what would be refused.
 */
export function can(user: CurrentUser, action: Action, subject: Subject, record?: { unitId: number | null }): boolean {
  switch (user.role) {
    case 'admin':
      return true;
    case 'officer':
      return subject !== 'user';
    case 'coordinator':
      if (subject === 'institution') return action === 'create';
      if (subject === 'person') {
        if (action === 'create') return true;
        if (action === 'edit') return record !== undefined && record.unitId !== null && record.unitId === user.unitId;
      }
      return false;
    default:
      return false;
  }
}

/** Whether the user may open the audit log (everyone but viewers). */
export function canSeeAudit(user: CurrentUser): boolean {
  return user.role !== 'viewer';
}

/** Whether the user may manage users (administrators). */
export function canManageUsers(user: CurrentUser): boolean {
  return user.role === 'admin';
}

/** Whether the user sees and may enter personal data (birth dates, passport numbers). */
export function canSeePersonalData(user: CurrentUser): boolean {
  return PERSONAL_DATA_ROLES.includes(user.role);
}
