import type { z } from 'zod';
import type { Db, Queryable } from '../../db/client.ts';
import { currentVersion, invalidFields, notFound, type FieldProblem } from '../../core/errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../../policies/actor.ts';
import { scopeOf } from '../../policies/policies.ts';
import { assertFieldWrites } from '../../policies/field-writes.ts';
import type { Honour, HonourInput, HonourQuery, HonourUpdate } from '../../../shared/contracts/honours.ts';
import { unitContains } from '../units/units.service.ts';
import { allHonours, deleteHonourRow, findHonour, insertHonour, personUnitInReach, updateHonourRow } from './honours.repo.ts';
import { groupHonours, type HonourGroup } from './honours.rules.ts';

const ENTITY = 'honour';
type Input = z.output<typeof HonourInput>;

/** The record as the audit log keeps it: stored fields, not the names joined in. */
function audited(h: Honour): object {
  const { person: _p, awardingInstitution: _i, ...stored } = h;
  return stored;
}

async function reload(tx: Queryable, id: number): Promise<Honour> {
  return (await findHonour(tx, id, null))!;
}

/** A coordinator may file an honour under their unit (or a sub-unit) only; the office anywhere, or under itself (null). */
async function checkUnit(tx: Queryable, actor: Actor, unitId: number | null, problems: FieldProblem[]): Promise<void> {
  const scope = scopeOf(actor);
  if (scope !== null && (unitId === null || !(await unitContains(tx, scope, unitId)))) problems.push({ field: 'unitId', reason: 'not_allowed' });
}

/** Records an honour received by one of our people; it belongs to the person's unit unless another is given. */
export async function createHonour(options: { actor: Actor; input: Input }, db: Db): Promise<Honour> {
  const { actor, input } = options;
  return db.transaction(async (tx) => {
    // Another unit's person is not named to a coordinator, even as "not yours".
    const person = await personUnitInReach(tx, input.personId, scopeOf(actor));
    if (!person) throw invalidFields({ field: 'personId', reason: 'unknown_reference' });
    const unitId = input.unitId === undefined ? person.unitId : input.unitId;
    const problems: FieldProblem[] = [];
    await checkUnit(tx, actor, unitId, problems);
    if (problems.length) throw invalidFields(...problems);
    const id = await insertHonour(tx, { ...input, unitId });
    const row = await reload(tx, id);
    await recordAudit(tx, { actor, action: 'create', entity: ENTITY, entityId: id, unitId: row.unitId, after: audited(row) });
    return row;
  });
}

/** Changes an honour's fields, if `version` is current and it is within the actor's reach. */
export async function updateHonour(options: { actor: Actor; id: number; input: z.output<typeof HonourUpdate> }, db: Db): Promise<Honour> {
  const { actor, id } = options;
  const { version, ...changes } = options.input;
  return db.transaction(async (tx) => {
    const current = currentVersion(await findHonour(tx, id, scopeOf(actor), true), version);
    assertFieldWrites(actor, 'honour', changes);
    const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Input>;
    const merged = { ...current, ...given };
    const problems: FieldProblem[] = [];
    // Precision and date are checked together, whichever of the two the update names.
    if (merged.datePrecision !== 'day' && !(merged.conferredOn.endsWith('-01') && (merged.datePrecision === 'month' || merged.conferredOn.slice(5, 7) === '01')))
      problems.push({ field: 'conferredOn', reason: 'date_not_at_precision' });
    if (given.unitId !== undefined) await checkUnit(tx, actor, given.unitId, problems);
    if (problems.length) throw invalidFields(...problems);
    await updateHonourRow(tx, id, given);
    const row = await reload(tx, id);
    await recordAudit(tx, { actor, action: 'update', entity: ENTITY, entityId: id, unitId: row.unitId, before: audited(current), after: audited(row) });
    return row;
  });
}

/** Deletes an honour recorded by mistake; the audit log keeps what it was. */
export async function deleteHonour(options: { actor: Actor; id: number; version: number }, db: Db): Promise<void> {
  const { actor, id, version } = options;
  await db.transaction(async (tx) => {
    const current = currentVersion(await findHonour(tx, id, scopeOf(actor), true), version);
    await deleteHonourRow(tx, id);
    await recordAudit(tx, { actor, action: 'delete', entity: ENTITY, entityId: id, unitId: current.unitId, before: audited(current) });
  });
}

/** One honour within the actor's reach (another unit's is 404 to a coordinator). */
export async function getHonour(options: { actor: Actor; id: number }, db: Queryable): Promise<Honour> {
  const row = await findHonour(db, options.id, scopeOf(options.actor));
  if (!row) throw notFound();
  return row;
}

/** Every honour within the actor's reach matching the query (an export). */
export function exportHonours(options: { actor: Actor; query: Omit<z.output<typeof HonourQuery>, 'page' | 'pageSize' | 'format'> }, db: Queryable): Promise<Honour[]> {
  return allHonours(db, scopeOf(options.actor), options.query);
}

/** A person's honours, for their page: the person must be within the actor's reach (else 404). */
export async function getPersonHonours(options: { actor: Actor; personId: number }, db: Queryable): Promise<{ personId: number; items: Honour[] }> {
  const scope = scopeOf(options.actor);
  if (!(await personUnitInReach(db, options.personId, scope))) throw notFound();
  return { personId: options.personId, items: await allHonours(db, scope, { personId: options.personId }) };
}

/**
 * The figures of the fact sheet's honours, as of `asOf`, within the actor's reach: the notable
 * honours grouped as the seed groups them, and how many of our people hold at least one honour
 * ("dozens of professors and experts have been awarded …").
 */
export async function honoursAsOf(options: { actor: Actor; asOf: string }, db: Queryable): Promise<{ groups: HonourGroup[]; holders: number; honours: number }> {
  const all = await allHonours(db, scopeOf(options.actor), { asOf: options.asOf });
  return {
    groups: groupHonours(all.filter((h) => h.notable)),
    holders: new Set(all.map((h) => h.personId)).size,
    honours: all.length,
  };
}
