import type { Queryable } from './client.ts';

/** A column that refers to a record a merge folds away, and the kind of record it is part of. */
export interface Reference<K extends string = string> {
  table: string;
  column: string;
  kind: K;
  /**
   * The columns that, with `column`, may name a record once only (a visit's members, an
   * agreement's partners): where both records are already there, moving would repeat it.
   */
  uniqueWith?: string[];
}

const IDENT = /^[a-z_]+$/;

function checked(ref: Reference): Reference {
  for (const name of [ref.table, ref.column, ...(ref.uniqueWith ?? [])]) if (!IDENT.test(name)) throw new Error(`not a plain SQL name: ${name}`);
  return ref;
}

/** The rows of `ref` naming `from` whose other unique columns already name `into` too. */
function bothSql(ref: Reference): string {
  const same = (ref.uniqueWith ?? []).map((c) => `b.${c} IS NOT DISTINCT FROM a.${c}`).join(' AND ');
  return `FROM ${ref.table} a WHERE a.${ref.column} = $1 AND EXISTS (SELECT 1 FROM ${ref.table} b WHERE b.${ref.column} = $2 AND ${same})`;
}

/** Adds `n` to `counts[kind]`. */
function add(counts: Record<string, number>, kind: string, n: number): void {
  if (n) counts[kind] = (counts[kind] ?? 0) + n;
}

/**
 * How many rows of each kind name `from` (what a merge into `into` moves), and how many of them
 * sit on a record that names `into` already (`both`). The merge preview and the merge read the same.
 */
export async function countReferences(db: Queryable, refs: readonly Reference[], from: number, into: number): Promise<{ moves: Record<string, number>; both: Record<string, number> }> {
  const moves: Record<string, number> = {};
  const both: Record<string, number> = {};
  for (const ref of refs.map(checked)) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ref.table} WHERE ${ref.column} = $1`, [from]);
    add(moves, ref.kind, rows[0]!.n);
    if (!ref.uniqueWith?.length) continue;
    const twice = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${bothSql(ref)}`, [from, into]);
    add(both, ref.kind, twice.rows[0]!.n);
  }
  return { moves, both };
}

/**
 * Drops the rows naming `from` where the same record names `into` already (an agreement with
 * both institutions as partners keeps one partner): only for references whose repetition
 * means nothing more than the one row (a partner list), never for person-times.
 */
export async function dropRepeatedReferences(tx: Queryable, refs: readonly Reference[], from: number, into: number): Promise<void> {
  for (const ref of refs.map(checked)) {
    if (!ref.uniqueWith?.length) continue;
    await tx.query(`DELETE FROM ${ref.table} WHERE ctid IN (SELECT a.ctid ${bothSql(ref)})`, [from, into]);
  }
}

/**
 * Points every reference to `from` at `into`, in ONE statement: foreign keys are checked at
 * its end, so a reference made of two columns (an expert's document names the appointment and
 * its person) moves with the record it points at.
 */
export async function moveReferences(tx: Queryable, refs: readonly Reference[], from: number, into: number): Promise<void> {
  if (!refs.length) return;
  const moves = refs.map(checked).map((r, i) => `m${i} AS (UPDATE ${r.table} SET ${r.column} = $2 WHERE ${r.column} = $1 RETURNING 1)`);
  await tx.query(`WITH ${moves.join(', ')} SELECT ${refs.map((_, i) => `(SELECT count(*) FROM m${i})`).join(' + ')} AS n`, [from, into]);
}
