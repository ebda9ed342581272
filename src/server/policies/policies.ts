import type { Role } from '../../shared/roles.ts';
import { PERSONAL_DATA_ROLES } from '../../shared/roles.ts';
import { forbidden, unauthenticated } from '../http/errors.ts';
import type { Actor } from './actor.ts';

export type Action = 'read' | 'create' | 'update' | 'delete';
export type Entity =
  | 'country'
  | 'catalogue'
  | 'institution'
  | 'unit'
  | 'person'
  | 'ledger'
  | 'aggregate'
  | 'user'
  | 'audit';

const everyone: Role[] = ['admin', 'officer', 'coordinator', 'leader', 'viewer'];
const office: Role[] = ['admin', 'officer'];
const officeAndUnits: Role[] = ['admin', 'officer', 'coordinator'];

/**
 * Who may do what, per entity, in one place. Coordinators are further limited to their
 * unit's records for the entities in UNIT_SCOPED (see scopeOf).
 */
export const POLICIES: Record<Entity, Partial<Record<Action, Role[]>>> = {
  country: { read: everyone },
  catalogue: { read: everyone },
  institution: { read: everyone, create: officeAndUnits, update: office, delete: office },
  unit: { read: everyone, create: office, update: office, delete: office },
  person: { read: everyone, create: officeAndUnits, update: officeAndUnits, delete: officeAndUnits },
  ledger: { read: everyone },
  aggregate: { read: everyone, create: office, update: office, delete: office },
  user: { read: ['admin'], create: ['admin'], update: ['admin'], delete: ['admin'] },
  audit: { read: ['admin', 'officer', 'leader', 'coordinator'] },
};

/** Entities whose records belong to a unit: a coordinator reaches only their unit's subtree. */
export const UNIT_SCOPED: readonly Entity[] = ['person', 'ledger', 'aggregate', 'audit'];

/** Whether `actor` may do `action` on `entity` at all (before any unit scope). */
export function can(actor: Actor | null, entity: Entity, action: Action): boolean {
  return !!actor && (POLICIES[entity][action] ?? []).includes(actor.role);
}

/** Throws 401 when nobody is signed in and 403 when the role may not; returns the actor. */
export function authorize(actor: Actor | null, entity: Entity, action: Action): Actor {
  if (!actor) throw unauthenticated();
  if (!can(actor, entity, action)) throw forbidden();
  return actor;
}

/** The unit a coordinator is confined to (with its sub-units); null = no unit limit. */
export function scopeOf(actor: Actor): number | null {
  return actor.role === 'coordinator' ? actor.unitId : null;
}

/** Whether the actor may see passport numbers and birth dates. */
export function seesPersonalData(actor: Actor): boolean {
  return PERSONAL_DATA_ROLES.includes(actor.role);
}
