import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './client.ts';
import { statementNames } from './embedded/named-statements.ts';
import { openTestDatabase, testEngine } from '../test/test-database.ts';

// Issue 17: the embedded engine prepares a query's text once on its one connection instead of
// parsing and planning it at each query; PostgreSQL keeps unnamed statements.

let db: Db;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const prepared = async (): Promise<string[]> =>
  (await db.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements ORDER BY prepare_time')).rows.map((r) => r.statement);

describe('named statements', () => {
  it('names a text with values at its second use on the embedded engine, never on PostgreSQL, with the same results', async () => {
    const text = 'SELECT $1::int + 1 AS next /* named-statements test */';
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push((await db.query<{ next: number }>(text, [i])).rows[0]!.next);
    expect(answers).toEqual([1, 2, 3, 4]);
    const held = (await prepared()).filter((s) => s.includes('named-statements test'));
    expect(held).toHaveLength(testEngine() === 'embedded' ? 1 : 0);
  });

  it('names statements in a transaction too, and a failed one leaves the connection usable', async () => {
    const text = 'SELECT 10 / $1::int AS tenth /* named in a transaction */';
    for (const divisor of [1, 2]) await db.transaction((tx) => tx.query(text, [divisor]));
    await expect(db.transaction((tx) => tx.query(text, [0]))).rejects.toThrow(/division by zero/);
    expect((await db.query<{ tenth: number }>(text, [5])).rows[0]!.tenth).toBe(2);
    expect((await prepared()).filter((s) => s.includes('named in a transaction'))).toHaveLength(testEngine() === 'embedded' ? 1 : 0);
  });

  it('never names a text without values (it may hold several commands), and stops at its limit', () => {
    const names = statementNames(2);
    expect(names.config('SELECT 1; SELECT 2').name).toBeUndefined();
    expect(names.config('SELECT 1; SELECT 2').name).toBeUndefined();
    const texts = ['SELECT $1::int', 'SELECT $1::text', 'SELECT $1::date'];
    const named = texts.map((t) => [names.config(t, [1]).name, names.config(t, [1]).name, names.config(t, [1]).name]);
    expect(named[0]![0]).toBeUndefined();
    expect(named[0]![1]).toBe(named[0]![2]);
    expect(named[1]![1]).toBeDefined();
    expect(named[1]![1]).not.toBe(named[0]![1]);
    expect(named[2]).toEqual([undefined, undefined, undefined]);
    expect(names.count()).toBe(2);
  });
});
