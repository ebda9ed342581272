/**
 * The load test's subject: a PostgreSQL database of its own with the demo at scale, and a real
 * `interchange serve` process on it, whose resident memory can be read from /proc.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { freePort } from '../src/server/test/serve-process.ts';

/** The secret personal data is encrypted with, the same for `demo load` and `serve`. */
const SECRET = 'interchange-load-test-secret';

export interface LoadDatabase {
  url: string;
  /** What was done to make it, for the results. */
  log: string[];
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `interchange <args>` with `env` and resolves with what it printed, or rejects with it. */
function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/interchange.js', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
      process.stderr.write(d);
    });
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`interchange ${args.join(' ')} exited ${code}:\n${output}`))));
  });
}

/**
 * Drops and recreates `name`, then loads the demo and grows its ledger with `demo load --scale`
 * (the command a user runs). With `reuse`, an existing database that already has the scaled
 * ledger is kept as it is: for trying the harness again without the minutes of loading.
 */
export async function prepareLoadDatabase(adminUrl: string, name: string, scale: number, reuse: boolean): Promise<LoadDatabase> {
  const url = databaseUrl(adminUrl, name);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let reused = false;
  try {
    if (reuse && (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) {
      reused = (await contents(url).catch(() => null)) !== null;
    }
    if (!reused) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
  } finally {
    await admin.end();
  }
  const started = performance.now();
  if (!reused) await runCli(['demo', 'load', '--scale', String(scale)], { ...process.env, DATABASE_URL: url, INTERCHANGE_SECRET: SECRET });
  const seconds = (performance.now() - started) / 1000;
  const c = await contents(url, !reused);
  const what = `${n(c.ledger)} ledger rows, ${n(c.people)} people, ${n(c.visits)} visits, ${n(c.agreements)} agreements, ${n(c.audit)} audit rows`;
  return {
    url,
    log: [
      reused
        ? `used the existing database \`${name}\` as it was (BENCH_LOAD_REUSE=1: an earlier run's, or a copy made with \`createdb -T\`): ${what}`
        : `\`interchange demo load --scale ${scale}\` into a new database \`${name}\`: ${seconds.toFixed(0)} s (${what}), then VACUUM ANALYZE`,
    ],
  };
}

const n = (v: string | number) => Number(v).toLocaleString('en');

/** What the database holds; throws when it has no scaled ledger. */
async function contents(url: string, vacuum = false) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    if (vacuum) await db.query('VACUUM ANALYZE');
    const { rows } = await db.query<{ ledger: string; scaleRows: string; people: string; visits: string; agreements: string; audit: string }>(
      `SELECT (SELECT count(*) FROM ledger) AS ledger, (SELECT count(*) FROM ledger WHERE source_module = 'scale') AS "scaleRows",
              (SELECT count(*) FROM people) AS people, (SELECT count(*) FROM visits) AS visits,
              (SELECT count(*) FROM agreements) AS agreements, (SELECT count(*) FROM audit_log) AS audit`,
    );
    const r = rows[0]!;
    if (Number(r.scaleRows) === 0) throw new Error('no scaled ledger');
    return r;
  } finally {
    await db.end();
  }
}

/** Drops the load test's database. */
export async function dropLoadDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** The V8 heap of the serve process, from process.memoryUsage() (bench/load-memory-probe.mjs), in bytes. */
export interface HeapFigures {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** Each V8 heap space's committed size and used size. */
  spaces?: Record<string, { size: number; used: number }>;
}

const PROBE = fileURLToPath(new URL('./load-memory-probe.mjs', import.meta.url));

/** A running `interchange serve` on the load database. */
export interface LoadServer {
  base: string;
  pid: number;
  /** The process's resident set size now, in bytes (VmRSS). */
  rss(): number;
  /** Its heap as the probe wrote it at most a second ago; null when the probe has not written yet. */
  heap(): HeapFigures | null;
  /**
   * With BENCH_LOAD_HEAPSNAPSHOTS=1 (for finding what grows, not for the measured runs: a snapshot runs a full GC and
   * takes seconds): writes a heap snapshot (SIGUSR2, --heapsnapshot-signal) into BENCH_LOAD_HEAPSNAPSHOT_DIR and resolves
   * with its path once written; null when not enabled.
   */
  heapSnapshot(): Promise<string | null>;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `interchange serve --no-build` as a deployment would (demo off, own secret), on 127.0.0.1, with `env` added to its
 * environment, and bench/load-memory-probe.mjs preloaded so that its heap can be read beside its RSS.
 */
export async function startLoadServer(url: string, env: NodeJS.ProcessEnv = {}): Promise<LoadServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'interchange-load-'));
  const snapshotDir = process.env.BENCH_LOAD_HEAPSNAPSHOTS === '1' ? (process.env.BENCH_LOAD_HEAPSNAPSHOT_DIR ?? dataDir) : null;
  const snapshotFlags = snapshotDir ? ` --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${snapshotDir}` : '';
  const child = spawn(process.execPath, ['bin/interchange.js', 'serve', '--no-build'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      INTERCHANGE_SECRET: SECRET,
      INTERCHANGE_DEMO: '0',
      INTERCHANGE_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      INTERCHANGE_LOAD_PROBE_DIR: dataDir,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(PROBE).href}${snapshotFlags}`.trim(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Interchange is running')) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`interchange serve exited:\n${output}`));
      }
    }, 100);
  });
  const pid = child.pid!;
  return {
    base: `http://127.0.0.1:${port}`,
    pid,
    rss: () => {
      const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
      return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
    },
    heap: () => {
      try {
        const { heapUsed, heapTotal, external, arrayBuffers, spaces } = JSON.parse(readFileSync(join(dataDir, `memory-${pid}.json`), 'utf8')) as HeapFigures;
        return { heapUsed, heapTotal, external, arrayBuffers, spaces };
      } catch {
        return null;
      }
    },
    heapSnapshot: async () => {
      if (!snapshotDir) return null;
      const before = new Set(readdirSync(snapshotDir));
      child.kill('SIGUSR2');
      // Written when its size stops changing for a second.
      let path: string | null = null;
      let size = -1;
      for (;;) {
        await sleep(1000);
        path ??= readdirSync(snapshotDir).find((f) => f.endsWith('.heapsnapshot') && !before.has(f)) ?? null;
        if (!path) continue;
        const now = statSync(join(snapshotDir, path)).size;
        if (now === size && now > 0) return join(snapshotDir, path);
        size = now;
      }
    },
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** utime + stime of a process, in ms (clock ticks of 10 ms); 0 once it is gone. */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * The CPU used so far by the PostgreSQL backends connected to `database`, in ms (PostgreSQL on
 * this machine). Client backends only: an autovacuum worker on the database comes and goes, and
 * its CPU would be counted while it runs and subtracted when it ends (a negative request).
 */
export async function backendsCpuMs(admin: pg.Client, database: string): Promise<number> {
  const { rows } = await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'", [database]);
  return rows.reduce((n, r) => n + cpuMs(r.pid), 0);
}
