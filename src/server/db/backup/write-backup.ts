import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, rm, unlink } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Db, Queryable } from '../client.ts';
import { VERSION } from '../../version.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { SYSTEM_ACTOR } from '../../policies/actor.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader } from './backup-format.ts';
import { backupTables, ident, type BackupTable } from './backup-tables.ts';

/** What a backup wrote. */
export interface BackupResult {
  file: string;
  bytes: number;
  sha256: string;
  rows: Record<string, number>;
}

const FETCH = 500;

async function* tableLines(tx: Queryable, table: BackupTable, rows: Record<string, number>): AsyncGenerator<string> {
  yield `${JSON.stringify(['table', table.name, table.columns])}\n`;
  const columns = table.columns.map(ident).join(', ');
  await tx.query(
    `DECLARE backup_rows NO SCROLL CURSOR FOR
       SELECT to_json(t)::text AS j FROM (SELECT ${columns} FROM ${ident(table.name)} ORDER BY ${table.orderBy.map(ident).join(', ')}) t`,
  );
  let count = 0;
  for (;;) {
    const batch = await tx.query<{ j: string }>(`FETCH ${FETCH} FROM backup_rows`);
    if (batch.rows.length === 0) break;
    count += batch.rows.length;
    yield batch.rows.map((r) => `${r.j}\n`).join('');
  }
  await tx.query('CLOSE backup_rows');
  rows[table.name] = count;
}

async function* backupLines(tx: Queryable, engine: string, rows: Record<string, number>): AsyncGenerator<string> {
  const migrations = (await tx.query<{ name: string; checksum: string | null }>('SELECT name, checksum FROM schema_migrations ORDER BY name')).rows;
  const header: BackupHeader = { version: VERSION, engine, createdAt: new Date().toISOString(), migrations };
  yield `${JSON.stringify([BACKUP_FORMAT, BACKUP_FORMAT_VERSION, header])}\n`;
  for (const table of await backupTables(tx)) yield* tableLines(tx, table, rows);
  yield `${JSON.stringify(['end', rows])}\n`;
}

/**
 * Writes every record of `db` to `file` (gzip'd JSON lines, readable by the owner only), from
 * one snapshot: a repeatable-read transaction, so that a backup taken while the office works
 * is a state the database was in, never half of a change. The file appears only once it is
 * complete (written beside it, then renamed); an existing file is never overwritten. The
 * backup is audited once written.
 */
export async function writeBackup(db: Db, file: string): Promise<BackupResult> {
  const rows: Record<string, number> = {};
  const hash = createHash('sha256');
  let bytes = 0;
  const partial = `${file}.partial`;
  try {
    await db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const count = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(Readable.from(backupLines(tx, db.engine, rows)), createGzip(), count, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
    });
    await linkNew(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  const result = { file, bytes, sha256: hash.digest('hex'), rows };
  // Every personal datum left in one file: audited as an export, and `doctor` reads the last one's age here.
  await recordAudit(db, { actor: SYSTEM_ACTOR, action: 'export', entity: 'database', entityId: result.sha256.slice(0, 16), after: { file, bytes, rows: Object.values(rows).reduce((a, b) => a + b, 0) } });
  return result;
}

/** Renames `from` to `to` unless `to` exists (rename alone would replace it). */
async function linkNew(from: string, to: string): Promise<void> {
  await link(from, to);
  await unlink(from);
}
