import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDb } from '../client.ts';
import { startEmbeddedEngine } from './embedded-engine.ts';
import { testEngine } from '../../test/test-database.ts';

// Issue 15, "Durability of the default engine". The embedded database's process runs under
// strace, which records every fsync and fdatasync it makes with the file's path: what reaches
// the disk is what the kernel was asked to flush, seen from outside the process. Each of N
// commits must flush the WAL; with the tests' opt-out, nothing is flushed (so the count
// tells the two apart); during a bulk load nothing is flushed, and its end flushes the whole
// data folder before any later commit; a start flushes the whole folder unless the last
// process left it durable.

const COMMITS = 40;
const MARK = 'interchange-strace-mark';
const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const hasStrace = spawnSync('strace', ['-V']).status === 0;

interface Flush {
  call: 'fsync' | 'fdatasync';
  path: string;
}

/**
 * The flushes strace saw between the statements `SELECT pg_stat_file('<mark>-<name>', true)`
 * and the next mark: the mark's lookup of a file that does not exist shows in the trace as a
 * stat of that path, in order with the flushes.
 */
function flushesBetweenMarks(trace: string, from: string, to: string): Flush[] {
  const lines = trace.split('\n');
  const start = lines.findIndex((l) => l.includes(`${MARK}-${from}`));
  const end = lines.findIndex((l, i) => i > start && l.includes(`${MARK}-${to}`));
  expect(start, `mark ${from} in the trace`).toBeGreaterThanOrEqual(0);
  expect(end, `mark ${to} in the trace`).toBeGreaterThan(start);
  const flushes: Flush[] = [];
  for (const line of lines.slice(start, end)) {
    const match = /\b(fsync|fdatasync)\(\d+<([^>]*)>\) = 0/.exec(line);
    if (match) flushes.push({ call: match[1] as Flush['call'], path: match[2]! });
  }
  return flushes;
}

type Scenario = (run: (sql: string) => Promise<unknown>, mark: (name: string) => Promise<unknown>, bulkLoad: <T>(work: () => Promise<T>) => Promise<T>) => Promise<void>;

/** Runs `scenario` on an embedded database in `folder` (a fresh one by default), its process under strace; returns the trace. */
async function traced(durable: boolean, scenario: Scenario, folder = mkdtempSync(join(tmpdir(), 'interchange-fsync-'))): Promise<{ trace: string; dataDir: string; folder: string }> {
  folders.push(folder);
  const dataDir = join(folder, 'pglite');
  const traceFile = join(folder, 'strace.txt');
  rmSync(traceFile, { force: true });
  const engine = await startEmbeddedEngine({
    dataDir,
    durable,
    runUnder: ['strace', '-f', '-qq', '-y', '-e', 'trace=fsync,fdatasync,%%stat', '-o', traceFile],
  });
  const db = connectDb(engine.url, 'embedded', engine.stop, engine.bulkLoad);
  try {
    await db.query('CREATE TABLE IF NOT EXISTS flushed (id int PRIMARY KEY)');
    const mark = (name: string) => db.query(`SELECT pg_stat_file('${MARK}-${name}', true)`);
    await scenario((sql) => db.query(sql), mark, db.bulkLoad);
  } finally {
    await db.close();
  }
  return { trace: readFileSync(traceFile, 'utf8'), dataDir, folder };
}

async function commits(run: (sql: string) => Promise<unknown>, from: number): Promise<void> {
  for (let i = from; i < from + COMMITS; i += 1) await run(`INSERT INTO flushed VALUES (${i})`);
}

/** The flushes of the process's start, before the scenario's first mark. */
function flushesAtStart(trace: string): number {
  const lines = trace.split('\n');
  const end = lines.findIndex((l) => l.includes(MARK));
  return lines.slice(0, end).filter((l) => /\b(fsync|fdatasync)\(\d+<[^>]*>\) = 0/.test(l)).length;
}

const walFlushes = (flushes: Flush[]): Flush[] => flushes.filter((f) => /\/pg_wal\/[0-9A-F]{24}$/.test(f.path));

describe.skipIf(testEngine() !== 'embedded')('the embedded engine flushes each commit to the disk', () => {
  it('needs strace (apt-get install strace; .ci/run installs it)', () => {
    expect(hasStrace).toBe(true);
  });

  it.runIf(hasStrace)('durable (the default): N commits flush the WAL file at least N times', async () => {
    const { trace } = await traced(true, async (run, mark) => {
      await mark('begin');
      await commits(run, 0);
      await mark('end');
    });
    const flushes = walFlushes(flushesBetweenMarks(trace, 'begin', 'end'));
    expect(flushes.length).toBeGreaterThanOrEqual(COMMITS);
  });

  it.runIf(hasStrace)("not durable (tests' databases): the same commits flush nothing", async () => {
    const { trace } = await traced(false, async (run, mark) => {
      await mark('begin');
      await commits(run, 0);
      await mark('end');
    });
    expect(flushesBetweenMarks(trace, 'begin', 'end')).toEqual([]);
  });

  it.runIf(hasStrace)('a bulk load flushes nothing while it runs, then the whole data folder once, then each commit again', async () => {
    const { trace, dataDir } = await traced(true, async (run, mark, bulkLoad) => {
      await bulkLoad(async () => {
        await mark('bulk');
        await commits(run, 0);
        await mark('bulk-end');
      });
      await mark('after');
      await commits(run, COMMITS);
      await mark('end');
    });
    expect(flushesBetweenMarks(trace, 'bulk', 'bulk-end')).toEqual([]);
    const atEnd = flushesBetweenMarks(trace, 'bulk-end', 'after').map((f) => f.path);
    for (const file of ['global/pg_control', 'pg_wal', 'base']) expect(atEnd).toContain(join(dataDir, file));
    expect(atEnd.length).toBeGreaterThan(100);
    expect(walFlushes(flushesBetweenMarks(trace, 'after', 'end')).length).toBeGreaterThanOrEqual(COMMITS);
  });

  it.runIf(hasStrace)('a start flushes the whole folder unless the last process left it durable', async () => {
    let base = 0;
    const commitAndMark: Scenario = async (run, mark) => {
      await mark('started');
      base += 10_000;
      await commits(run, base);
    };
    const fresh = await traced(true, commitAndMark);
    expect(flushesAtStart(fresh.trace)).toBeGreaterThan(500);
    const again = await traced(true, commitAndMark, fresh.folder);
    expect(flushesAtStart(again.trace)).toBeLessThan(50);
    // A test's database in the folder: written without flushes, so the next durable start flushes it all.
    await traced(false, commitAndMark, fresh.folder);
    const afterTests = await traced(true, commitAndMark, fresh.folder);
    expect(flushesAtStart(afterTests.trace)).toBeGreaterThan(500);
  });
});
