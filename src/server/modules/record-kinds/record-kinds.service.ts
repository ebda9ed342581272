import { changedBy } from '../../core/unchanged-write.ts';
import { DomainError, currentVersion, invalidFields, notFound } from '../../core/errors.ts';
import { unscoped, type RequestContext, type Scoped, type TxContext } from '../../core/request-context.ts';
import { searchText } from '../../search/normalize.ts';
import { runTransition, writeThenReload, type StepInput, type TransitionHooks } from '../../workflow/run-transition.ts';
import { namesKey, unitField, type RecordKind } from '../../../shared/kinds/record-kind.ts';
import { unitContains } from '../units/units.service.ts';
import { allKindRecords, deleteKindRecord, findKindRecord, insertKindRecord, updateKindRecord, type KindQuery, type KindRecord } from './record-kinds.repo.ts';

/**
 * Create, edit, step, delete and read any kind described down to its fields: one transaction
 * per write with its audit row, the unit scope (another unit's record is 404 to a coordinator),
 * the version check, no edit in a frozen state, no delete outside a deletable one.
 */

/** The record as the audit log keeps it: its stored fields, not the names joined in. */
function audited(kind: RecordKind, row: KindRecord): object {
  const joined = new Set(kind.fields.filter((f) => f.type.is === 'institution' || f.type.is === 'unit').map(namesKey));
  return Object.fromEntries(Object.entries(row).filter(([key]) => !joined.has(key)));
}

const unitOf = (kind: RecordKind, row: KindRecord): number | null => {
  const unit = unitField(kind);
  return unit ? (row[unit.name] as number | null) : null;
};

/** The search text of a record: its names (titles). */
const searchOf = (kind: RecordKind, values: Record<string, unknown>) => searchText(...kind.fields.filter((f) => f.type.is === 'name').map((f) => values[f.name] as string | null));

const reload = (kind: RecordKind) => async (tx: TxContext, id: number) => (await findKindRecord(kind, unscoped(tx), id))!;

/** A coordinator files a record under their unit (or a sub-unit) only: 400 on the unit field otherwise. */
async function checkUnit(kind: RecordKind, tx: TxContext, values: Record<string, unknown>): Promise<void> {
  const unit = unitField(kind);
  const unitId = unit ? values[unit.name] : undefined;
  if (!unit || unitId === undefined || tx.scope === null) return;
  if (typeof unitId !== 'number' || !(await unitContains(tx, tx.scope, unitId))) throw invalidFields({ field: unit.name, reason: 'not_allowed' });
}

/** Records a new one of `kind`, in its first state. */
export function createKindRecord(ctx: RequestContext, kind: RecordKind, options: { input: Record<string, unknown> }): Promise<KindRecord> {
  const { input } = options;
  return ctx.transaction(async (tx) => {
    await checkUnit(kind, tx, input);
    const id = await insertKindRecord(kind, tx, { ...input, status: kind.initial, searchText: searchOf(kind, input) });
    const row = await reload(kind)(tx, id);
    await tx.audit({ action: 'create', entity: kind.audit, entityId: id, unitId: unitOf(kind, row), after: audited(kind, row) });
    return row;
  });
}

/** Changes a record's fields, if `version` is current, it is within reach and not in a frozen state. */
export function updateKindRecordFields(ctx: RequestContext, kind: RecordKind, options: { id: number; input: Record<string, unknown> & { version: number } }): Promise<KindRecord> {
  const { id } = options;
  const { version, ...changes } = options.input;
  return ctx.transaction(async (tx) => {
    const current = currentVersion(await findKindRecord(kind, tx, id, true), version);
    if (kind.frozen.includes(current.status)) throw new DomainError('record_not_editable', 'conflict');
    const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    await checkUnit(kind, tx, given);
    const row = await changedBy(tx, current, async () => {
      await updateKindRecord(kind, tx, id, { ...given, searchText: searchOf(kind, { ...current, ...given }) });
      return reload(kind)(tx, id);
    });
    if (!row) return current;
    await tx.audit({ action: 'update', entity: kind.audit, entityId: id, unitId: unitOf(kind, row), before: audited(kind, current), after: audited(kind, row) });
    return row;
  });
}

/** Deletes a record in one of its kind's deletable states; the others stay on file (step them out instead). */
export async function deleteKindRecordAt(ctx: RequestContext, kind: RecordKind, options: { id: number; version: number }): Promise<void> {
  const { id, version } = options;
  await ctx.transaction(async (tx) => {
    const current = currentVersion(await findKindRecord(kind, tx, id, true), version);
    if (!kind.deletable.includes(current.status)) throw new DomainError('not_deletable', 'conflict');
    await deleteKindRecord(kind, tx, id);
    await tx.audit({ action: 'delete', entity: kind.audit, entityId: id, unitId: unitOf(kind, current), before: audited(kind, current) });
  });
}

/** What the workflow runner needs of a record kind: its record locked within reach, its step's values written. */
function stepHooks(kind: RecordKind): TransitionHooks<string, KindRecord> {
  return {
    load: (tx, id) => findKindRecord(kind, tx, id, true),
    apply: writeThenReload((tx, id, values) => updateKindRecord(kind, tx, id, values), reload(kind)),
    audited: (row) => audited(kind, row),
    unitOf: (row) => unitOf(kind, row),
  };
}

/** Moves a record one step, as its kind's description says (who, what it records, from where). */
export function stepKindRecord(ctx: RequestContext, kind: RecordKind, options: { id: number; input: StepInput<string> }): Promise<KindRecord> {
  return runTransition(ctx, kind, stepHooks(kind), options);
}

/** One record within the caller's reach (another unit's is 404 to a coordinator). */
export async function getKindRecord(ctx: Scoped, kind: RecordKind, options: { id: number }): Promise<KindRecord> {
  const row = await findKindRecord(kind, ctx, options.id);
  if (!row) throw notFound();
  return row;
}

/** Every record within the caller's reach matching the query (an export). */
export function exportKindRecords(ctx: Scoped, kind: RecordKind, options: { query: KindQuery }): Promise<KindRecord[]> {
  return allKindRecords(kind, ctx, options.query);
}
