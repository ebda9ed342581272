/**
 * The reports issue's "speed at scale": the demo's ledger made 1 million and 10 million rows
 * (`demo load --scale`), in a database of its own, and at each size the figure set, the
 * fact sheet and a drill-down page, each beside the same answer from plain SQL over the raw
 * ledger in the same run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { connectDb, type Db } from '../src/server/db/client.ts';
import { startEmbeddedEngine } from '../src/server/db/embedded/embedded-engine.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { syncReferenceData } from '../src/server/reference/sync-reference.ts';
import { createCipher } from '../src/server/security/personal-data.ts';
import { systemContext } from '../src/server/core/request-context.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { loadDemoScale } from '../src/demo/demo-scale.ts';
import { personTimes, personTimesBy, personTimesByYear } from '../src/server/modules/ledger/ledger-figures.service.ts';
import { listLedger } from '../src/server/modules/ledger/ledger.repo.ts';
import { computeFigureSet } from '../src/server/reports/figures/figure-set.ts';
import { officeToday } from '../src/shared/calendar.ts';

export interface ScaleRow {
  engine: string;
  rows: number;
  what: string;
  ours: number;
  baseline: number | null;
  baselineWhat: string;
}

/** Median of `runs` timed calls after two warm-up calls, in ms. */
async function median(work: () => Promise<unknown>, runs: number): Promise<number> {
  for (let i = 0; i < 2; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const TODAY = officeToday();
// BENCH_SCALE_ROWS=20000,50000 for a quick trial of the harness; the sizes otherwise.
const SIZES = (process.env.BENCH_SCALE_ROWS ?? '1000000,10000000').split(',').map(Number);
const DIMENSIONS = ['country', 'category', 'unit', 'who'] as const;

/** Every person-time figure the fact sheet and the dashboard show, from the rollups. */
async function figureSet(db: Db): Promise<unknown[]> {
  const out: unknown[] = [
    await personTimes(db, { direction: 'inbound', from: '1980-01-01', to: TODAY }),
    await personTimes(db, { direction: 'outbound', from: '1954-01-01', to: TODAY }),
  ];
  for (const direction of ['inbound', 'outbound'] as const) {
    out.push(await personTimesByYear(db, { direction }));
    for (const by of DIMENSIONS) out.push(await personTimesBy(db, by, { direction, from: '1980-01-01', to: TODAY }));
  }
  return out;
}

/** The same figures in plain SQL over the raw ledger. */
async function plainFigureSet(db: Db): Promise<unknown[]> {
  const q = (sql: string, params: unknown[]) => db.query(sql, params).then((r) => r.rows);
  const out: unknown[] = [
    await q(`SELECT sum(count) FROM ledger WHERE direction = 'inbound' AND start_date BETWEEN '1980-01-01' AND $1::date`, [TODAY]),
    await q(`SELECT sum(count) FROM ledger WHERE direction = 'outbound' AND start_date BETWEEN '1954-01-01' AND $1::date`, [TODAY]),
  ];
  const columns = { country: 'country_code', category: 'category', unit: 'unit_id', who: 'who' };
  for (const direction of ['inbound', 'outbound']) {
    out.push(await q(`SELECT extract(year FROM start_date) AS y, sum(count) FROM ledger WHERE direction = $1 GROUP BY 1`, [direction]));
    for (const by of DIMENSIONS)
      out.push(await q(`SELECT ${columns[by]}, sum(count) FROM ledger WHERE direction = $1 AND start_date BETWEEN '1980-01-01' AND $2::date GROUP BY 1`, [direction, TODAY]));
  }
  return out;
}

async function measureAt(db: Db, engine: string, rows: number, runs: number, baselineRuns: number): Promise<ScaleRow[]> {
  const out: ScaleRow[] = [];
  const label = `${(rows / 1e6).toFixed(2)} M`;
  out.push({
    engine, rows,
    what: `person-time figure set (since 1980, since 1954, by year, by country/category/unit/who, both directions: 14 figures) over ${label} rows`,
    ours: await median(() => figureSet(db), runs),
    baseline: await median(() => plainFigureSet(db), baselineRuns),
    baselineWhat: 'the same 14 figures as plain SQL over the ledger',
  });
  let factSheet: number | null = null;
  try {
    factSheet = await median(() => computeFigureSet(systemContext(db), { asOf: TODAY }), runs);
  } catch (error) {
    console.error('fact sheet figure set failed:', error);
  }
  if (factSheet !== null)
    out.push({ engine, rows, what: `the whole fact-sheet figure set (reports/figures: partners, experts, conferences, inbound, …) over ${label} rows`, ours: factSheet, baseline: null, baselineWhat: '—' });
  const page = { direction: 'inbound', from: '1980-01-01', to: TODAY, page: 1, pageSize: 50, order: 'desc' as const };
  out.push({
    engine, rows,
    what: `drill-down: inbound since 1980, newest first, 50 rows and the total, over ${label} rows`,
    ours: await median(() => listLedger(systemContext(db), page), runs),
    baseline: await median(
      () => db.query(`SELECT * FROM ledger WHERE direction = 'inbound' AND start_date BETWEEN '1980-01-01' AND $1::date ORDER BY start_date DESC, id LIMIT 50`, [TODAY]),
      runs,
    ),
    baselineWhat: 'plain SQL page without its total',
  });
  return out;
}

async function prepareDemo(db: Db): Promise<number> {
  await migrate(db);
  await syncReferenceData(db);
  const started = performance.now();
  await loadDemo(db, createCipher('bench-secret'));
  console.log(`demo loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return (await db.query<{ n: number }>('SELECT sum(count)::bigint AS n FROM ledger')).rows[0]!.n;
}

/** Grows the ledger to about `target` rows; returns the rows there and how long it took. */
async function grow(db: Db, base: number, target: number, log: string[]): Promise<number> {
  const scale = Math.max(1, Math.round(target / base));
  const { seconds } = await loadDemoScale(db, scale, (done, total) => process.stderr.write(`\r${db.engine} scale ${done}/${total}`));
  process.stderr.write('\n');
  const rows = (await db.query<{ n: number }>('SELECT count(*)::bigint AS n FROM ledger')).rows[0]!.n;
  log.push(`${db.engine}: \`demo load --scale ${scale}\` (demo of ${base.toLocaleString('en')} person-times) → ${rows.toLocaleString('en')} ledger rows in ${seconds.toFixed(0)} s`);
  return rows;
}

/** PostgreSQL at 1 M and 10 M rows, in a database created for the run and dropped after. */
export async function scaleOnPostgres(url: string, log: string[]): Promise<ScaleRow[]> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = 'interchange_bench';
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  // DESIGN.md: on 2 cores, JIT and parallel workers made aggregates slower. Both sides of every ratio run with these.
  await admin.query(`ALTER DATABASE ${name} SET jit = off`);
  await admin.query(`ALTER DATABASE ${name} SET max_parallel_workers_per_gather = 0`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = connectDb(target.toString(), 'postgresql');
  try {
    const base = await prepareDemo(db);
    const out: ScaleRow[] = [];
    for (const size of SIZES) {
      const rows = await grow(db, base, size, log);
      await db.query('VACUUM ANALYZE ledger');
      out.push(...(await measureAt(db, 'postgresql', rows, 20, size > 5_000_000 ? 5 : 20)));
      console.log(out.slice(-3));
    }
    return out;
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
}

/** The embedded engine at 1 M rows, in a temporary data folder removed after. */
export async function scaleOnEmbedded(log: string[]): Promise<ScaleRow[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'interchange-bench-'));
  const engine = await startEmbeddedEngine({ dataDir });
  const db = connectDb(engine.url, 'embedded', engine.stop);
  try {
    const base = await prepareDemo(db);
    const rows = await grow(db, base, SIZES[0]!, log);
    await db.query('VACUUM ANALYZE ledger');
    return await measureAt(db, 'embedded', rows, 20, 5);
  } finally {
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
