import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scoped } from '../core/request-context.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { AGREEMENT_SORTS } from '../../shared/contracts/agreements.ts';
import { CONFERENCE_SORTS } from '../../shared/contracts/conferences.ts';
import { INSTITUTION_SORTS } from '../../shared/contracts/institutions.ts';
import { PERSON_SORTS } from '../../shared/contracts/people.ts';
import { HOSPITAL_MEMORANDUM_KIND } from '../../shared/kinds/hospital-memorandum.ts';
import { listAgreements } from '../modules/agreements/agreements.repo.ts';
import { listConferences } from '../modules/conferences/conferences.repo.ts';
import { listInstitutions } from '../modules/institutions/institutions.repo.ts';
import { listAggregates } from '../modules/ledger/aggregates.repo.ts';
import { listPeople } from '../modules/people/people.repo.ts';
import { listProgrammes } from '../modules/programmes/programmes.repo.ts';
import { listKindRecords } from '../modules/record-kinds/record-kinds.repo.ts';
import { listUnits } from '../modules/units/units.repo.ts';

/**
 * Every list in every order the web offers reads its rows from an index in that order
 * (migration 0048, issue 17): the statement that lists, planned with sequential scans off,
 * neither scans the list's table whole nor sorts by the list's order. On these small tables PostgreSQL would scan
 * and sort; with scans off, only an index whose order is the ORDER BY exactly, direction,
 * NULLS LAST and the id's tie-break included, spares the sort. Left out, each with its reason:
 * an institution's country and a conference's start (single-column indexes and an incremental
 * sort on the id), an agreement's term end (computed for the day asked about: no index holds it).
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
}, 300_000);
afterAll(async () => t?.close());

/**
 * The plan of the last ordered statement `list` runs, with sequential scans off, and the column
 * it is ordered by first (unqualified, unquoted).
 */
async function listPlan(list: (db: Scoped) => Promise<unknown>, scope: number | null = null): Promise<{ plan: string; column: string }> {
  const ordered: Array<{ text: string; params: unknown[] }> = [];
  const recording: Scoped = {
    scope,
    query: (text, params = []) => {
      if (/\bORDER BY\b/.test(text) && !/^\s*SELECT count\(/.test(text)) ordered.push({ text, params });
      return t.db.query(text, params);
    },
  };
  await list(recording);
  const statement = ordered.at(-1);
  expect(statement, 'the list runs an ordered statement').toBeDefined();
  const { params } = statement!;
  // A list that reads its page's keys first (where.ts#selectPageByKey) sorts only the page's
  // rows outside; its order must come from an index in the keys' query, planned here alone.
  const keys = / WHERE ([\w.]+) IN \((SELECT \1 FROM [\s\S]*)\) ORDER BY [\s\S]*$/.exec(statement!.text);
  const text = keys ? keys[2]! : statement!.text;
  const column = text.slice(text.lastIndexOf('ORDER BY') + 'ORDER BY'.length).trim().split(/[\s,]/)[0]!.split('.').at(-1)!.replaceAll('"', '');
  const plan = await t.db.transaction(async (tx) => {
    await tx.query('SET LOCAL enable_seqscan = off');
    const { rows } = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
  return { plan, column };
}

const ORDERS = ['asc', 'desc'] as const;
const page = { page: 3, pageSize: 5 };

/** Neither a scan of `table` whole nor a sort on the list's order (the subqueries that build a row's parts may sort theirs). */
function expectIndexOrder({ plan, column }: { plan: string; column: string }, table: string): void {
  expect(plan, plan).not.toMatch(new RegExp(`Seq Scan on ${table}\\b`));
  expect(column).toMatch(/^[a-z_]+$/);
  expect(plan, plan).not.toMatch(new RegExp(`Sort Key: [^\\n]*\\b${column}\\b`));
}

describe('each list reads its order from an index', () => {
  it('institutions, in each order but the country', async () => {
    for (const sort of INSTITUTION_SORTS.filter((s) => s !== 'countryCode'))
      for (const order of ORDERS) expectIndexOrder(await listPlan((db) => listInstitutions(db, { sort, order, ...page })), 'institutions');
  });

  it('people, in each order, and a coordinator’s', async () => {
    for (const sort of PERSON_SORTS) for (const order of ORDERS) expectIndexOrder(await listPlan((db) => listPeople(db, { sort, order, ...page })), 'people');
    expect((await listPlan((db) => listPeople(db, { sort: 'familyName', order: 'asc', ...page }), t.units.a)).plan).not.toMatch(/Seq Scan on people\b/);
  });

  it('agreements, in each order but the term’s end', async () => {
    const at = { asOf: '2026-01-01', dormantYears: 3 };
    for (const sort of AGREEMENT_SORTS.filter((s) => s !== 'termEndsOn'))
      for (const order of ORDERS) expectIndexOrder(await listPlan((db) => listAgreements(db, at, { sort, order, ...page })), 'agreements');
  });

  it('conferences, in each order but the start', async () => {
    for (const sort of CONFERENCE_SORTS.filter((s) => s !== 'startDate'))
      for (const order of ORDERS) expectIndexOrder(await listPlan((db) => listConferences(db, '2026-01-01', { sort, order, ...page })), 'conferences');
  });

  it('hospital memoranda, in each sortable field’s order, and by scope', async () => {
    const sorts = HOSPITAL_MEMORANDUM_KIND.fields.filter((f) => f.sort).map((f) => f.name);
    expect(sorts.length).toBeGreaterThan(0);
    for (const sort of sorts)
      for (const order of ORDERS) expectIndexOrder(await listPlan((db) => listKindRecords(HOSPITAL_MEMORANDUM_KIND, db, { sort, order, ...page })), 'hospital_memoranda');
    const byScope = { sort: HOSPITAL_MEMORANDUM_KIND.defaultSort, order: 'asc' as const, scope: 'rotation', ...page };
    // A few rows of a scope: PostgreSQL may fetch them by the index and sort them, rightly.
    expect((await listPlan((db) => listKindRecords(HOSPITAL_MEMORANDUM_KIND, db, byScope))).plan).not.toMatch(/Seq Scan on hospital_memoranda\b/);
  });

  it('ledger aggregates, latest first, and a coordinator’s', async () => {
    expectIndexOrder(await listPlan((db) => listAggregates(db, page)), 'ledger_aggregates');
    expect((await listPlan((db) => listAggregates(db, page), t.units.a)).plan).not.toMatch(/Seq Scan on ledger_aggregates\b/);
  });

  it('programmes and units', async () => {
    expectIndexOrder(await listPlan((db) => listProgrammes(db)), 'programmes');
    expectIndexOrder(await listPlan((db) => listUnits(db)), 'units');
  });
});
