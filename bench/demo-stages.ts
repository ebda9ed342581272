/**
 * Where the demo's first load spends its time (issue 17): each stage of `loadDemo` timed, and the
 * SQL statements it sends counted (transactions' BEGIN and COMMIT included), the CPU time of the
 * embedded database's process and of this one (less at the mercy of a shared machine's load than
 * the time), on the embedded engine
 * in a new temporary folder, or on the PostgreSQL database at BENCH_DATABASE_URL (emptied first:
 * give it a scratch database). `npx tsx bench/demo-stages.ts [--shapes N]` prints the table and, with
 * --shapes, the N statements sent most often in each stage (their first words) and the N tables
 * whose statements it waited for longest, to find what sends one statement a record.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { connectDb, type Db, type Queryable } from '../src/server/db/client.ts';
import { startEmbeddedEngine } from '../src/server/db/embedded/embedded-engine.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { syncReferenceData } from '../src/server/reference/sync-reference.ts';
import { createCipher } from '../src/server/security/personal-data.ts';
import { DEMO_STAGES, loadDemo, type DemoStage } from '../src/demo/load-demo.ts';
import { officeToday } from '../src/shared/calendar.ts';

interface Tally {
  statements: number;
  ms: number;
  /** CPU seconds of the embedded database's process, and of this one. */
  databaseCpu: number;
  nodeCpu: number;
  shapes: Map<string, number>;
  /** By the table a statement is about (the ledger's writes by the module writing): statements and their time (ms). */
  tables: Map<string, { n: number; ms: number }>;
}

/** The table a statement is about: the ledger's writes by their source module, else the first table it names. */
function tableOf(text: string, params: unknown[] | undefined): string {
  if (/^\s*WITH (old|new) AS \((DELETE FROM|INSERT INTO) ledger\b/.test(text)) return `ledger (${String(params?.[1])})`;
  return /\b(?:INTO|UPDATE|FROM)\s+([a-z_.]+)/i.exec(text)?.[1] ?? text.trim().split(/\s/)[0]!;
}

/** CPU seconds (user + system) of process `pid` so far, from /proc (clock ticks of 10 ms). */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const nodeCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** `db` with every statement counted into `tally()`'s current entry, those of its transactions too. */
function counting(db: Db, tally: () => Tally): Db {
  const count = (text: string, params?: unknown[]): ((ms: number) => void) => {
    const t = tally();
    t.statements += 1;
    const shape = text.replace(/\s+/g, ' ').trim().slice(0, 90);
    t.shapes.set(shape, (t.shapes.get(shape) ?? 0) + 1);
    const table = tableOf(text, params);
    const entry = t.tables.get(table) ?? { n: 0, ms: 0 };
    t.tables.set(table, entry);
    entry.n += 1;
    return (ms) => (entry.ms += ms);
  };
  const timed = async <R,>(text: string, params: unknown[] | undefined, run: () => Promise<R>): Promise<R> => {
    const add = count(text, params);
    const began = performance.now();
    try {
      return await run();
    } finally {
      add(performance.now() - began);
    }
  };
  const wrap = (q: Queryable): Queryable => ({
    query: (text, params) => timed(text, params, () => q.query(text, params)),
  });
  return {
    ...db,
    query: (text, params) => timed(text, params, () => db.query(text, params)),
    transaction: (work) => {
      count('BEGIN');
      return db.transaction(async (tx) => {
        const result = await work(wrap(tx));
        count('COMMIT');
        return result;
      });
    },
  };
}

const shapesAt = process.argv.indexOf('--shapes');
const shapesShown = shapesAt >= 0 ? Number(process.argv[shapesAt + 1] ?? 15) : 0;
const url = process.env.BENCH_DATABASE_URL;
const dataDir = url ? null : mkdtempSync(join(tmpdir(), 'interchange-demo-stages-'));
let db: Db;
let databasePid: number | null = null;
if (url) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  await admin.end();
  db = connectDb(url, 'postgresql');
} else {
  const engine = await startEmbeddedEngine({ dataDir: join(dataDir!, 'pglite') });
  db = connectDb(engine.url, 'embedded', engine.stop, engine.bulkLoad);
  databasePid = engine.child.pid ?? null;
}
const databaseCpu = () => (databasePid === null ? 0 : cpuOf(databasePid));
try {
  await migrate(db);
  await syncReferenceData(db);
  const tallies = new Map<DemoStage, Tally>(DEMO_STAGES.map((s) => [s, { statements: 0, ms: 0, databaseCpu: 0, nodeCpu: 0, shapes: new Map(), tables: new Map() }]));
  let stage: DemoStage = 'organization';
  let since = performance.now();
  let cpuSince = [databaseCpu(), nodeCpu()] as const;
  const close = (t: Tally) => {
    const now = performance.now();
    const cpu = [databaseCpu(), nodeCpu()] as const;
    t.ms += now - since;
    t.databaseCpu += cpu[0] - cpuSince[0];
    t.nodeCpu += cpu[1] - cpuSince[1];
    since = now;
    cpuSince = cpu;
  };
  const load = loadavg()[0]!;
  const began = performance.now();
  await db.bulkLoad(() =>
    loadDemo(counting(db, () => tallies.get(stage)!), createCipher('demo-stages'), officeToday(), undefined, (next) => {
      close(tallies.get(stage)!);
      stage = next;
    }),
  );
  close(tallies.get(stage)!);
  const total = performance.now() - began;
  console.log(`${url ? 'PostgreSQL' : 'embedded engine'}; load average ${load.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`);
  console.log('| stage | time (s) | database CPU (s) | node CPU (s) | statements |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [s, t] of tallies) console.log(`| ${s} | ${(t.ms / 1000).toFixed(1)} | ${t.databaseCpu.toFixed(1)} | ${t.nodeCpu.toFixed(1)} | ${t.statements} |`);
  const sum = (f: (t: Tally) => number) => [...tallies.values()].reduce((n, t) => n + f(t), 0);
  console.log(`| **total** | **${(total / 1000).toFixed(1)}** | **${sum((t) => t.databaseCpu).toFixed(1)}** | **${sum((t) => t.nodeCpu).toFixed(1)}** | **${sum((t) => t.statements)}** |`);
  if (shapesShown > 0)
    for (const [s, t] of tallies) {
      console.log(`\n${s}:`);
      for (const [shape, n] of [...t.shapes].sort((a, b) => b[1] - a[1]).slice(0, shapesShown)) console.log(`${String(n).padStart(7)}  ${shape}`);
      console.log('  by table (statements, seconds waited for them):');
      for (const [table, { n, ms }] of [...t.tables].sort((a, b) => b[1].ms - a[1].ms).slice(0, shapesShown)) console.log(`${String(n).padStart(7)} ${(ms / 1000).toFixed(1).padStart(6)} s  ${table}`);
    }
} finally {
  await db.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
