import { changedBy } from '../../core/unchanged-write.ts';
import { DomainError, currentVersion, invalidFields, notFound } from '../../core/errors.ts';
import { unscoped, type RequestContext, type Scoped, type TxContext } from '../../core/request-context.ts';
import type { KindDescription } from '../../../shared/kinds/kind.ts';
import type { TransitionHooks } from '../../workflow/run-transition.ts';
import { replaceLedgerRows, type LedgerEntry } from '../ledger/ledger.write.ts';
import type { OverdueRow } from './movement-sql.ts';

/** What every stored movement has, whatever its kind. */
export interface MovementRecord<S extends string = string> {
  id: number;
  status: S;
  version: number;
}

/**
 * One kind of movement as its service sees it: its description (states, frozen and deletable
 * ones, audit entity, which is also the ledger's module), how a record is read (within a reach,
 * with its states derived at `D`, today's by default), the unit it belongs to, what the audit
 * log keeps of it, its person-times, the codes refusing an edit or a deletion, and its row's deletion.
 */
export interface MovementKind<R extends MovementRecord<S>, S extends string, D> {
  description: KindDescription<S>;
  find(db: Scoped, id: number, at: D, lock?: boolean): Promise<R | null>;
  today(): D;
  unitOf(record: R): number;
  audited(record: R): object;
  ledger(record: R): LedgerEntry[];
  notEditable: string;
  notDeletable: string;
  deleteRow(tx: TxContext, id: number): Promise<void>;
}

/** Reads the record back after a write (whatever the caller's reach, its states derived today) and rewrites its person-times from it as it now stands. */
async function rewritten<R extends MovementRecord<S>, S extends string, D>(kind: MovementKind<R, S, D>, tx: TxContext, id: number): Promise<R> {
  const row = (await kind.find(unscoped(tx), id, kind.today()))!;
  await replaceLedgerRows(tx, { module: kind.description.audit, id }, kind.ledger(row));
  return row;
}

/** Finishes a write in its transaction: the record read back, its person-times rewritten, and the audit row, with `before` on a change. */
async function settle<R extends MovementRecord<S>, S extends string, D>(kind: MovementKind<R, S, D>, tx: TxContext, id: number, before?: R): Promise<R> {
  const row = await rewritten(kind, tx, id);
  const change = before ? { action: 'update' as const, before: kind.audited(before) } : { action: 'create' as const };
  await tx.audit({ ...change, entity: kind.description.audit, entityId: id, unitId: kind.unitOf(row), after: kind.audited(row) });
  return row;
}

/** Records a request: `insert` writes it (checked against the caller's reach) and returns its id. */
export function createMovement<R extends MovementRecord<S>, S extends string, D>(
  kind: MovementKind<R, S, D>,
  ctx: RequestContext,
  insert: (tx: TxContext) => Promise<number>,
): Promise<R> {
  return ctx.transaction(async (tx) => settle(kind, tx, await insert(tx)));
}

/**
 * Changes a movement's fields, if `version` is current, the movement within the caller's reach
 * and not frozen: `write` checks and writes the change; the person-times are rewritten from
 * the result in the same transaction.
 */
export function updateMovement<R extends MovementRecord<S>, S extends string, D>(
  kind: MovementKind<R, S, D>,
  ctx: RequestContext,
  target: { id: number; version: number },
  write: (tx: TxContext, current: R) => Promise<void>,
): Promise<R> {
  return ctx.transaction(async (tx) => {
    const current = currentVersion(await kind.find(tx, target.id, kind.today(), true), target.version);
    if (kind.description.frozen.includes(current.status)) throw new DomainError(kind.notEditable, 'conflict');
    const changed = await changedBy(tx, current, async () => {
      await write(tx, current);
      return (await kind.find(unscoped(tx), target.id, kind.today()))!;
    });
    return changed ? settle(kind, tx, target.id, current) : current;
  });
}

/**
 * What the workflow runner (workflow/run-transition.ts) needs of a movement to take its step:
 * the record locked within the caller's reach, the step's values written by `write`, then the
 * record read back with its person-times rewritten; the audit row is the runner's.
 */
export function movementStepHooks<R extends MovementRecord<S>, S extends string, D>(
  kind: MovementKind<R, S, D>,
  write: (tx: TxContext, current: R, values: Record<string, unknown>) => Promise<void>,
): TransitionHooks<S, R> {
  return {
    load: (tx, id) => kind.find(tx, id, kind.today(), true),
    async apply(tx, current, values) {
      await write(tx, current, values);
      return rewritten(kind, tx, current.id);
    },
    audited: kind.audited,
    unitOf: kind.unitOf,
  };
}

/** Deletes a movement in one of the kind's deletable statuses, with its person-times; the others stay on file (cancel them instead). */
export async function deleteMovement<R extends MovementRecord<S>, S extends string, D>(
  kind: MovementKind<R, S, D>,
  ctx: RequestContext,
  target: { id: number; version: number },
  /** An import undone takes back what it created, whatever its status (imports/import-undo.ts). */
  options: { anyStatus?: boolean } = {},
): Promise<void> {
  const { id, version } = target;
  await ctx.transaction(async (tx) => {
    const current = currentVersion(await kind.find(tx, id, kind.today(), true), version);
    if (!options.anyStatus && !kind.description.deletable.includes(current.status)) throw new DomainError(kind.notDeletable, 'conflict');
    await replaceLedgerRows(tx, { module: kind.description.audit, id }, []);
    await kind.deleteRow(tx, id);
    await tx.audit({ action: 'delete', entity: kind.description.audit, entityId: id, unitId: kind.unitOf(current), before: kind.audited(current) });
  });
}

/** One movement within the caller's reach, with its states derived at `at` (default today's). */
export async function getMovement<R extends MovementRecord<S>, S extends string, D>(kind: MovementKind<R, S, D>, ctx: Scoped, id: number, at?: D): Promise<R> {
  const row = await kind.find(ctx, id, at ?? kind.today());
  if (!row) throw notFound();
  return row;
}

/** Overdue movements grouped per unit, in the order read, each unit's under `key` (`visits`, `missions`). */
export function overdueByUnit<K extends string>(asOf: string, rows: OverdueRow[], key: K) {
  type Item = Omit<OverdueRow, 'unitId' | 'code' | 'nameEn' | 'nameZh' | 'nameFr'>;
  type Unit = Pick<OverdueRow, 'unitId' | 'code' | 'nameEn' | 'nameZh' | 'nameFr'> & { count: number } & { [P in K]: Item[] };
  const units = new Map<number, Unit>();
  for (const { unitId, code, nameEn, nameZh, nameFr, ...movement } of rows) {
    const unit = units.get(unitId) ?? ({ unitId, code, nameEn, nameZh, nameFr, count: 0, [key]: [] } as unknown as Unit);
    (unit[key] as Item[]).push(movement);
    unit.count += 1;
    units.set(unitId, unit);
  }
  return { asOf, total: rows.length, units: [...units.values()] };
}

/** The fields an update names: an omitted one (undefined) stays as it is. */
export function givenFields<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Refuses a change whose dates end before they start, then what `kind` refuses of its own, then
 * emptying a closed movement's report: closing is what submitted it.
 */
export function checkChange(
  current: { status: string },
  given: { endDate?: string; report?: string | null },
  merged: { startDate: string; endDate: string },
  kind: () => void = () => {},
): void {
  if (merged.endDate < merged.startDate) throw invalidFields({ field: given.endDate ? 'endDate' : 'startDate', reason: 'end_before_start' });
  kind();
  if (current.status === 'closed' && 'report' in given && !given.report) throw invalidFields({ field: 'report', reason: 'required' });
}
