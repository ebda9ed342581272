/**
 * A backup file, as `interchange backup` writes it and `interchange restore` reads it: gzip'd
 * lines of JSON, so that either engine writes and reads it with the same SQL (`to_json` out,
 * `json_populate_recordset` in) and neither needs pg_dump, which the embedded engine lacks.
 * - the first line, `["interchange-backup", 1, { version, engine, createdAt, migrations }]`;
 * - for each table, `["table", name, columns]`, then one JSON object a row;
 * - the last line, `["end", { table: rows, … }]`: a file without it was cut short.
 */
export const BACKUP_FORMAT = 'interchange-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** What the first line says of the database the backup was taken from. */
export interface BackupHeader {
  version: string;
  engine: string;
  createdAt: string;
  migrations: Array<{ name: string; checksum: string | null }>;
}

/**
 * The longest line a restore reads: a row holding a document of the largest size uploads take
 * (20 MiB, twice that as hex in JSON) with room to spare. A longer line is refused, not read.
 */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

/** Rows a restore inserts in one statement, and the most JSON it gathers for one. */
export const INSERT_BATCH_ROWS = 500;
export const INSERT_BATCH_BYTES = 16 * 1024 * 1024;

/** A backup that cannot be restored, with the reason in words (the CLI prints it as is). */
export class BackupError extends Error {}
