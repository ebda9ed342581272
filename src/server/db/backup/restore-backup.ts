import type { Db, Queryable } from '../client.ts';
import { migrate, migrationFiles } from '../migrate.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { SYSTEM_ACTOR } from '../../policies/actor.ts';
import { syncReferenceData } from '../../reference/sync-reference.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, INSERT_BATCH_BYTES, INSERT_BATCH_ROWS, type BackupHeader } from './backup-format.ts';
import { backupTables, ident, type BackupTable } from './backup-tables.ts';
import { readBackupLines } from './read-backup-lines.ts';

/** What a restore brought back. */
export interface RestoreResult {
  header: BackupHeader;
  rows: Record<string, number>;
  /** Migrations applied after the rows, when the backup came from an earlier release. */
  migratedAfter: string[];
}

// A database "holds records" when one of these has a row; reference data (countries, the
// catalogue) is loaded into every new database and does not count.
const RECORD_TABLES = ['users', 'units', 'people', 'institutions', 'audit_log'];

function isHeader(line: unknown): line is [string, number, BackupHeader] {
  return Array.isArray(line) && line[0] === BACKUP_FORMAT && typeof line[2] === 'object' && line[2] !== null;
}

/** The backup's migrations must be ours, byte for byte; ours may go further (they run after). */
async function checkMigrations(header: BackupHeader): Promise<string> {
  const files = new Map((await migrationFiles()).map((f) => [f.name, f.checksum]));
  for (const m of header.migrations) {
    if (!files.has(m.name)) throw new BackupError(`the backup was made by a later Interchange (${header.version}): it has migration ${m.name}, which this one does not; restore it with that version or later`);
    if (m.checksum && m.checksum !== files.get(m.name)) throw new BackupError(`the backup's migration ${m.name} differs from this Interchange's file of that name`);
  }
  const last = header.migrations.at(-1)?.name;
  if (!last) throw new BackupError('the backup names no migration: it was not taken from an Interchange database');
  return last;
}

/** Refuses a database ahead of the backup, or holding records unless they are to be replaced. */
async function checkTarget(db: Db, header: BackupHeader, replace: boolean): Promise<void> {
  const exists = (await db.query<{ t: string | null }>(`SELECT to_regclass('public.schema_migrations')::text AS t`)).rows[0]?.t;
  if (exists) {
    const applied = (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name);
    const theirs = new Set(header.migrations.map((m) => m.name));
    const ahead = applied.find((name) => !theirs.has(name));
    if (ahead) throw new BackupError(`this database has migration ${ahead}, which the backup (${header.version}) predates: restore into a new, empty database`);
  }
  if (!exists || replace) return;
  for (const table of RECORD_TABLES) {
    const present = (await db.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [`public.${table}`])).rows[0]?.t;
    if (!present) continue;
    const n = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(table)}`)).rows[0]!.n;
    if (n > 0) throw new BackupError(`this database already holds records (${table}: ${n} rows): restore into a new, empty database, or give --replace to replace everything in it`);
  }
}

/** Inserts rows into one table in batches; a column pointing into the table itself is set once all its rows are in. */
class TableLoader {
  private batch: string[] = [];
  private bytes = 0;
  private links: object[] = [];
  count = 0;
  constructor(
    private readonly tx: Queryable,
    readonly table: BackupTable,
  ) {}

  async add(row: Record<string, unknown>): Promise<void> {
    const { selfReferences: refs } = this.table;
    if (refs.some((c) => row[c] != null)) this.links.push(Object.fromEntries([...this.table.orderBy, ...refs].map((c) => [c, row[c]])));
    const text = JSON.stringify(row);
    this.batch.push(text);
    this.bytes += text.length;
    this.count += 1;
    if (this.batch.length >= INSERT_BATCH_ROWS || this.bytes >= INSERT_BATCH_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const { name, columns, identities, selfReferences, jsonNotNull } = this.table;
    // A JSON null (a setting with no value yet) comes out of json_populate_recordset as SQL NULL: given back as JSON null.
    const values = columns.map((c) => (selfReferences.includes(c) ? 'NULL' : jsonNotNull.includes(c) ? `coalesce(${ident(c)}, 'null')` : ident(c))).join(', ');
    await this.tx.query(
      `INSERT INTO ${ident(name)} (${columns.map(ident).join(', ')}) ${identities.length ? 'OVERRIDING SYSTEM VALUE' : ''}
       SELECT ${values} FROM json_populate_recordset(NULL::${ident(name)}, $1::json)`,
      [`[${this.batch.join(',')}]`],
    );
    this.batch = [];
    this.bytes = 0;
  }

  async finish(): Promise<void> {
    await this.flush();
    const { name, orderBy, selfReferences, identities } = this.table;
    for (let i = 0; i < this.links.length; i += INSERT_BATCH_ROWS) {
      const set = selfReferences.map((c) => `${ident(c)} = s.${ident(c)}`).join(', ');
      const match = orderBy.map((c) => `t.${ident(c)} = s.${ident(c)}`).join(' AND ');
      await this.tx.query(`UPDATE ${ident(name)} t SET ${set} FROM json_populate_recordset(NULL::${ident(name)}, $1::json) s WHERE ${match}`, [
        JSON.stringify(this.links.slice(i, i + INSERT_BATCH_ROWS)),
      ]);
    }
    for (const column of identities)
      await this.tx.query(`SELECT setval(pg_get_serial_sequence($1, $2), GREATEST(max(${ident(column)}), 1), max(${ident(column)}) IS NOT NULL) FROM ${ident(name)}`, [
        ident(name),
        column,
      ]);
  }
}

/**
 * Restores `file` into `db`, on either engine, whichever engine took it: the database is
 * brought to the backup's migration, every table emptied and filled in one transaction (a
 * damaged or cut file changes nothing), the restore audited, then today's migrations run on
 * it. A database that holds records is refused unless `replace` says to replace them.
 */
export async function restoreBackup(db: Db, file: string, options: { replace?: boolean; label?: string } = {}): Promise<RestoreResult> {
  const lines = readBackupLines(file);
  const first = (await lines.next()).value;
  if (!isHeader(first)) throw new BackupError(`${file} is not an Interchange backup`);
  if (first[1] !== BACKUP_FORMAT_VERSION) throw new BackupError(`the backup's format ${first[1]} is not one this Interchange reads (${BACKUP_FORMAT_VERSION})`);
  const header = first[2];
  const through = await checkMigrations(header);
  await checkTarget(db, header, options.replace ?? false);
  await migrate(db, { through });

  const rows: Record<string, number> = {};
  try {
    await db.transaction(async (tx) => {
      const tables = new Map((await backupTables(tx)).map((t) => [t.name, t]));
      await tx.query(`TRUNCATE ${[...tables.keys()].map(ident).join(', ')} RESTART IDENTITY CASCADE`);
      let loader: TableLoader | null = null;
      let ended: Record<string, number> | null = null;
      const close = async () => {
        if (!loader) return;
        await loader.finish();
        rows[loader.table.name] = loader.count;
      };
      for await (const line of lines) {
        if (ended) throw new BackupError('the backup goes on after its end line: the file is damaged');
        if (Array.isArray(line) && line[0] === 'table') {
          await close();
          const table = tables.get(String(line[1]));
          if (!table) throw new BackupError(`the backup holds a table ${String(line[1])} this database does not have`);
          if (JSON.stringify(line[2]) !== JSON.stringify(table.columns)) throw new BackupError(`the backup's table ${table.name} has other columns than this database's`);
          loader = new TableLoader(tx, table);
          tables.delete(table.name);
        } else if (Array.isArray(line) && line[0] === 'end') {
          await close();
          ended = line[1] as Record<string, number>;
        } else if (loader && line !== null && typeof line === 'object' && !Array.isArray(line)) await loader.add(line as Record<string, unknown>);
        else throw new BackupError('the backup holds a line that is neither a table, a row nor its end: the file is damaged');
      }
      if (!ended) throw new BackupError('the backup has no end line: it was cut short');
      if (tables.size) throw new BackupError(`the backup lacks the tables ${[...tables.keys()].join(', ')}: the file is damaged`);
      for (const [name, n] of Object.entries(ended))
        if ((rows[name] ?? 0) !== n) throw new BackupError(`the backup says ${name} has ${n} rows, but holds ${rows[name] ?? 0}: the file is damaged`);
      await recordAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: 'restore',
        entity: 'database',
        entityId: header.createdAt,
        after: { file: options.label ?? file, takenAt: header.createdAt, version: header.version, engine: header.engine, rows: Object.values(rows).reduce((a, b) => a + b, 0) },
      });
    });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    // a row the database refuses (a reference lost, a value out of its column's range): the file was damaged or edited
    throw new BackupError(`the backup does not load into this database (${(error as Error).message}): the file is damaged or was edited`);
  }
  const migratedAfter = await migrate(db);
  await syncReferenceData(db);
  return { header, rows, migratedAfter };
}
