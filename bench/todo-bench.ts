/**
 * `npm run bench -- --only todo` (issue 12): the to-do list of the officer and of a coordinator at
 * the 10 M-row scale, over HTTP from a real `interchange serve`, against the same SQL sent straight
 * to PostgreSQL in the same run. The database (`interchange_todo`) is made once, as the load test
 * makes its own: the demo with `demo load --scale 199` (about 10 M ledger rows), then what the
 * to-do list reads grown to 100–150 k rows a table (bench/todo-grow.ts); a later run reuses it.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { prepareLoadDatabase, startLoadServer } from './load-server.ts';
import { growTodoTables } from './todo-grow.ts';
import { machine, serverVersion } from './machine.ts';
import { todoFor } from '../src/server/modules/todo/todo.service.ts';
import { officeToday } from '../src/shared/calendar.ts';
import type { Role } from '../src/shared/roles.ts';

export const TODO_HEADING = '## The to-do list at scale';
const DATABASE = 'interchange_todo';
const SCALE = 199;
const RUNS = 50;
const TARGET_MS = 50;

interface Timing {
  median: number;
  p95: number;
}

interface AccountResult {
  who: string;
  items: number;
  late: number;
  http: Timing;
  sql: Timing;
  plan: string[];
}

export interface TodoBenchResult {
  machine: string;
  log: string[];
  rows: Record<string, number>;
  accounts: AccountResult[];
  loadBefore: number[];
  loadAfter: number[];
}

/** Median and 95th percentile of `RUNS` timed calls, after 5 untimed ones. */
async function timed(work: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 5; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.ceil(times.length * 0.95) - 1]! };
}

/** The session cookie of a demo account, signed in over HTTP. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (response.status !== 200) throw new Error(`sign-in as ${email}: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** The one SQL statement the to-do service sends for `role` (with a coordinator's unit as `scope`), caught on its way. */
async function todoSql(db: pg.Client, role: Role, scope: number | null, today: string): Promise<{ text: string; params: unknown[] }> {
  const sent: Array<{ text: string; params: unknown[] }> = [];
  await todoFor({ scope, actor: { role }, query: (text, params = []) => (sent.push({ text, params }), db.query(text, params)) }, today);
  if (sent.length !== 1) throw new Error(`the to-do list sent ${sent.length} statements, not one`);
  return sent[0]!;
}

/** The plan's lines that say how each table is read, and its execution time. */
function planSummary(plan: string[]): string[] {
  return plan.filter((l) => /Scan|Execution Time/.test(l)).map((l) => l.trim().replace(/\s+\(cost=[^)]*\)/, '').replace(/\s+\(actual[^)]*\)/, ''));
}

/** Builds or reuses the database, starts the server, measures the officer and the coordinator. */
export async function measureTodo(adminUrl: string): Promise<TodoBenchResult> {
  const prepared = await prepareLoadDatabase(adminUrl, DATABASE, SCALE, true);
  const url = prepared.url;
  // reused here always, not by the load test's setting
  const log = prepared.log.map((l) => l.replace(' (BENCH_LOAD_REUSE=1)', ''));
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const server = await startLoadServer(url);
  try {
    log.push(...(await growTodoTables(db)));
    const rows = Object.fromEntries(
      (
        await db.query<{ t: string; n: string }>(
          `SELECT 'ledger' AS t, count(*) AS n FROM ledger UNION ALL SELECT 'visits', count(*) FROM visits UNION ALL SELECT 'missions', count(*) FROM missions
           UNION ALL SELECT 'conferences', count(*) FROM conferences UNION ALL SELECT 'agreements', count(*) FROM agreements
           UNION ALL SELECT 'appointments', count(*) FROM appointments UNION ALL SELECT 'expert_documents', count(*) FROM expert_documents`,
        )
      ).rows.map((r) => [r.t, Number(r.n)]),
    );
    const coordinatorUnit = Number((await db.query<{ unit: string }>(`SELECT unit_id AS unit FROM users WHERE email = 'coordinator@demo.interchange'`)).rows[0]!.unit);
    const today = officeToday();
    const accounts: Array<{ who: string; email: string; password: string; role: Role; scope: number | null }> = [
      { who: 'officer', email: 'officer@demo.interchange', password: 'demo-officer-password', role: 'officer', scope: null },
      { who: 'coordinator (Ruijin)', email: 'coordinator@demo.interchange', password: 'demo-coordinator-password', role: 'coordinator', scope: coordinatorUnit },
    ];
    const loadBefore = loadavg();
    const results: AccountResult[] = [];
    for (const a of accounts) {
      const cookie = await signIn(server.base, a.email, a.password);
      const get = async () => {
        const response = await fetch(`${server.base}/api/todo`, { headers: { cookie } });
        if (response.status !== 200) throw new Error(`GET /api/todo as ${a.who}: ${response.status}`);
        return (await response.json()) as { items: Array<{ standing: string }> };
      };
      const list = await get();
      const sql = await todoSql(db, a.role, a.scope, today);
      const http = await timed(get);
      const baseline = await timed(() => db.query(sql.text, sql.params));
      const plan = (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.params)).rows.map((r) => r['QUERY PLAN']);
      console.log(`${a.who}: ${list.items.length} items; HTTP median ${http.median.toFixed(2)} ms, SQL median ${baseline.median.toFixed(2)} ms\n${plan.join('\n')}`);
      results.push({ who: a.who, items: list.items.length, late: list.items.filter((i) => i.standing === 'late').length, http, sql: baseline, plan: planSummary(plan) });
    }
    return { machine: machine(await serverVersion(adminUrl)), log, rows, accounts: results, loadBefore, loadAfter: loadavg() };
  } finally {
    await server.stop();
    await db.end();
  }
}

const n = (v: number) => v.toLocaleString('en');
const ms = (v: number) => v.toFixed(2);

/** The section of bench/RESULTS.md for the to-do list. */
export function todoSection(r: TodoBenchResult): string[] {
  const worst = Math.max(...r.accounts.map((a) => a.http.median));
  return [
    TODO_HEADING,
    '',
    `**${worst <= TARGET_MS ? 'PASS' : 'FAIL'}** (target: an officer's to-do list at the 10 M-row scale answers in ≤ ${TARGET_MS} ms): \`npm run bench -- --only todo\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    `Machine: ${r.machine}. Load average (1, 5, 15 min) before the measured runs: ${r.loadBefore.map((v) => v.toFixed(2)).join(', ')}; after: ${r.loadAfter.map((v) => v.toFixed(2)).join(', ')} (2 cores shared with other sessions).`,
    '',
    ...r.log.map((l) => `- ${l}`),
    `- rows: ${Object.entries(r.rows).map(([t, v]) => `${t} ${n(v)}`).join(', ')}`,
    `- a real \`interchange serve\` on 127.0.0.1 (demo off), the demo accounts signed in over HTTP; ${RUNS} requests one after another after 5 of warm-up;`,
    '  the baseline is the one statement the to-do service sends, caught on its way and sent with its parameters straight over one pg connection.',
    '',
    `| who | items (late) | GET /api/todo median (ms) | p95 (ms) | the same SQL median (ms) | p95 (ms) |`,
    '|---|---:|---:|---:|---:|---:|',
    ...r.accounts.map((a) => `| ${a.who} | ${n(a.items)} (${n(a.late)}) | ${ms(a.http.median)} | ${ms(a.http.p95)} | ${ms(a.sql.median)} | ${ms(a.sql.p95)} |`),
    '',
    'Reading the numbers: the list is one UNION ALL statement, a part per kind and rule; each part reads the records in the',
    'states that owe something through an index on (status, date), so its cost follows what is open, not the history (the',
    'ledger is not read at all). The copies are the history of a large office: all but one in 2,000 settled, so the list',
    "of today is the demo's own plus a few hundred left late. HTTP adds the session, the JSON of every item and the socket.",
    '',
    ...r.accounts.flatMap((a) => [`How the statement reads its tables (EXPLAIN ANALYZE, ${a.who}):`, '', '```', ...a.plan, '```', '']),
  ];
}
