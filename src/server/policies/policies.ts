import { PERSONAL_DATA_ROLES } from '../../shared/roles.ts';
import { roleMay, type Action, type Entity } from '../../shared/policies.ts';
import { forbidden, unauthenticated } from '../core/errors.ts';
import type { Actor } from './actor.ts';

export type { Action, Entity };

/** Whether `actor` may do `action` on `entity` at all (the table is src/shared/policies.ts). */
export function can(actor: Actor | null, entity: Entity, action: Action): boolean {
  return !!actor && roleMay(actor.role, entity, action);
}

/** Throws 401 when nobody is signed in and 403 when the role may not; returns the actor. */
export function authorize(actor: Actor | null, entity: Entity, action: Action): Actor {
  if (!actor) throw unauthenticated();
  if (!can(actor, entity, action)) throw forbidden();
  return actor;
}

/** Whether the actor may see passport numbers and birth dates. */
export function seesPersonalData(actor: Actor): boolean {
  return PERSONAL_DATA_ROLES.includes(actor.role);
}
