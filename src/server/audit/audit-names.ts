import type { Scoped } from '../core/request-context.ts';
import { Where } from '../db/where.ts';
import { referenceKind, type AuditNames } from '../../shared/contracts/audit.ts';

type Kind = keyof AuditNames;

/** Every id an audit state refers to, by kind: its own fields and those of the objects in its lists (a visit's members). */
function collect(state: unknown, into: Record<Kind, Set<number>>): void {
  if (!state || typeof state !== 'object') return;
  for (const [field, value] of Object.entries(state)) {
    const kind = referenceKind(field);
    if (kind && typeof value === 'number') into[kind].add(value);
    else if (Array.isArray(value)) for (const item of value) collect(item, into);
  }
}

/**
 * The names of the institutions, units and people that audit entries refer to by id, one
 * query per kind; people only within the caller's reach (the others stay ids).
 */
export async function auditNames(db: Scoped, states: unknown[]): Promise<AuditNames> {
  const ids: Record<Kind, Set<number>> = { institutions: new Set(), units: new Set(), people: new Set() };
  for (const state of states) collect(state, ids);
  const names: AuditNames = { institutions: {}, units: {}, people: {} };
  const list = (kind: Kind) => [...ids[kind]];
  // institutions and units have one name per language, in tables of the same name as the kind
  for (const kind of ['institutions', 'units'] as const) {
    if (!ids[kind].size) continue;
    const { rows } = await db.query(`SELECT id, name_en AS "nameEn", name_zh AS "nameZh", name_fr AS "nameFr" FROM ${kind} WHERE id = ANY($1::bigint[])`, [list(kind)]);
    for (const { id, ...name } of rows) names[kind][id] = name as AuditNames[typeof kind][number];
  }
  if (ids.people.size) {
    const where = new Where().when(list('people'), 'id = ANY(?::bigint[])').scope('unit_id', db.scope);
    const { rows } = await db.query(`SELECT id, family_name AS "familyName", given_name AS "givenName", name_zh AS "nameZh" FROM people ${where}`, where.params);
    for (const { id, ...name } of rows) names.people[id] = name as AuditNames['people'][number];
  }
  return names;
}
