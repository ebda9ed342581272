import type { Queryable } from '../db/client.ts';

// What every write moves whatever it changes.
const BOOKKEEPING = new Set(['version', 'updatedAt']);

/** Whether `after` reads as `before` did, its version and update time aside: a save that changed nothing. */
export function sameRecord(before: object, after: object): boolean {
  const a = before as Record<string, unknown>;
  return Object.entries(after).every(([field, value]) => BOOKKEEPING.has(field) || JSON.stringify(a[field] ?? null) === JSON.stringify(value ?? null));
}

/**
 * Runs an update's `write` in a savepoint of the transaction `tx` and, when the record it reads
 * back is the same as `current`, undoes it: an unchanged save bumps no version and leaves no
 * audit row. `view` is what is compared (the record as people read it). Answers the record as written, or null when the save changed nothing.
 */
export async function changedBy<R extends object>(tx: Queryable, current: R, write: () => Promise<R>, view: (row: R) => object = (row) => row): Promise<R | null> {
  await tx.query('SAVEPOINT unchanged_write');
  const row = await write();
  if (sameRecord(view(current), view(row))) {
    await tx.query('ROLLBACK TO SAVEPOINT unchanged_write');
    return null;
  }
  await tx.query('RELEASE SAVEPOINT unchanged_write');
  return row;
}
