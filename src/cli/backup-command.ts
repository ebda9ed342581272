import { mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Config } from '../server/config.ts';
import { BackupError } from '../server/db/backup/backup-format.ts';
import { restoreBackup } from '../server/db/backup/restore-backup.ts';
import { writeBackup } from '../server/db/backup/write-backup.ts';
import { openDatabase } from '../server/db/open.ts';
import { secureDataDir } from '../server/security/owner-only.ts';
import { openReadyDb } from './open-ready-db.ts';

const total = (rows: Record<string, number>) => Object.values(rows).reduce((a, b) => a + b, 0);

/** `interchange backup [--out FILE]`: every record, from one snapshot, into a file only its owner reads. */
export async function backupCommand(config: Config, options: { out?: string }): Promise<void> {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const dir = join(config.dataDir, 'backups');
  const file = options.out ? resolve(options.out) : join(dir, `interchange-${stamp}.ndjson.gz`);
  if (!options.out) await mkdir(dir, { recursive: true, mode: 0o700 });
  const { db } = await openReadyDb(config);
  try {
    const result = await writeBackup(db, file);
    console.log(`Backup written: ${result.file}`);
    console.log(`${total(result.rows)} rows in ${Object.keys(result.rows).length} tables, ${result.bytes} bytes, sha256 ${result.sha256}`);
    console.log('Personal data in it is encrypted with this server\u2019s key: keep a copy of the key (INTERCHANGE_SECRET_FILE) apart from the backups, or the restored data cannot be read.');
  } finally {
    await db.close();
  }
}

/** `interchange restore FILE [--replace]`: into an empty database (or, with --replace, over one), all or nothing. */
export async function restoreCommand(config: Config, file: string, options: { replace?: boolean }): Promise<void> {
  await secureDataDir(config.dataDir);
  const db = await openDatabase(config);
  try {
    const result = await restoreBackup(db, resolve(file), { replace: options.replace ?? false, label: basename(file) });
    console.log(`Restored ${total(result.rows)} rows in ${Object.keys(result.rows).length} tables from the backup of ${result.header.createdAt} (Interchange ${result.header.version}, ${result.header.engine}).`);
    if (result.migratedAfter.length) console.log(`Migrated after: ${result.migratedAfter.join(', ')}`);
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(`Interchange: restore refused, nothing changed: ${error.message}`);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}
