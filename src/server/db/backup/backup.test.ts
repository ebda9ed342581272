import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDb, type Db, type Engine } from '../client.ts';
import { startEmbeddedEngine } from '../embedded/embedded-engine.ts';
import { migrate } from '../migrate.ts';
import { computeFigureSet, flatFigures } from '../../reports/figures/figure-set.ts';
import { systemContext } from '../../core/request-context.ts';
import { verifyLedgerRollups } from '../../modules/ledger/ledger-verify.service.ts';
import { openDemoDatabase } from '../../test/demo-database.ts';
import { testEngine, withDatabase } from '../../test/test-database.ts';
import { backupTables, ident } from './backup-tables.ts';
import { BackupError } from './backup-format.ts';
import { restoreBackup } from './restore-backup.ts';
import { writeBackup } from './write-backup.ts';

/**
 * Backup and restore across engines: the demo, backed up on this project's engine, restored
 * on the other one (PostgreSQL when TEST_DATABASE_URL is set, as in CI), backed up there and
 * restored on this engine again, must hold every row of every table it had, give the same
 * figures, keep its audit and add one row saying it was restored.
 */
const dir = mkdtempSync(join(tmpdir(), 'interchange-backup-'));
const open: Db[] = [];
let source: Db;

/** A new, empty database of `engine`. */
async function emptyDatabase(engine: Engine): Promise<Db> {
  let db: Db;
  if (engine === 'embedded') {
    const e = await startEmbeddedEngine({ durable: false });
    db = connectDb(e.url, 'embedded', e.stop);
  } else {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `interchange_restore_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
    await admin.end();
    db = connectDb(withDatabase(url, name), 'postgresql', async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    });
  }
  open.push(db);
  return db;
}

/** Each table's row count and a digest of its rows in key order, as UTC text (audit_log apart). */
async function fingerprint(db: Db, auditThrough?: number): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await db.transaction(async (tx) => {
    await tx.query(`SET LOCAL TIME ZONE 'UTC'`);
    for (const table of await backupTables(tx)) {
      const where = table.name === 'audit_log' && auditThrough !== undefined ? `WHERE id <= ${auditThrough}` : '';
      const { rows } = await tx.query<{ n: number; digest: string }>(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(to_json(t)::text, '|' ORDER BY ${table.orderBy.map((c) => `t.${ident(c)}`).join(', ')}), '')) AS digest
           FROM (SELECT ${table.columns.map(ident).join(', ')} FROM ${ident(table.name)} ${where}) t`,
      );
      out[table.name] = `${rows[0]!.n} ${rows[0]!.digest}`;
    }
  });
  return out;
}

/**
 * The audit rows that name an import (the demo imports its conferences' attendee lists), and
 * those among them that are not the import's own row nor a row of a record it created: an
 * import's id must not leak onto what the demo writes after it in the same transaction.
 */
async function importAudit(db: Db): Promise<{ named: number; imports: number; strays: number }> {
  const { rows } = await db.query<{ named: number; imports: number; strays: number }>(
    `SELECT count(*)::int AS named, count(DISTINCT a.import_id)::int AS imports,
            count(*) FILTER (WHERE NOT (right(a.entity, 7) = '_import' AND a.entity_id = i.id::text)
                               AND NOT (i.outcome->'created' @> to_jsonb(a.entity_id::bigint)))::int AS strays
       FROM audit_log a JOIN imports i ON i.id = a.import_id`,
  );
  return rows[0]!;
}

const lastAuditId = async (db: Db) => (await db.query<{ id: number }>('SELECT coalesce(max(id), 0)::int AS id FROM audit_log')).rows[0]!.id;
const figures = async (db: Db) => flatFigures(await computeFigureSet(systemContext(db), { asOf: '2026-06-30' }));
const otherEngine: Engine = testEngine() === 'embedded' && process.env.TEST_DATABASE_URL ? 'postgresql' : 'embedded';

beforeAll(async () => {
  source = await openDemoDatabase();
  open.push(source);
}, 900_000); // the first demo test of a run loads the whole demo (a minute, several on a busy machine); the others copy it
afterAll(async () => {
  for (const db of open) await db.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it(`carries the demo from ${testEngine()} to ${otherEngine} and back: every row, the figures, the audit, and one audit row more for each restore`, async () => {
    const sourceAudit = await lastAuditId(source);
    const before = await fingerprint(source);
    expect(Number(before.people!.split(' ')[0])).toBeGreaterThan(100);
    const sourceFigures = await figures(source);
    const sourceImportAudit = await importAudit(source);
    expect(sourceImportAudit.imports).toBe(Number(before.imports!.split(' ')[0]));
    expect(sourceImportAudit.named).toBeGreaterThan(sourceImportAudit.imports);
    expect(sourceImportAudit.strays).toBe(0);

    const first = await writeBackup(source, join(dir, 'first.ndjson.gz'));
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    expect(first.rows.visits).toBe(Number(before.visits!.split(' ')[0]));
    expect(Object.keys(first.rows)).not.toContain('sessions');
    // a second backup to the same file is refused, the first left as it was
    await expect(writeBackup(source, first.file)).rejects.toThrow(/EEXIST/);
    expect(statSync(first.file).size).toBe(first.bytes);

    const other = await emptyDatabase(otherEngine);
    const restored = await restoreBackup(other, first.file);
    expect(restored.migratedAfter).toEqual([]);
    expect(await fingerprint(other, sourceAudit)).toEqual(before);
    expect(await figures(other)).toEqual(sourceFigures);
    expect(await importAudit(other)).toEqual(sourceImportAudit);
    expect(await verifyLedgerRollups(other)).toMatchObject({ cellDifferences: [], figureDifferences: [] });
    const audit = (await other.query<{ action: string; entity: string; n: number }>(`SELECT action, entity, count(*)::int AS n FROM audit_log WHERE id > $1 GROUP BY 1, 2`, [sourceAudit])).rows;
    expect(audit).toEqual([{ action: 'restore', entity: 'database', n: 1 }]);
    // the identities go on after the restored rows
    const next = (await other.query<{ id: number }>(`INSERT INTO units (code, kind, name_en, name_zh) VALUES ('AFTER-RESTORE', 'school', 'After', '之后') RETURNING id`)).rows[0]!.id;
    expect(next).toBeGreaterThan(Math.max(...(await source.query<{ id: number }>('SELECT id FROM units')).rows.map((r) => r.id)));
    await other.query(`DELETE FROM units WHERE code = 'AFTER-RESTORE'`);

    const second = await writeBackup(other, join(dir, 'second.ndjson.gz'));
    const back = await emptyDatabase(testEngine());
    await restoreBackup(back, second.file);
    expect(await fingerprint(back, sourceAudit)).toEqual(before);
    expect(await figures(back)).toEqual(sourceFigures);
    expect(await importAudit(back)).toEqual(sourceImportAudit);
    // the audit of both restores, not the backups' own export rows (written after their snapshots)
    const actions = async (db: Db) => (await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE id > $1 ORDER BY id`, [sourceAudit])).rows.map((r) => r.action);
    expect(await actions(other)).toEqual(['restore', 'export']);
    expect(await actions(back)).toEqual(['restore', 'restore']);
    expect(await actions(source)).toEqual(['export']);
  }, 600_000);

  it('refuses a database that holds records, a cut or damaged file, and a later release’s backup, changing nothing', async () => {
    const file = join(dir, 'refusals.ndjson.gz');
    await writeBackup(source, file);
    const target = await emptyDatabase(testEngine());
    await migrate(target);
    const empty = await fingerprint(target);

    const bytes = readFileSync(file);
    const cut = join(dir, 'cut.ndjson.gz');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    await expect(restoreBackup(target, cut)).rejects.toThrow(/cut short/);

    const lines = gunzipSync(bytes).toString('utf8').split('\n');
    const withoutEnd = join(dir, 'without-end.ndjson.gz');
    writeFileSync(withoutEnd, gzipSync(lines.filter((l) => !l.startsWith('["end"')).join('\n')));
    await expect(restoreBackup(target, withoutEnd)).rejects.toThrow(/no end line/);

    // a row lost that nothing points to is found by the count; one that others point to, by the foreign key
    const rowLost = join(dir, 'row-lost.ndjson.gz');
    const firstAudit = lines.findIndex((l) => l.startsWith('["table","audit_log"')) + 1;
    writeFileSync(rowLost, gzipSync(lines.filter((_, i) => i !== firstAudit).join('\n')));
    await expect(restoreBackup(target, rowLost)).rejects.toThrow(/audit_log has \d+ rows, but holds/);
    const personLost = join(dir, 'person-lost.ndjson.gz');
    const firstPerson = lines.findIndex((l) => l.startsWith('["table","people"')) + 1;
    writeFileSync(personLost, gzipSync(lines.filter((_, i) => i !== firstPerson).join('\n')));
    await expect(restoreBackup(target, personLost)).rejects.toThrow(/does not load into this database \(insert or update on table "\w+" violates foreign key/);

    const later = join(dir, 'later.ndjson.gz');
    const header = JSON.parse(lines[0]!);
    header[2].migrations.push({ name: '9999_from_the_future.sql', checksum: null });
    writeFileSync(later, gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    await expect(restoreBackup(target, later)).rejects.toThrow(/9999_from_the_future\.sql/);

    const notOurs = join(dir, 'not-ours.gz');
    writeFileSync(notOurs, gzipSync('{"hello":"world"}\n'));
    await expect(restoreBackup(target, notOurs)).rejects.toBeInstanceOf(BackupError);

    expect(await fingerprint(target)).toEqual(empty);

    // a database with records is refused unless told to replace them
    await expect(restoreBackup(source, file)).rejects.toThrow(/already holds records \(users: \d+ rows\)/);
  }, 600_000);
});
