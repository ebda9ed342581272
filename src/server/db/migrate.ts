import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { paths } from '../paths.ts';
import type { Db, Queryable } from './client.ts';
import { ensureQueues } from '../jobs/queue.ts';

/** A migration file: its name, its SQL and the sha256 of its bytes (hex). */
export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** The sha256 of a migration file's bytes, as the runner records it and the manifest lists it. */
export function migrationChecksum(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The numbered SQL files in db/migrations, in the order they apply. */
export async function migrationFiles(): Promise<MigrationFile[]> {
  const names = (await readdir(paths.migrations)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(paths.migrations + name);
      return { name, sql: bytes.toString('utf8'), checksum: migrationChecksum(bytes) };
    }),
  );
}

/**
 * Applies the numbered SQL files in db/migrations that this database has not seen, each in
 * its own transaction, in order, recording each file's checksum (files applied before the
 * runner kept checksums get the current file's). Forward-only: a file once applied is never
 * edited. With `through`, stops after that file (a restore brings a database to its backup's
 * migration before filling it). Returns the names applied now.
 */
export async function migrate(db: Db, options: { through?: string } = {}): Promise<string[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  await db.query('ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text');
  const done = new Map(
    (await db.query<{ name: string; checksum: string | null }>('SELECT name, checksum FROM schema_migrations')).rows.map((r) => [r.name, r.checksum]),
  );
  const applied: string[] = [];
  let stopped = false;
  for (const file of await migrationFiles()) {
    if (options.through && file.name > options.through) {
      stopped = true;
      break;
    }
    if (done.has(file.name)) {
      if (done.get(file.name) === null) await db.query('UPDATE schema_migrations SET checksum = $2 WHERE name = $1', [file.name, file.checksum]);
      continue;
    }
    await db.transaction(async (tx) => {
      await tx.query(file.sql);
      await tx.query('INSERT INTO schema_migrations(name, checksum) VALUES ($1, $2)', [file.name, file.checksum]);
    });
    applied.push(file.name);
  }
  // pg-boss keeps a table per queue: each job type's is made here, with the schema, so that a
  // step taken by any command (the demo's load too) can queue its job.
  // (Not on a database stopped short of the job tables' migration.)
  if (!stopped) await ensureQueues(db);
  return applied;
}

/** What stands between this database and the migration files: for readiness checks. */
export interface MigrationStatus {
  applied: number;
  /** Files not applied yet. */
  pending: string[];
  /** Applied files whose checksum on record differs from the file now. */
  changed: string[];
  /** Applied names with no file (a server older than its database). */
  unknown: string[];
}

/** Compares the applied migrations with the files; one query. */
export async function migrationStatus(db: Queryable): Promise<MigrationStatus> {
  const rows = (await db.query<{ name: string; checksum: string | null }>('SELECT * FROM schema_migrations')).rows;
  const recorded = new Map(rows.map((r) => [r.name, r.checksum ?? null]));
  const files = await cachedFiles();
  const names = new Set(files.map((f) => f.name));
  return {
    applied: rows.length,
    pending: files.filter((f) => !recorded.has(f.name)).map((f) => f.name),
    changed: files.filter((f) => { const sum = recorded.get(f.name); return typeof sum === 'string' && sum !== f.checksum; }).map((f) => f.name),
    unknown: rows.map((r) => r.name).filter((name) => !names.has(name)),
  };
}

// The files do not change while the server runs: read once.
let filesOnce: Promise<MigrationFile[]> | undefined;
const cachedFiles = (): Promise<MigrationFile[]> => (filesOnce ??= migrationFiles());
