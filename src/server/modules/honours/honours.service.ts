import { changedBy } from '../../core/unchanged-write.ts';
import type { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { currentVersion, invalidFields, notFound, type FieldProblem } from '../../core/errors.ts';
import { unscoped, type RequestContext, type Scoped } from '../../core/request-context.ts';
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
  return (await findHonour(unscoped(tx), id))!;
}

/** A coordinator may file an honour under their unit (or a sub-unit) only; the office anywhere, or under itself (null). */
async function checkUnit(tx: Scoped, unitId: number | null, problems: FieldProblem[]): Promise<void> {
  if (tx.scope !== null && (unitId === null || !(await unitContains(tx, tx.scope, unitId)))) problems.push({ field: 'unitId', reason: 'not_allowed' });
}

/** Records an honour received by one of our people; it belongs to the person's unit unless another is given. */
export async function createHonour(ctx: RequestContext, options: { input: Input }): Promise<Honour> {
  const { input } = options;
  return ctx.transaction(async (tx) => {
    // Another unit's person is not named to a coordinator, even as "not yours".
    const person = await personUnitInReach(tx, input.personId);
    if (!person) throw invalidFields({ field: 'personId', reason: 'unknown_reference' });
    const unitId = input.unitId === undefined ? person.unitId : input.unitId;
    const problems: FieldProblem[] = [];
    await checkUnit(tx, unitId, problems);
    if (problems.length) throw invalidFields(...problems);
    const id = await insertHonour(tx, { ...input, unitId });
    const row = await reload(tx, id);
    await tx.audit({ action: 'create', entity: ENTITY, entityId: id, unitId: row.unitId, after: audited(row) });
    return row;
  });
}

/** Changes an honour's fields, if `version` is current and it is within the actor's reach. */
export async function updateHonour(ctx: RequestContext, options: { id: number; input: z.output<typeof HonourUpdate> }): Promise<Honour> {
  const { id } = options;
  const { version, ...changes } = options.input;
  return ctx.transaction(async (tx) => {
    const current = currentVersion(await findHonour(tx, id, true), version);
    assertFieldWrites(tx.actor, 'honour', changes);
    const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Input>;
    const merged = { ...current, ...given };
    const problems: FieldProblem[] = [];
    // Precision and date are checked together, whichever of the two the update names.
    if (merged.datePrecision !== 'day' && !(merged.conferredOn.endsWith('-01') && (merged.datePrecision === 'month' || merged.conferredOn.slice(5, 7) === '01')))
      problems.push({ field: 'conferredOn', reason: 'date_not_at_precision' });
    if (given.unitId !== undefined) await checkUnit(tx, given.unitId, problems);
    if (problems.length) throw invalidFields(...problems);
    const row = await changedBy(tx, current, async () => {
      await updateHonourRow(tx, id, given);
      return reload(tx, id);
    });
    if (!row) return current;
    await tx.audit({ action: 'update', entity: ENTITY, entityId: id, unitId: row.unitId, before: audited(current), after: audited(row) });
    return row;
  });
}

/** Deletes an honour recorded by mistake; the audit log keeps what it was. */
export async function deleteHonour(ctx: RequestContext, options: { id: number; version: number }): Promise<void> {
  const { id, version } = options;
  await ctx.transaction(async (tx) => {
    const current = currentVersion(await findHonour(tx, id, true), version);
    await deleteHonourRow(tx, id);
    await tx.audit({ action: 'delete', entity: ENTITY, entityId: id, unitId: current.unitId, before: audited(current) });
  });
}

/** One honour within the actor's reach (another unit's is 404 to a coordinator). */
export async function getHonour(ctx: Scoped, options: { id: number }): Promise<Honour> {
  const row = await findHonour(ctx, options.id);
  if (!row) throw notFound();
  return row;
}

/** Every honour within the actor's reach matching the query (an export). */
export function exportHonours(ctx: Scoped, options: { query: Omit<z.output<typeof HonourQuery>, 'page' | 'pageSize' | 'format'> }): Promise<Honour[]> {
  return allHonours(ctx, options.query);
}

/** A person's honours, for their page: the person must be within the actor's reach (else 404). */
export async function getPersonHonours(ctx: Scoped, options: { personId: number }): Promise<{ personId: number; items: Honour[] }> {
  if (!(await personUnitInReach(ctx, options.personId))) throw notFound();
  return { personId: options.personId, items: await allHonours(ctx, { personId: options.personId }) };
}

/**
 * The figures of the fact sheet's honours, as of `asOf`, within the actor's reach: the notable
 * honours grouped as the seed groups them, and how many of our people hold at least one honour
 * ("dozens of professors and experts have been awarded …").
 */
export async function honoursAsOf(ctx: Scoped, options: { asOf: string }): Promise<{ groups: HonourGroup[]; holders: number; honours: number }> {
  const all = await allHonours(ctx, { asOf: options.asOf });
  return {
    groups: groupHonours(all.filter((h) => h.notable)),
    holders: new Set(all.map((h) => h.personId)).size,
    honours: all.length,
  };
}
