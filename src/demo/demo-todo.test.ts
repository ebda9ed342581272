import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../server/db/client.ts';
import type { Scoped } from '../server/core/request-context.ts';
import { openDemoDatabase } from '../server/test/demo-database.ts';
import { lateByUnit, todoFor } from '../server/modules/todo/todo.service.ts';
import { TODO_SOURCES } from '../server/modules/todo/todo-sources.ts';
import { addDays, officeToday } from '../shared/calendar.ts';
import { deadlineRules, deadlineStanding, todoGroupOf } from '../shared/kinds/deadline-rules.ts';
import { AWAITING_DECISION_STATUSES, type OpportunitySelection } from '../shared/contracts/exchanges.ts';
import { KINDS } from '../shared/kinds/kinds.ts';
import { decisionStates, owesDeadlines } from '../shared/kinds/todo-rules.ts';
import type { Role } from '../shared/roles.ts';
import type { TodoList } from '../shared/contracts/todo.ts';
import { DEMO_ACCOUNTS } from './demo-organization.ts';

// What each demo account finds on its to-do list, read through the service the API uses, and
// counted again here from the records themselves: each kind's rows read plainly, the rules
// (who decides what, which deadline falls when) applied in TypeScript, not by the service's SQL.
let db: Db;
const today = officeToday();

beforeAll(async () => {
  db = await openDemoDatabase();
}, 900_000);
afterAll(async () => {
  await db?.close();
});

type Account = (typeof DEMO_ACCOUNTS)[number];

/** The context of a demo account: its role, and a coordinator's unit as its reach. */
async function as(account: Account): Promise<Scoped & { actor: { role: Role } }> {
  const { rows } = await db.query<{ unitId: number | null }>('SELECT unit_id AS "unitId" FROM users WHERE email = $1', [account.email]);
  const scope = account.role === 'coordinator' ? Number(rows[0]!.unitId) : null;
  return { scope, query: (text, params) => db.query(text, params), actor: { role: account.role } };
}

/** The units an account reaches: a coordinator's unit and those under it, or every unit (null for the office's own records too). */
async function reachOf(scope: number | null): Promise<(unit: number | null) => boolean> {
  if (scope === null) return () => true;
  const { rows } = await db.query<{ id: number }>('SELECT unit_subtree($1) AS id', [scope]);
  const reach = new Set(rows.map((r) => Number(r.id)));
  return (unit) => unit !== null && reach.has(unit);
}

/**
 * The states of an exchange opportunity's selection, derived here in TypeScript from its rows
 * (not by the to-do list's SQL): allocated once allocated, waiting while an application has
 * nothing decided, open otherwise.
 */
async function opportunitySelections(): Promise<Map<number, OpportunitySelection>> {
  const { rows } = await db.query<{ id: number; allocated: string | null; statuses: string[] }>(
    `SELECT o.id, o.allocated_on::text AS allocated, coalesce(array_agg(a.status) FILTER (WHERE a.id IS NOT NULL), '{}') AS statuses
       FROM exchange_opportunities o LEFT JOIN exchange_applications a ON a.opportunity_id = o.id GROUP BY o.id`,
  );
  return new Map(rows.map((r) => [Number(r.id), r.allocated ? 'allocated' : r.statuses.some((s) => (AWAITING_DECISION_STATUSES as readonly string[]).includes(s)) ? 'waiting' : 'open']));
}

/** A count per "group kind standing" key. */
type Tally = Record<string, number>;
const add = (tally: Tally, key: string) => (tally[key] = (tally[key] ?? 0) + 1);

/** What the account should find, counted from the records by the rules (with the office's own lead times, if it set any). */
async function expectedFor(role: Role, scope: number | null, day = today): Promise<Tally> {
  const reach = await reachOf(scope);
  const tally: Tally = {};
  const leads = Object.fromEntries(
    (await db.query<{ key: string; value: unknown }>(`SELECT key, value FROM settings WHERE key LIKE 'deadline.%'`)).rows.map((r) => [r.key.slice('deadline.'.length), r.value]),
  );
  for (const [kind, source] of Object.entries(TODO_SOURCES)) {
    const states = decisionStates(KINDS[kind]!, role);
    if (!states.length) continue;
    const { rows } = await db.query<{ unit: number | null }>(`SELECT r.${source.unitColumn} AS unit FROM ${source.table} r WHERE r.status = ANY($1::text[])`, [states]);
    for (const r of rows) if (reach(r.unit === null ? null : Number(r.unit))) add(tally, `approvals ${kind} waiting`);
  }
  for (const rule of deadlineRules(leads)) {
    const source = TODO_SOURCES[rule.kind];
    if (!source || !owesDeadlines(KINDS[rule.kind]!, role)) continue;
    const part = rule.deadline.part ? source.parts![rule.deadline.part]! : null;
    const from = (part?.dates ?? source.dates)[rule.deadline.from]!;
    // a kind whose state is derived (an opportunity's selection) is read whole, its state worked out above
    const derived = source.status ? await opportunitySelections() : null;
    const { rows: read } = await db.query<{ id: number; unit: number | null; from: string | null; person: number | null; docKind: string | null; successors: number; status: string | null }>(
      `SELECT r.id, r.${source.unitColumn} AS unit, (${from})::text AS "from", ${derived ? 'NULL' : 'r.status'} AS status,
              ${part ? 'x.person_id AS person, x.kind AS "docKind"' : 'NULL AS person, NULL AS "docKind"'},
              ${source.successorColumn ? `(SELECT count(*)::int FROM ${source.table} n WHERE n.${source.successorColumn} = r.id)` : '0'} AS successors
         FROM ${source.table} r ${part?.join ?? ''}`,
    );
    const rows = read.filter((r) => rule.deadline.owedIn.includes(derived ? derived.get(Number(r.id))! : r.status!));
    // an expert's document is replaced by a later one of the same person and kind
    const latest = new Map<string, string>();
    if (part) {
      const docs = await db.query<{ person: number; kind: string; expires: string }>('SELECT person_id AS person, kind, max(expires_on)::text AS expires FROM expert_documents GROUP BY 1, 2');
      for (const d of docs.rows) latest.set(`${d.person} ${d.kind}`, d.expires);
    }
    const group = todoGroupOf(rule);
    for (const r of rows) {
      if (r.from === null || !reach(r.unit === null ? null : Number(r.unit))) continue;
      if (rule.deadline.metBySuccessor && r.successors > 0) continue;
      if (part && latest.get(`${r.person} ${r.docKind}`) !== r.from) continue;
      const standing = deadlineStanding(rule, r.from, day);
      if (standing.listed) add(tally, `${group} ${rule.kind} ${standing.late ? 'late' : 'coming'}`);
    }
  }
  return tally;
}

const tallyOf = (list: TodoList): Tally => {
  const tally: Tally = {};
  for (const i of list.items) add(tally, `${i.group} ${i.kind} ${i.standing}`);
  return tally;
};
const sum = (tally: Tally, match: RegExp) => Object.entries(tally).reduce((n, [k, v]) => n + (match.test(k) ? v : 0), 0);

describe('the demo to-do lists', () => {
  for (const account of DEMO_ACCOUNTS) {
    it(`give ${account.email} (${account.role}) what the records owe it, counted from the records`, async () => {
      const ctx = await as(account);
      const list = await todoFor(ctx, today);
      const expected = await expectedFor(account.role, ctx.scope);
      expect(tallyOf(list)).toEqual(expected);
      const reach = await reachOf(ctx.scope);
      for (const item of list.items) expect(reach(item.unitId), `${item.kind} ${item.id}`).toBe(true);
    }, 120_000);
  }

  it("list the students whose expected end of studies comes within 60 days, on the day the first such day comes, for the office and the students' units, counted from the records", async () => {
    // the demo's enrolments end on 1 July: the first day one is listed, read from the records
    const { rows } = await db.query<{ end: string }>(
      `SELECT min(expected_completion_on)::text AS end FROM student_enrolments WHERE status IN ('enrolled', 'suspended') AND expected_completion_on >= $1::date`,
      [today],
    );
    const day = addDays(rows[0]!.end, -60);
    for (const account of DEMO_ACCOUNTS) {
      const ctx = await as(account);
      const list = await todoFor(ctx, day);
      expect(tallyOf(list), `${account.email} on ${day}`).toEqual(await expectedFor(account.role, ctx.scope, day));
    }
    const officer = tallyOf(await todoFor(await as(DEMO_ACCOUNTS.find((a) => a.role === 'officer')!), day));
    expect(sum(officer, /^renewals students coming$/), `students listed on ${day}`).toBeGreaterThan(0);
  }, 120_000);

  it('give the office decisions of every kind it decides, late reports and renewals coming', async () => {
    for (const account of DEMO_ACCOUNTS.filter((a) => a.role === 'officer' || a.role === 'admin')) {
      const tally = tallyOf(await todoFor(await as(account), today));
      for (const kind of ['missions', 'visits', 'agreements', 'conferences']) expect(sum(tally, new RegExp(`^approvals ${kind} `)), `${account.role}: ${kind} to decide`).toBeGreaterThan(0);
      for (const kind of ['missions', 'visits', 'conferences']) expect(sum(tally, new RegExp(`^reports ${kind} `)), `${account.role}: ${kind} reports`).toBeGreaterThan(0);
      expect(sum(tally, /^reports missions late$/), `${account.role}: late trip reports`).toBeGreaterThan(0);
      expect(sum(tally, /^renewals agreements /), `${account.role}: agreements to renew`).toBeGreaterThan(0);
      expect(sum(tally, /^renewals appointments /), `${account.role}: appointments or documents to renew`).toBeGreaterThan(0);
      // exchange places whose applications have closed: one allocation late, one still in time
      expect(sum(tally, /^approvals exchange-opportunities late$/), `${account.role}: a late allocation`).toBeGreaterThan(0);
      expect(sum(tally, /^approvals exchange-opportunities coming$/), `${account.role}: an allocation due`).toBeGreaterThan(0);
    }
  });

  it("give each coordinator their unit's reports owed and renewals coming, some late", async () => {
    for (const account of DEMO_ACCOUNTS.filter((a) => a.role === 'coordinator')) {
      const tally = tallyOf(await todoFor(await as(account), today));
      expect(sum(tally, /^reports /), `${account.email}: reports`).toBeGreaterThan(0);
      expect(sum(tally, /^renewals /), `${account.email}: renewals`).toBeGreaterThan(0);
      expect(sum(tally, / late$/), `${account.email}: late items`).toBeGreaterThan(0);
    }
  });

  it('give the leadership no work of its own but what is late by unit, and the viewer nothing', async () => {
    const leader = DEMO_ACCOUNTS.find((a) => a.role === 'leader')!;
    const viewer = DEMO_ACCOUNTS.find((a) => a.role === 'viewer')!;
    expect((await todoFor(await as(leader), today)).items).toEqual([]);
    expect((await todoFor(await as(viewer), today)).items).toEqual([]);
    const late = await lateByUnit(await as(leader), today);
    expect(late.units.length).toBeGreaterThan(1);
    // the leaders' counts are the office's late items, unit by unit
    const officer = await todoFor(await as(DEMO_ACCOUNTS.find((a) => a.role === 'officer')!), today);
    for (const unit of late.units) expect(unit.late, unit.code ?? 'the office').toBe(officer.items.filter((i) => i.standing === 'late' && i.unitId === unit.unitId).length);
    expect(late.units.reduce((n, u) => n + u.late, 0)).toBe(officer.items.filter((i) => i.standing === 'late').length);
  });
});
