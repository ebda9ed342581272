import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { requestContext } from '../../core/request-context.ts';
import { SYSTEM_ACTOR } from '../../policies/actor.ts';
import { openDemoDatabase } from '../../test/demo-database.ts';
import { computeFigureSet } from './figure-set.ts';

/**
 * The figure set's cache is exact only if every table the figures read bumps the change counter
 * (migration 0034). The tables read are found, not listed by hand: every statement the figure set
 * runs on the demo (for the school, a unit the office chose and a coordinator) is EXPLAINed with
 * its parameters, and each relation its plan scans must carry the trigger. A new figure reading a
 * new table fails here until a migration adds the trigger.
 */
let db: Db;
beforeAll(async () => {
  db = await openDemoDatabase();
}, 600_000);
afterAll(async () => db?.close());

/** The relations a plan scans, at any depth (views are expanded by the planner). */
function relationsOf(plan: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(plan)) for (const p of plan) relationsOf(p, into);
  else if (plan && typeof plan === 'object') {
    for (const [key, value] of Object.entries(plan)) {
      if (key === 'Relation Name' && typeof value === 'string') into.add(value);
      else relationsOf(value, into);
    }
  }
  return into;
}

describe('the tables the figure set reads', () => {
  it('each bump the figures’ change counter', async () => {
    const statements: Array<{ text: string; params: unknown[] | undefined }> = [];
    const watched: Db = { ...db, query: (text, params) => (statements.push({ text, params }), db.query(text, params)) };
    const { rows: units } = await db.query<{ id: number }>("SELECT id FROM units WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1");
    const unitId = units[0]!.id;
    await computeFigureSet(requestContext(SYSTEM_ACTOR, watched), {});
    await computeFigureSet(requestContext(SYSTEM_ACTOR, watched), { unitId });
    await computeFigureSet(requestContext({ ...SYSTEM_ACTOR, role: 'coordinator', unitId }, watched), {});
    expect(statements.length).toBeGreaterThan(10);

    const read = new Set<string>();
    for (const { text, params } of statements) {
      const { rows } = await db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${text}`, params);
      relationsOf(rows[0]!['QUERY PLAN'], read);
    }
    // unit_subtree() reads the units inside a function the plan does not open.
    if (statements.some((s) => s.text.includes('unit_subtree'))) read.add('units');
    expect(read.size).toBeGreaterThan(5);

    const { rows: triggered } = await db.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE p.proname = 'figure_changed' AND NOT t.tgisinternal AND t.tgenabled <> 'D'`,
    );
    const bumping = new Set(triggered.map((r) => r.table));
    expect([...read].filter((table) => !bumping.has(table)).sort()).toEqual([]);
  });
});
