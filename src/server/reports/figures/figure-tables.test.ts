import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { requestContext } from '../../core/request-context.ts';
import { SYSTEM_ACTOR } from '../../policies/actor.ts';
import { openDemoDatabase } from '../../test/demo-database.ts';
import { computeFigureSet, figureOf } from './figure-set.ts';
import { cachedFigureSet } from './figure-cache.ts';
import { figureContext } from './figure-context.ts';
import { FIGURE_GROUPS } from './figure-groups.ts';
import { officeToday } from '../../../shared/calendar.ts';
import type { Actor } from '../../policies/actor.ts';

/**
 * The figure set's cache is exact only if every table the figures read bumps the change counter
 * (migration 0034). The tables read are found, not listed by hand: every statement the figure set
 * runs on the demo (for the school, a unit the office chose and a coordinator) is EXPLAINed with
 * its parameters, and each relation its plan scans must carry the trigger. A new figure reading a
 * new table fails here until a migration adds the trigger. Each group of figures is kept under the
 * counters of the tables it lists (figure-groups.ts, migration 0047): the tables its own statements
 * read must all be listed. A new person is not counted (0047): copying every person changes no figure.
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

/** The relations the plans of `statements` scan (units too when unit_subtree() is called). */
async function tablesRead(statements: Array<{ text: string; params: unknown[] | undefined }>): Promise<Set<string>> {
  const read = new Set<string>();
  for (const { text, params } of statements) {
    const { rows } = await db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${text}`, params);
    relationsOf(rows[0]!['QUERY PLAN'], read);
  }
  if (statements.some((s) => s.text.includes('unit_subtree'))) read.add('units');
  return read;
}

/** The school's reader, a unit the office chose and that unit's coordinator: every way the figures are confined. */
async function readers(): Promise<Array<{ actor: Actor; unitId?: number }>> {
  const { rows: units } = await db.query<{ id: number }>('SELECT id FROM units WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1');
  const unitId = units[0]!.id;
  return [{ actor: SYSTEM_ACTOR }, { actor: SYSTEM_ACTOR, unitId }, { actor: { ...SYSTEM_ACTOR, role: 'coordinator', unitId } }];
}

describe('the tables the figure set reads', () => {
  it('are listed, for each group of figures, in the group’s tables (it is kept under their counters)', async () => {
    for (const group of FIGURE_GROUPS) {
      const statements: Array<{ text: string; params: unknown[] | undefined }> = [];
      const watched: Db = { ...db, query: (text, params) => (statements.push({ text, params }), db.query(text, params)) };
      for (const { actor, unitId } of await readers()) {
        for (const asOf of [officeToday(), '1995-06-30']) {
          await group.compute(figureContext(requestContext(actor, watched), { asOf, ...(unitId !== undefined ? { unitId } : {}) }));
        }
      }
      const read = await tablesRead(statements);
      expect(read.size, group.name).toBeGreaterThan(0);
      expect([...read].filter((table) => !group.tables.includes(table)).sort(), group.name).toEqual([]);
    }
  });

  it('count people only through other tables’ references: a copy of every person, referenced by nothing, changes no figure', async () => {
    const sets = async () => {
      const out: unknown[] = [];
      for (const { actor, unitId } of await readers()) {
        for (const asOf of [officeToday(), '2005-06-30']) out.push(await computeFigureSet(requestContext(actor, db), { asOf, ...(unitId !== undefined ? { unitId } : {}) }));
      }
      return out;
    };
    const before = await sets();
    const { rows: columns } = await db.query<{ name: string }>(
      "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'people' AND column_name <> 'id' ORDER BY ordinal_position",
    );
    const list = columns.map((c) => `"${c.name}"`).join(', ');
    const { rowCount } = await db.query(`INSERT INTO people (${list}) SELECT ${list} FROM people ORDER BY id`);
    const maxId = (await db.query<{ id: string }>('SELECT max(id)::text AS id FROM people')).rows[0]!.id;
    try {
      expect(rowCount).toBeGreaterThan(10);
      expect(await sets()).toEqual(before);
    } finally {
      await db.query(`DELETE FROM people WHERE id > $1::bigint - $2::bigint`, [maxId, rowCount]);
    }
  });

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

  it('keep no stale group after writes to the programme’s and the exchanges’ records: the next read equals a fresh computation', async () => {
    const officer = requestContext({ ...SYSTEM_ACTOR, role: 'officer' }, db);
    const exact = async () => {
      const kept = JSON.parse(JSON.stringify(await cachedFigureSet(officer, {})));
      expect(kept).toEqual(JSON.parse(JSON.stringify(await computeFigureSet(officer, {}))));
      return kept as Awaited<ReturnType<typeof computeFigureSet>>;
    };
    const before = await exact();
    expect(figureOf(before, 'programme.residencyPlaced').value).toBeGreaterThan(0);
    expect(figureOf(before, 'exchange.studentsPerYear').value).toBeGreaterThan(0);
    // One placed student's placements withdrawn: one student fewer placed.
    await db.query(
      `UPDATE residency_placements SET status = 'withdrawn', withdrawn_on = start_date
        WHERE student_id = (SELECT student_id FROM residency_placements WHERE status IN ('confirmed', 'completed') ORDER BY id LIMIT 1)`,
    );
    const placed = await exact();
    expect(figureOf(placed, 'programme.residencyPlaced').value).not.toEqual(figureOf(before, 'programme.residencyPlaced').value);
    expect(figureOf(placed, 'exchange.studentsPerYear')).toEqual(figureOf(before, 'exchange.studentsPerYear'));
    // Every departure withdrawn: no exchange person-times left.
    await db.query("UPDATE exchange_applications SET status = 'withdrawn' WHERE status IN ('departed', 'returned')");
    const withdrawn = await exact();
    expect(figureOf(withdrawn, 'exchange.studentsPerYear').value).toBe(0);
    expect(figureOf(withdrawn, 'programme.residencyPlaced')).toEqual(figureOf(placed, 'programme.residencyPlaced'));
  });
});
