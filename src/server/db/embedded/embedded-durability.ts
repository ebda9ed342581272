/**
 * Whether the embedded engine's commits reach the disk (ARCHITECTURE.md, Data, Durability).
 * Durable: PostgreSQL runs with fsync on and SyncingNodeFS passes its flushes to the disk, so
 * COMMIT returns once its WAL is on the disk. A bulk load (the demo's first load) pauses the
 * flushes and is made durable once at its end. Not durable (tests' databases only): PGlite's
 * own settings, where a commit reaches the kernel's cache and survives a killed process but
 * not a power cut.
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SyncingNodeFS } from './syncing-nodefs.ts';

/** A request from embedded-engine.ts to the database's process, and its answer. */
export interface DurabilityMessage {
  durability: 'pause' | 'resume' | 'paused' | 'resumed' | 'failed';
  error?: string;
}

/**
 * PostgreSQL's start parameters. PGlite's defaults hold `-F` (fsync off); durable, it goes
 * and fsync is on, with fdatasync on the WAL (the call SyncingNodeFS passes through).
 * `synchronous_commit=on` either way: without it a COMMIT returns with its WAL still in WASM
 * memory and even a killed process loses acknowledged writes; pinned so that neither a
 * configuration file nor a later PGlite turns it off unnoticed.
 */
export function startParams(durable: boolean): string[] {
  const defaults = PGlite.defaultStartParams;
  const sync = durable ? [...defaults.filter((p) => p !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fdatasync'] : defaults;
  return [...sync, '-c', 'synchronous_commit=on'];
}

/**
 * Flushes every file and folder under `dir` to the disk: what was written without flushes
 * (PGlite's initdb, an image unpacked, a bulk load, a run of a test's database) is then on
 * the disk as a whole, before any later commit is.
 */
export function syncFolder(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += syncFolder(join(dir, entry.name));
    else if (entry.isFile()) count += syncPath(join(dir, entry.name));
  }
  return count + syncPath(dir);
}

function syncPath(path: string): number {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return 1;
}

/** Present while everything in the folder is on the disk and each commit is flushed. */
const MARKER = 'interchange-durable';

/** Whether the last process to hold the folder left it durable. */
function leftDurable(dataDir: string): boolean {
  return existsSync(join(dataDir, MARKER));
}

/** Says the folder is no longer wholly on the disk, before anything is written without flushes. */
function forgetDurable(dataDir: string): void {
  if (!leftDurable(dataDir)) return;
  rmSync(join(dataDir, MARKER), { force: true });
  syncPath(dataDir);
}

/**
 * Makes the data folder durable as it stands and every commit from now on: a CHECKPOINT
 * writes out what PostgreSQL holds in memory, the folder is flushed, then flushes reach the
 * disk again.
 */
async function makeDurable(db: PGlite, fs: SyncingNodeFS, dataDir: string): Promise<void> {
  await db.exec('SET synchronous_commit = on; CHECKPOINT');
  syncFolder(dataDir);
  fs.syncing = true;
  writeFileSync(join(dataDir, MARKER), '');
  syncPath(join(dataDir, MARKER));
  syncPath(dataDir);
}

/**
 * Called before PGlite opens the folder; `opened` once it has. A durable start flushes the
 * folder as it stands (what PGlite's initdb, an unpacked image or a test's seeding wrote
 * without flushes) unless the last process left it durable: flushing 1,300 files takes a
 * second or more of each command's start. A test's database says the folder is not durable
 * any more, before it writes and again after (an image may hold the mark).
 */
export function openingFolder(fs: SyncingNodeFS, dataDir: string, unpackingImage: boolean): { opened(db: PGlite): Promise<void> } {
  const wasDurable = !unpackingImage && leftDurable(dataDir);
  if (!fs.durable) forgetDurable(dataDir);
  return {
    async opened(db) {
      if (!fs.durable) forgetDurable(dataDir);
      else if (!wasDurable) await makeDurable(db, fs, dataDir);
    },
  };
}

/**
 * Answers embedded-engine.ts's pause/resume of the flushes around a bulk load, in the
 * database's process. Paused, commits skip the disk and do not even wait for their WAL to be
 * written (synchronous_commit off): a killed process loses the load's last commits, a power
 * cut can spoil the folder, which is why only a load into an empty database pauses.
 */
export function answerDurabilityRequests(db: PGlite, fs: SyncingNodeFS | null, dataDir: string | undefined): void {
  process.on('message', (message: Partial<DurabilityMessage>) => {
    if (message.durability !== 'pause' && message.durability !== 'resume') return;
    const work = async (): Promise<DurabilityMessage> => {
      // Not durable from the start (a test's database): nothing to pause or to make durable.
      if (!fs?.durable || !dataDir) return { durability: message.durability === 'pause' ? 'paused' : 'resumed' };
      if (message.durability === 'pause') {
        forgetDurable(dataDir);
        fs.syncing = false;
        await db.exec('SET synchronous_commit = off');
        return { durability: 'paused' };
      }
      await makeDurable(db, fs, dataDir);
      return { durability: 'resumed' };
    };
    void work()
      .catch((error: unknown): DurabilityMessage => ({ durability: 'failed', error: error instanceof Error ? error.message : String(error) }))
      .then((answer) => process.send?.(answer));
  });
}
