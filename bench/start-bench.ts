/**
 * How long `interchange serve` takes to answer and what it holds once idle (issue 17): the
 * compiled server (dist/server, what `npm start` runs) beside the same sources run through tsx
 * (INTERCHANGE_FROM_SOURCES=1), alternating, on one embedded database holding the demo; and the
 * first start, which loads the demo into an empty folder.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../src/server/test/serve-process.ts';

export const START_HEADING = '## Start';
const ROUNDS = 5;
const IDLE_MS = 5000;

interface Start {
  /** From the spawn to the first answered /api/health. */
  ms: number;
  /** Resident memory (ps RSS), MB, IDLE_MS after that answer. */
  serverMb: number;
  databaseMb: number;
}

const rssMb = (pid: string | number): number => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;

/** Starts `bin/interchange.js serve` on `dataDir`, times it to its first answer, measures it idle, stops it. */
async function start(dataDir: string, fromSources: boolean): Promise<Start> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, INTERCHANGE_DATA_DIR: dataDir, DATABASE_URL: '', INTERCHANGE_SECRET: 'start-bench', PORT: String(port) };
  if (fromSources) env.INTERCHANGE_FROM_SOURCES = '1';
  else delete env.INTERCHANGE_FROM_SOURCES;
  const began = performance.now();
  const child = spawn(process.execPath, ['bin/interchange.js', 'serve', '--no-build'], { env, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`interchange serve exited with ${child.exitCode}`);
      const answered = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (answered) break;
      await sleep(10);
    }
    const ms = performance.now() - began;
    await sleep(IDLE_MS);
    const database = execFileSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' }).trim().split('\n')[0]!;
    return { ms, serverMb: rssMb(child.pid!), databaseMb: rssMb(database) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const medians = (starts: Start[]): Start => ({ ms: median(starts.map((s) => s.ms)), serverMb: median(starts.map((s) => s.serverMb)), databaseMb: median(starts.map((s) => s.databaseMb)) });

/** The first start (loading the demo), then the medians of ROUNDS starts each way on that database. */
export async function measureStarts(): Promise<{ first: Start; compiled: Start; sources: Start; load: [number, number] }> {
  // Built first, so that no start below includes a rebuild.
  if (spawnSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' }).status !== 0) throw new Error('the server failed to build');
  const dataDir = mkdtempSync(join(tmpdir(), 'interchange-start-bench-'));
  const loadBefore = loadavg()[0]!;
  try {
    const first = await start(dataDir, false);
    const compiled: Start[] = [];
    const sources: Start[] = [];
    await start(dataDir, true); // tsx's cache of compiled files warmed, as on a developer's machine
    for (let round = 0; round < ROUNDS; round += 1) {
      compiled.push(await start(dataDir, false));
      sources.push(await start(dataDir, true));
    }
    return { first, compiled: medians(compiled), sources: medians(sources), load: [loadBefore, loadavg()[0]!] };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The RESULTS.md section of a measurement. */
export function startSection(result: Awaited<ReturnType<typeof measureStarts>>, machine: string): string[] {
  const row = (what: string, s: Start) => `| ${what} | ${s.ms.toFixed(0)} | ${s.serverMb.toFixed(0)} | ${s.databaseMb.toFixed(0)} |`;
  return [
    `${START_HEADING} (issue 17)`,
    '',
    `Measured by \`npm run bench -- --only start\` (${machine}; load average ${result.load[0].toFixed(1)} at the start, ${result.load[1].toFixed(1)} at the end):`,
    '`interchange serve --no-build` on the embedded engine, from the spawn to the first answered `/api/health`, and the resident',
    `memory (\`ps\` RSS) of the server's process and of the embedded database's process ${IDLE_MS / 1000} s after that answer. The first start loads`,
    `the demo into an empty folder; the others start on that database, medians of ${ROUNDS}, compiled and through tsx alternating.`,
    '',
    '| start | first answer (ms) | server (MB) | embedded database (MB) |',
    '|---|---:|---:|---:|',
    row('first start, loading the demo (compiled)', result.first),
    row('on the demo database, compiled (dist/server: `npm start`)', result.compiled),
    row('on the demo database, the sources through tsx (`INTERCHANGE_FROM_SOURCES=1`)', result.sources),
    '',
    'The last two rows run the same code on the same database: what differs is tsx, its loader in both processes and its',
    'compiling (or reading from its cache) every source file at each start. The rest of a start is the embedded database opening',
    'its folder, the migrations and reference data checked, and the expiry sweep; the machine is shared, so the times follow its load.',
    '',
  ];
}
