/**
 * `npx tsx bench/list-plans.ts`: the plan of every list the API serves, in every order and
 * under every filter it takes (from /api/openapi.json), on a copy of the load test's database
 * (BENCH_LOAD_DATABASE, default interchange_load, copied to `<name>_plans` and dropped after).
 * PostgreSQL's auto_explain logs each statement's plan with sequential scans disabled, so a
 * "Seq Scan" left in a plan is a table no index can serve in that shape, whatever its size.
 * Reads the server's log (/var/log/postgresql, PostgreSQL on this machine); prints, by list,
 * the shapes that scan a table whole.
 */
import { readFileSync, statSync } from 'node:fs';
import pg from 'pg';
import { startLoadServer } from './load-server.ts';
import { credentials, LOAD } from './load-test.ts';

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LOG = process.env.BENCH_PG_LOG ?? '/var/log/postgresql/postgresql-15-main.log';
const copy = `${LOAD.database}_plans`;
const url = Object.assign(new URL(adminUrl), { pathname: `/${copy}` }).toString();

interface Param {
  name: string;
  in: string;
  schema?: { type?: string; enum?: string[]; format?: string; anyOf?: unknown[] };
}
type Operation = { parameters?: Param[]; responses?: Record<string, { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }> };

/** A value of `p` to filter by: the first of an enum, else one of its type's. */
function sample(p: Param): string[] {
  const s = p.schema ?? {};
  if (s.enum) return s.enum;
  if (/date|from|to|since|until|on$/i.test(p.name) || s.format === 'date') return ['2020-01-01'];
  if (/id$/i.test(p.name) || s.type === 'integer' || s.type === 'number') return ['1'];
  if (p.name === 'country' || /country/i.test(p.name)) return ['DE'];
  return ['zh'];
}

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${copy} TEMPLATE ${LOAD.database}`);
const server = await startLoadServer(url, { INTERCHANGE_LOG_LEVEL: 'warn' });
try {
  const token = (await credentials(server.base)).officerToken;
  // Set after the migrations, for the connections the server opens from now on.
  for (const setting of ["session_preload_libraries = 'auto_explain'", 'auto_explain.log_min_duration = 0', 'enable_seqscan = off'])
    await admin.query(`ALTER DATABASE ${copy} SET ${setting}`);
  await server.stop();
  const again = await startLoadServer(url, { INTERCHANGE_LOG_LEVEL: 'warn' });
  const spec = (await (await fetch(`${again.base}/api/openapi.json`)).json()) as { paths: Record<string, { get?: Operation }> };
  const lists = Object.entries(spec.paths)
    .filter(([path, item]) => !path.includes('{') && item.get?.responses?.['200']?.content?.['application/json']?.schema?.properties?.items)
    .map(([path, item]) => ({ path, params: (item.get!.parameters ?? []).filter((p) => p.in === 'query') }));
  const requests: string[] = [];
  for (const { path, params } of lists) {
    requests.push(path);
    const sorts = params.find((p) => p.name === 'sort')?.schema?.enum ?? [null];
    for (const sort of sorts) for (const order of ['asc', 'desc']) requests.push(`${path}?${sort ? `sort=${sort}&` : ''}order=${order}`);
    for (const p of params.filter((x) => !['page', 'pageSize', 'sort', 'order'].includes(x.name)))
      for (const value of sample(p)) requests.push(`${path}?${p.name}=${encodeURIComponent(value)}`);
    requests.push(`${path}?page=400&pageSize=50`);
  }
  // Only the database's own tables: a plan also scans functions' and subqueries' results by their aliases.
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const tables = new Set((await db.query<{ relname: string }>("SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace")).rows.map((r) => r.relname));
  await db.end();
  const findings = new Map<string, Set<string>>();
  for (const request of requests) {
    const offset = statSync(LOG).size;
    const response = await fetch(`${again.base}${request}`, { headers: { authorization: token } });
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 150));
    const logged = readFileSync(LOG).subarray(offset).toString('utf8');
    const mine = logged.split(/\n(?=\d{4}-\d\d-\d\d )/).filter((entry) => entry.includes(`@${copy} LOG:  duration:`));
    for (const entry of mine) {
      const scans = [...entry.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!).filter((name) => tables.has(name));
      if (!scans.length) continue;
      const key = `${request} [${response.status}]`;
      const set = findings.get(key) ?? new Set<string>();
      for (const table of scans) set.add(table);
      findings.set(key, set);
    }
  }
  console.log(`${lists.length} lists, ${requests.length} requests; shapes with a table no index serves:`);
  for (const [request, tables] of findings) console.log(`${request}: ${[...tables].join(', ')}`);
  await again.stop();
} finally {
  await server.stop();
  await admin.query(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`);
  await admin.end();
}
