import { refusedFieldWrites, type FieldKind } from '../../shared/field-policies.ts';
import { DomainError } from '../core/errors.ts';
import type { Actor } from './actor.ts';

export type { FieldKind };

/**
 * Refuses a write that names a field the actor's role may not write, or one the record's
 * `state` has put on file (undefined: the record is being created), before anything is
 * written: 403 `field_not_writable` naming each field. The rules are FIELD_RULES in
 * src/shared/field-policies.ts, which the web forms read too.
 */
export function assertFieldWrites(actor: Actor, kind: FieldKind, body: unknown, state?: string): void {
  const refused = refusedFieldWrites(actor.role, kind, body, state);
  if (refused.length) throw new DomainError('field_not_writable', 'forbidden', { fields: refused });
}
