/**
 * Issue 17, "Capacity": Interchange beside Directus 11.3.5 (the last release that runs on Node 20)
 * on the same machine and the same PostgreSQL, in one run. Directus serves a table of the first
 * 1,000,000 rows of the load test's ledger (copied, with the indexes the ledger has on the same
 * columns); Interchange serves the whole ledger (`demo load --scale 20`). Each request is sent
 * flat out on 8 connections, then one at a time; each also runs as plain SQL without HTTP (the
 * query a good hand would write), which is the baseline both are read against.
 *
 * Directus is installed from the npm registry into bench/.directus (not a project dependency)
 * the first time; where that cannot be done the section says why and measures Interchange and SQL.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort } from '../src/server/test/serve-process.ts';
import { LOAD, credentials } from './load-test.ts';
import { backendsCpuMs, cpuMs, dropLoadDatabase, prepareLoadDatabase, startLoadServer, type LoadServer } from './load-server.ts';
import { machine, serverVersion } from './machine.ts';

export const DIRECTUS_HEADING = '## Beside Directus (issue 17)';

const DIRECTUS_VERSION = '11.3.5';
const DIRECTUS_DIR = new URL('./.directus/', import.meta.url).pathname;
// Named after the load database, so that benches on different branches (each on its own copy) do not share it.
const DIRECTUS_DATABASE = `${LOAD.database}_directus`;
const TABLE_ROWS = 1_000_000;
const CONNECTIONS = 8;
const SECONDS = Number(process.env.BENCH_DIRECTUS_SECONDS ?? 15);
const ONE_AT_A_TIME = 30;
const ADMIN_TOKEN = 'interchange-bench-directus-admin-token';

/** The ledger's columns Directus's table holds. */
const COLUMNS = ['id', 'direction', 'who', 'person_id', 'count', 'is_aggregate', 'category', 'country_code', 'institution_id', 'unit_id', 'start_date', 'end_date'];

/** One request, as each side asks it, and the SQL a hand would write for it. */
interface Shape {
  name: string;
  interchange: string;
  directus: string;
  sql: string;
  /** The targets the issue sets, as the least ratio of our throughput to Directus's. */
  target: number;
}

const FILTER = { country: 'DE', from: '2018-01-01', to: '2022-12-31' };
const directusFilter = `filter[country_code][_eq]=${FILTER.country}&filter[start_date][_between]=${FILTER.from},${FILTER.to}`;
const sqlFilter = `country_code = '${FILTER.country}' AND start_date BETWEEN '${FILTER.from}' AND '${FILTER.to}'`;

const SHAPES: Shape[] = [
  {
    name: `a filtered count (person-times, ${FILTER.country}, ${FILTER.from}…${FILTER.to})`,
    interchange: `/api/ledger/totals?country=${FILTER.country}&from=${FILTER.from}&to=${FILTER.to}`,
    directus: `/items/ledger_rows?aggregate[sum]=count&${directusFilter}`,
    sql: `SELECT sum(count) FROM ledger_rows WHERE ${sqlFilter}`,
    target: 3,
  },
  {
    name: 'a filtered page of 50 in the default order (oldest first), with its count',
    interchange: `/api/ledger?country=${FILTER.country}&from=${FILTER.from}&to=${FILTER.to}&pageSize=50`,
    directus: `/items/ledger_rows?${directusFilter}&sort=start_date,id&limit=50&meta=filter_count`,
    sql: `SELECT *, count(*) OVER () FROM (SELECT * FROM ledger_rows WHERE ${sqlFilter} ORDER BY start_date, id LIMIT 50) page`,
    target: 3,
  },
  {
    name: 'a page of 50, newest first, with the count',
    interchange: '/api/ledger?order=desc&pageSize=50',
    directus: '/items/ledger_rows?sort=-start_date,id&limit=50&meta=total_count',
    sql: 'SELECT * FROM ledger_rows ORDER BY start_date DESC, id LIMIT 50',
    target: 3,
  },
  {
    name: 'person-times by year × country (Interchange: its whole figure set)',
    interchange: '/api/reports/figures',
    directus: '/items/ledger_rows?aggregate[sum]=count&groupBy[]=year(start_date)&groupBy[]=country_code&limit=-1',
    sql: 'SELECT extract(year FROM start_date) AS year, country_code, sum(count) FROM ledger_rows GROUP BY 1, 2',
    target: 20,
  },
];

interface Timing {
  /** Requests a second, 8 connections flat out. */
  rps: number;
  /** The median of one request at a time (ms). */
  median: number;
  /**
   * CPU per request, one at a time (ms): the server's process and its PostgreSQL backends, from
   * /proc. Unlike time, it does not grow when other work shares the cores.
   */
  cpu: number;
  errors: number;
}

/** Whose CPU a side's requests spend: its server's process and its database's backends. */
interface CpuOf {
  pid: number;
  database: string;
  admin: pg.Client;
}

/** One at a time for about CPU_SECONDS (at most CPU_ROUNDS requests), so that clock ticks of 10 ms add up. */
const CPU_SECONDS = 4;
const CPU_ROUNDS = 300;

interface ShapeResult {
  shape: Shape;
  interchange: Timing;
  directus: Timing | null;
  sql: { median: number };
}

export interface DirectusResult {
  machine: string;
  loadBefore: number[];
  loadAfter: number[];
  setup: string[];
  /** Why Directus was not measured, when it was not. */
  directusMissing: string | null;
  shapes: ShapeResult[];
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): { ok: boolean; output: string } {
  const r = spawnSync(command, args, { cwd: options.cwd, env: options.env ?? process.env, encoding: 'utf8', timeout: options.timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** Installs Directus from the npm registry into bench/.directus unless it is there; returns why not when it cannot. */
function installDirectus(): string | null {
  const installed = join(DIRECTUS_DIR, 'node_modules/directus/package.json');
  const addOn = join(DIRECTUS_DIR, 'node_modules/isolated-vm/out/isolated_vm.node');
  if (existsSync(installed) && JSON.parse(readFileSync(installed, 'utf8')).version === DIRECTUS_VERSION && existsSync(addOn)) return null;
  mkdirSync(DIRECTUS_DIR, { recursive: true });
  // Without its packages' install scripts: they compile native add-ons Directus does not need to serve items (the
  // sandbox of its flows' scripts, among others), and with them the install did not end in 20 minutes on this machine.
  const r = run('npm', ['install', '--prefix', DIRECTUS_DIR, `directus@${DIRECTUS_VERSION}`, '--no-audit', '--no-fund', '--no-save', '--ignore-scripts'], { timeoutMs: 30 * 60_000 });
  if (!r.ok || !existsSync(installed)) return `npm install directus@${DIRECTUS_VERSION} failed: ${r.output.split('\n').slice(-5).join(' ')}`;
  // The one add-on it loads at start: compiled against this Node's own headers (node-gyp would download them).
  const headers = join(process.execPath, '../../include/node');
  const built = run('npx', ['--yes', 'node-gyp', 'rebuild', '--release', '-j', '2', `--nodedir=${join(headers, '../..')}`], { cwd: join(DIRECTUS_DIR, 'node_modules/isolated-vm'), timeoutMs: 30 * 60_000 });
  return built.ok ? null : `compiling isolated-vm for Directus failed: ${built.output.split('\n').slice(-5).join(' ')}`;
}

const withDatabase = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Directus's database: the first TABLE_ROWS ledger rows of the load database, copied by COPY
 * through psql, and every index the ledger has whose columns the copy holds (so neither side
 * has an index the other lacks for these requests).
 */
async function prepareDirectusTable(adminUrl: string, sourceUrl: string): Promise<{ url: string; log: string }> {
  await dropLoadDatabase(adminUrl, DIRECTUS_DATABASE);
  await query(adminUrl, `CREATE DATABASE ${DIRECTUS_DATABASE}`);
  const url = withDatabase(adminUrl, DIRECTUS_DATABASE);
  const types = await query<{ column_name: string; data_type: string }>(
    sourceUrl,
    `SELECT attname AS column_name, format_type(atttypid, atttypmod) AS data_type FROM pg_attribute
      WHERE attrelid = 'ledger'::regclass AND attnum > 0 AND NOT attisdropped AND attname = ANY('{${COLUMNS.join(',')}}') ORDER BY attnum`,
  );
  await query(url, `CREATE TABLE ledger_rows (${types.map((c) => `${c.column_name} ${c.data_type}${c.column_name === 'id' ? ' PRIMARY KEY' : ''}`).join(', ')})`);
  const started = performance.now();
  const list = types.map((c) => c.column_name).join(', ');
  const copy = spawnSync('bash', ['-o', 'pipefail', '-c', `psql "$SRC" -Atqc "\\copy (SELECT ${list} FROM ledger ORDER BY id LIMIT ${TABLE_ROWS}) TO STDOUT" | psql "$DST" -Atqc "\\copy ledger_rows (${list}) FROM STDIN"`], {
    env: { ...process.env, SRC: sourceUrl, DST: url },
    encoding: 'utf8',
  });
  if (copy.status !== 0) throw new Error(`copying the ledger for Directus: ${copy.stderr}`);
  const indexes = await query<{ indexdef: string }>(sourceUrl, `SELECT indexdef FROM pg_indexes WHERE tablename = 'ledger' AND indexname <> 'ledger_pkey'`);
  const copied = indexes
    .map((i) => i.indexdef.replace(/ON (public\.)?ledger /, 'ON ledger_rows ').replace(/INDEX (\w+)/, 'INDEX $1_rows'))
    .filter((def) => columnsOf(def).every((c) => COLUMNS.includes(c)));
  for (const def of copied) await query(url, def);
  await query(url, 'VACUUM ANALYZE ledger_rows');
  const n = (await query<{ n: string }>(url, 'SELECT count(*) AS n FROM ledger_rows'))[0]?.n ?? 0;
  return { url, log: `${Number(n).toLocaleString('en')} rows copied into \`${DIRECTUS_DATABASE}.ledger_rows\` in ${((performance.now() - started) / 1000).toFixed(0)} s, with ${copied.length} of the ledger's indexes` };
}

/** The columns an index definition names (inside its column list and its INCLUDE and WHERE). */
function columnsOf(def: string): string[] {
  const inner = def.slice(def.indexOf('(') + 1);
  return [...inner.matchAll(/\b([a-z_]+)\b/g)].map((m) => m[1]!).filter((w) => !['desc', 'asc', 'include', 'where', 'is', 'not', 'null', 'and', 'nulls', 'last', 'first', 'true', 'false'].includes(w.toLowerCase()));
}

interface Directus {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

/** Bootstraps Directus on its database (its own tables beside ledger_rows) and starts it on 127.0.0.1. */
async function startDirectus(url: string): Promise<Directus> {
  const port = await freePort();
  const uploads = await mkdtemp(join(tmpdir(), 'interchange-directus-'));
  const env = {
    ...process.env,
    DB_CLIENT: 'pg',
    DB_CONNECTION_STRING: url,
    KEY: 'interchange-bench-key',
    SECRET: 'interchange-bench-secret-of-some-length',
    ADMIN_EMAIL: 'admin@example.com',
    ADMIN_PASSWORD: 'interchange-bench-password',
    ADMIN_TOKEN,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    CACHE_ENABLED: 'false',
    RATE_LIMITER_ENABLED: 'false',
    TELEMETRY: 'false',
    LOG_LEVEL: 'warn',
    STORAGE_LOCAL_ROOT: uploads,
    EXTENSIONS_PATH: join(uploads, 'extensions'),
    QUERY_LIMIT_MAX: '-1',
  };
  const cli = join(DIRECTUS_DIR, 'node_modules/directus/cli.js');
  const bootstrap = run(process.execPath, [cli, 'bootstrap'], { cwd: DIRECTUS_DIR, env, timeoutMs: 10 * 60_000 });
  if (!bootstrap.ok) throw new Error(`directus bootstrap: ${bootstrap.output.slice(-2000)}`);
  const child = spawn(process.execPath, [cli, 'start'], { cwd: DIRECTUS_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 250) {
    if (child.exitCode !== null) throw new Error(`directus start exited:\n${output.slice(-2000)}`);
    if (waited > 180_000) throw new Error(`directus did not answer in 180 s:\n${output.slice(-2000)}`);
    const ok = await fetch(`${base}/server/ping`).then((r) => r.ok, () => false);
    if (ok) break;
    await sleep(250);
  }
  return {
    base,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      await rm(uploads, { recursive: true, force: true });
    },
  };
}

/**
 * Throughput on CONNECTIONS connections flat out for SECONDS, after as long a warm-up as a fifth
 * of it, then a median one at a time, then the CPU one request costs.
 */
async function time(base: string, path: string, headers: Record<string, string>, of: CpuOf): Promise<Timing> {
  const first = await fetch(`${base}${path}`, { headers });
  if (!first.ok) throw new Error(`${base}${path}: ${first.status} ${(await first.text()).slice(0, 500)}`);
  const flatOut = (duration: number) => autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration, headers, timeout: 30 });
  await flatOut(Math.max(2, Math.round(SECONDS / 5)));
  const result = await flatOut(SECONDS);
  const times: number[] = [];
  for (let i = 0; i < ONE_AT_A_TIME; i += 1) {
    const started = performance.now();
    await (await fetch(`${base}${path}`, { headers })).arrayBuffer();
    times.push(performance.now() - started);
  }
  const cpu0 = cpuMs(of.pid) + (await backendsCpuMs(of.admin, of.database));
  const until = performance.now() + CPU_SECONDS * 1000;
  let rounds = 0;
  while (rounds < CPU_ROUNDS && (rounds === 0 || performance.now() < until)) {
    await (await fetch(`${base}${path}`, { headers })).arrayBuffer();
    rounds += 1;
  }
  const cpu = (cpuMs(of.pid) + (await backendsCpuMs(of.admin, of.database)) - cpu0) / rounds;
  return { rps: result.requests.average, median: median(times), cpu, errors: result.errors + result.non2xx + result.timeouts };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeSql(url: string, sql: string): Promise<{ median: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < 3; i += 1) await client.query(sql);
    const times: number[] = [];
    for (let i = 0; i < ONE_AT_A_TIME; i += 1) {
      const started = performance.now();
      await client.query(sql);
      times.push(performance.now() - started);
    }
    return { median: median(times) };
  } finally {
    await client.end();
  }
}

/** Sets both up, sends every shape to each, and stops them. */
export async function measureDirectus(adminUrl: string): Promise<DirectusResult> {
  const setup: string[] = [];
  const directusMissing = installDirectus();
  setup.push(directusMissing ? `Directus not measured: ${directusMissing}` : `Directus ${DIRECTUS_VERSION} from the npm registry, in bench/.directus, cache and rate limiter off, log level warn, its admin's static token`);
  const load = await prepareLoadDatabase(adminUrl, LOAD.database, LOAD.scale, process.env.BENCH_LOAD_REUSE === '1');
  setup.push(...load.log);
  // Started first, so that its migrations have run on the ledger whose indexes Directus's table copies.
  const server: LoadServer = await startLoadServer(load.url, { INTERCHANGE_LOG_LEVEL: 'warn' });
  let directus: Directus | null = null;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const table = await prepareDirectusTable(adminUrl, load.url);
    setup.push(table.log);
    const loadBefore = loadavg();
    const token = (await credentials(server.base)).officerToken;
    if (!directusMissing) directus = await startDirectus(table.url);
    const shapes: ShapeResult[] = [];
    for (const shape of SHAPES) {
      const interchange = await time(server.base, shape.interchange, { authorization: token }, { pid: server.pid, database: LOAD.database, admin });
      const directusTiming = directus ? await time(directus.base, shape.directus, { authorization: `Bearer ${ADMIN_TOKEN}` }, { pid: directus.pid, database: DIRECTUS_DATABASE, admin }) : null;
      shapes.push({ shape, interchange, directus: directusTiming, sql: await timeSql(table.url, shape.sql) });
    }
    return { machine: machine(await serverVersion(adminUrl)), loadBefore, loadAfter: loadavg(), setup, directusMissing, shapes };
  } finally {
    await admin.end();
    await server.stop();
    await directus?.stop();
    // Its database is the bench's own (a copy of 1 M ledger rows and Directus's tables): not left behind.
    await dropLoadDatabase(adminUrl, DIRECTUS_DATABASE);
  }
}

const f = (v: number, digits = 1) => v.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The section of bench/RESULTS.md. */
export function directusSection(r: DirectusResult): string[] {
  const rows = r.shapes.map(({ shape, interchange, directus, sql }) => {
    const ratio = directus ? interchange.rps / directus.rps : null;
    const cpuRatio = directus ? directus.cpu / interchange.cpu : null;
    return `| ${shape.name} | ${f(interchange.rps, 0)} | ${directus ? f(directus.rps, 0) : '—'} | ${ratio === null ? '—' : `**${f(ratio, 2)}×**`} | ${f(interchange.cpu, 2)} | ${directus ? f(directus.cpu, 2) : '—'} | ${cpuRatio === null ? '—' : `${f(cpuRatio, 2)}×`} | ${f(interchange.median)} | ${directus ? f(directus.median) : '—'} | ${f(sql.median, 2)} |`;
  });
  const checks = r.shapes.map(({ shape, interchange, directus }) => {
    const errors = interchange.errors + (directus?.errors ?? 0);
    if (!directus) return `- ${shape.name}: Directus not measured`;
    const ratio = interchange.rps / directus.rps;
    const cpuRatio = directus.cpu / interchange.cpu;
    return `- ${shape.name}: ${f(ratio, 2)}× Directus's throughput, target ≥ ${shape.target}×, ${ratio >= shape.target ? 'met' : 'NOT met'}; ${f(cpuRatio, 2)}× fewer CPU ms a request${errors ? ` (${errors} errors)` : ''}`;
  });
  return [
    DIRECTUS_HEADING,
    '',
    `Measured by \`npm run bench -- --only directus\` (${r.machine}; load average ${r.loadBefore.map((v) => f(v, 2)).join(', ')} before, ${r.loadAfter.map((v) => f(v, 2)).join(', ')} after).`,
    `Each request flat out on ${CONNECTIONS} connections for ${SECONDS} s after a warm-up, then ${ONE_AT_A_TIME} one at a time (the median); the plain SQL on Directus's table through \`pg\`, one at a time.`,
    `CPU per request: one at a time for about ${CPU_SECONDS} s (at most ${CPU_ROUNDS}), the server's process and its PostgreSQL backends from /proc; "CPU ratio" is Directus's over Interchange's, what the throughput ratio would be on cores nothing else uses.`,
    'Interchange signed in with an officer\'s API token (scope, policies and response schemas apply); Directus with its admin\'s static token (no permission rules to apply).',
    '',
    ...r.setup.map((s) => `- ${s}`),
    '',
    `| request | Interchange (req/s) | Directus (req/s) | ratio | Interchange CPU (ms) | Directus CPU (ms) | CPU ratio | Interchange one (ms) | Directus one (ms) | plain SQL (ms) |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    'Targets (issue 17):',
    ...checks,
  ];
}
