import { changedBy } from '../../core/unchanged-write.ts';
import type { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { currentVersion, invalidFields, notFound } from '../../core/errors.ts';
import type { RequestContext, Scoped } from '../../core/request-context.ts';
import type { Aggregate, AggregateInput, AggregateUpdate } from '../../../shared/contracts/ledger.ts';
import { deleteAggregateRow, findAggregate, insertAggregate, insertAggregates, listAggregates, MODULE, updateAggregateRow } from './aggregates.repo.ts';
import { replaceLedgerRows, type LedgerEntry } from './ledger.write.ts';


/** The aggregate entry's one ledger row: a count, flagged as such. */
function ledgerEntry(a: Aggregate): LedgerEntry {
  return {
    direction: a.direction,
    who: a.who,
    count: a.count,
    category: a.category,
    countryCode: a.countryCode,
    institutionId: a.institutionId,
    unitId: a.unitId,
    startDate: a.startDate,
    endDate: a.endDate,
  };
}

/** Writes the aggregate entry's one ledger row, with its source. */
function writeLedger(tx: Queryable, a: Aggregate): Promise<void> {
  return replaceLedgerRows(tx, { module: MODULE, id: a.id, document: a.sourceDocument }, [ledgerEntry(a)]);
}

/** Enters an aggregate count of person-times for a period with no individual records. */
export async function createAggregate(ctx: RequestContext, options: { input: z.output<typeof AggregateInput> }): Promise<Aggregate> {
  const { input } = options;
  return ctx.transaction(async (tx) => {
    const row = await insertAggregate(tx, input);
    await writeLedger(tx, row);
    await tx.audit({ action: 'create', entity: MODULE, entityId: row.id, unitId: row.unitId, after: row });
    return row;
  });
}

/** One aggregate entry within the caller's reach (an import reads what its update is about to write over). */
export async function getAggregate(ctx: Scoped, options: { id: number }): Promise<Aggregate> {
  const row = await findAggregate(ctx, options.id);
  if (!row) throw notFound();
  return row;
}

/**
 * Enters many aggregate counts at once (an import of a ledger file): the same rows, ledger rows,
 * rollups and audit rows as createAggregate for each, written in one statement for all instead
 * of four each. Returns the entries' ids in the order given.
 */
export async function createAggregates(ctx: RequestContext, options: { inputs: Array<z.output<typeof AggregateInput>> }): Promise<number[]> {
  return ctx.transaction((tx) => insertAggregates(tx, { userId: tx.actor.userId || null, email: tx.actor.email }, options.inputs));
}

/** Changes an aggregate entry and rewrites its ledger row. */
export async function updateAggregate(ctx: RequestContext, options: { id: number; input: z.output<typeof AggregateUpdate> }): Promise<Aggregate> {
  const { id } = options;
  const { version, ...input } = options.input;
  return ctx.transaction(async (tx) => {
    const current = currentVersion(await findAggregate(tx, id, true), version);
    const start = input.startDate ?? current.startDate;
    const end = input.endDate ?? current.endDate;
    if (end < start) throw invalidFields({ field: 'endDate', reason: 'end_before_start' });
    const row = await changedBy(tx, current, () => updateAggregateRow(tx, id, input));
    if (!row) return current;
    await writeLedger(tx, row);
    await tx.audit({ action: 'update', entity: MODULE, entityId: id, unitId: row.unitId, before: current, after: row });
    return row;
  });
}

/** Deletes an aggregate entry and its ledger row. */
export async function deleteAggregate(ctx: RequestContext, options: { id: number; version: number }): Promise<void> {
  const { id, version } = options;
  await ctx.transaction(async (tx) => {
    const current = currentVersion(await findAggregate(tx, id, true), version);
    await replaceLedgerRows(tx, { module: MODULE, id }, []);
    await deleteAggregateRow(tx, id);
    await tx.audit({ action: 'delete', entity: MODULE, entityId: id, unitId: current.unitId, before: current });
  });
}

/** The aggregate entries within the caller's reach, the first `max` with their total (an export). */
export function listAggregatesForExport(ctx: Scoped, options: { max: number }) {
  return listAggregates(ctx, { page: 1, pageSize: options.max });
}
