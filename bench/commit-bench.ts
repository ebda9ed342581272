/**
 * What durability costs a commit on the embedded engine (issue 15): one-row INSERTs, each its
 * own transaction, through `pg` as the server sends them, on a durable database (the default:
 * the WAL flushed to the disk at each COMMIT) and on one that is not (the tests' databases),
 * in two fresh folders, alternating, so that the machine's load falls on both alike.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { connectDb, type Db } from '../src/server/db/client.ts';
import { startEmbeddedEngine } from '../src/server/db/embedded/embedded-engine.ts';

export const COMMITS_HEADING = '## Commit durability';
const ROUNDS = 10;
const PER_ROUND = 50;

async function open(folder: string, durable: boolean): Promise<Db> {
  const engine = await startEmbeddedEngine({ dataDir: join(folder, durable ? 'durable' : 'not-durable'), durable });
  const db = connectDb(engine.url, 'embedded', engine.stop);
  await db.query('CREATE TABLE commits (id int PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())');
  return db;
}

async function commits(db: Db, from: number, times: number[]): Promise<void> {
  for (let i = from; i < from + PER_ROUND; i += 1) {
    const start = performance.now();
    await db.query('INSERT INTO commits (id) VALUES ($1)', [i]);
    times.push(performance.now() - start);
  }
}

const median = (times: number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

/** Medians of a one-row commit, durable and not, in milliseconds. */
export async function measureCommits(): Promise<{ durable: number; notDurable: number; commits: number }> {
  const folder = mkdtempSync(join(tmpdir(), 'interchange-commit-bench-'));
  const durable = await open(folder, true);
  const notDurable = await open(folder, false);
  const times = { durable: [] as number[], notDurable: [] as number[] };
  try {
    await commits(durable, -PER_ROUND, []);
    await commits(notDurable, -PER_ROUND, []);
    for (let round = 0; round < ROUNDS; round += 1) {
      await commits(durable, round * PER_ROUND, times.durable);
      await commits(notDurable, round * PER_ROUND, times.notDurable);
    }
  } finally {
    await durable.close();
    await notDurable.close();
    rmSync(folder, { recursive: true, force: true });
  }
  return { durable: median(times.durable), notDurable: median(times.notDurable), commits: ROUNDS * PER_ROUND };
}

/** The RESULTS.md section of a measurement. */
export function commitSection(result: Awaited<ReturnType<typeof measureCommits>>, machine: string): string[] {
  return [
    `${COMMITS_HEADING} (issue 15)`,
    '',
    `Measured by \`npm run bench -- --only commits\` (${machine}; load average ${loadavg()[0]!.toFixed(0)}): the median of ${result.commits} one-row commits each, through \`pg\` as the server sends them, alternating in rounds of ${PER_ROUND}.`,
    '',
    '| engine | a one-row commit | ms | not durable (tests\' databases) | ms | ratio |',
    '|---|---|---:|---|---:|---:|',
    `| embedded | durable (the default: its WAL fdatasync'd before COMMIT returns) | ${result.durable.toFixed(2)} | the WAL written to the kernel, not flushed | ${result.notDurable.toFixed(2)} | ${(result.durable / result.notDurable).toFixed(2)}× |`,
    '',
    'The difference is the flush, whose cost depends on the disk and its load (an earlier trial, noted in ARCHITECTURE.md,',
    'found about 12 ms a commit). An office writes a few records a minute; it feels neither.',
    '',
  ];
}
