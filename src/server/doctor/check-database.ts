import type { Config } from '../config.ts';
import type { Queryable } from '../db/client.ts';
import { migrationStatus } from '../db/migrate.ts';
import { isLoopback } from '../demo-guard.ts';
import type { Cipher } from '../security/personal-data.ts';
import { OFFICE_TIME_ZONE, officeToday } from '../../shared/calendar.ts';
import { finding, type Finding } from './findings.ts';

const REQUIRED_EXTENSIONS = ['pg_trgm', 'citext'];
const MIN_SERVER_VERSION = 150000;
const CLOCK_SKEW_SECONDS = 5;

async function setting(db: Queryable, name: string): Promise<string> {
  return (await db.query<{ value: string }>('SELECT current_setting($1) AS value', [name])).rows[0]!.value;
}

/** The server's version and the extensions the migrations create. */
async function checkServer(db: Queryable): Promise<Finding[]> {
  const version = Number(await setting(db, 'server_version_num'));
  const { rows } = await db.query<{ name: string; installed: string | null }>(
    'SELECT name, installed_version AS installed FROM pg_available_extensions WHERE name = ANY($1::text[])',
    [REQUIRED_EXTENSIONS],
  );
  const missing = REQUIRED_EXTENSIONS.filter((e) => !rows.some((r) => r.name === e));
  return [
    version >= MIN_SERVER_VERSION
      ? finding('database server', 'ok', `PostgreSQL ${await setting(db, 'server_version')}`)
      : finding('database server', 'fail', `PostgreSQL ${await setting(db, 'server_version')}: Interchange needs 15 or later`),
    missing.length
      ? finding('extensions', 'fail', `not available on the database server: ${missing.join(', ')} (Debian: the postgresql-contrib package)`)
      : finding('extensions', 'ok', REQUIRED_EXTENSIONS.map((e) => `${e} ${rows.find((r) => r.name === e)?.installed ? 'installed' : 'available'}`).join(', ')),
  ];
}

/** Whether every migration file is applied, unchanged. */
async function checkMigrations(db: Queryable): Promise<Finding> {
  const name = 'migrations';
  const exists = (await db.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`)).rows[0]?.t;
  if (!exists) return finding(name, 'info', 'the database is empty: the first start (or `interchange migrate`) creates the schema');
  const status = await migrationStatus(db);
  if (status.changed.length) return finding(name, 'fail', `applied migrations whose file has changed since: ${status.changed.join(', ')} — the code does not match this database`);
  if (status.unknown.length) return finding(name, 'fail', `the database has migrations this version does not know (${status.unknown.join(', ')}): it belongs to a newer Interchange`);
  if (status.pending.length) return finding(name, 'warn', `${status.pending.length} migration(s) to apply (${status.pending.join(', ')}): the next start or \`interchange migrate\` applies them`);
  return finding(name, 'ok', `${status.applied} applied, none pending, none changed`);
}

/** A commit acknowledged must survive a crash: fsync, synchronous commits and full page writes on. */
export async function checkDurability(db: Queryable): Promise<Finding> {
  const off = [];
  for (const name of ['fsync', 'synchronous_commit', 'full_page_writes']) if ((await setting(db, name)) === 'off') off.push(name);
  return off.length
    ? finding('durable commits', 'fail', `${off.join(', ')} off: a power cut can lose acknowledged writes or corrupt the database; turn ${off.length > 1 ? 'them' : 'it'} on in postgresql.conf`)
    : finding('durable commits', 'ok', 'fsync, synchronous_commit and full_page_writes on');
}

/** The office's calendar day is Shanghai's, whatever the machine's zone; the clocks of both sides must agree. */
export async function checkTime(db: Queryable): Promise<Finding> {
  const name = 'time';
  try {
    officeToday(new Date(), OFFICE_TIME_ZONE);
  } catch {
    return finding(name, 'fail', `this Node.js has no time zone data for ${OFFICE_TIME_ZONE}: install a Node.js built with full ICU`);
  }
  const { rows } = await db.query<{ epoch: number; zone: string }>(`SELECT extract(epoch FROM clock_timestamp())::float8 AS epoch, current_setting('TimeZone') AS zone`);
  const skew = Math.abs(rows[0]!.epoch - Date.now() / 1000);
  if (skew > CLOCK_SKEW_SECONDS)
    return finding(name, 'fail', `the database's clock and this machine's differ by ${skew.toFixed(1)} s: dated steps, sign-in locks and "today" would disagree; run NTP on both`);
  return finding(name, 'ok', `office day ${officeToday()} (${OFFICE_TIME_ZONE}); clocks agree within ${skew.toFixed(1)} s; database TimeZone ${rows[0]!.zone}`);
}

/** Whether the key in use opens the personal data stored: a wrong key means unreadable passports. */
async function checkKeyOpensData(db: Queryable, cipher: Cipher): Promise<Finding> {
  const name = 'key opens data';
  const { rows } = await db.query<{ sample: string }>(
    `SELECT sample FROM (SELECT passport_enc AS sample FROM people WHERE passport_enc IS NOT NULL LIMIT 1) p
     UNION ALL SELECT birth_date_enc FROM (SELECT birth_date_enc FROM people WHERE birth_date_enc IS NOT NULL LIMIT 1) b LIMIT 1`,
  );
  if (!rows[0]) return finding(name, 'ok', 'no personal data stored yet');
  try {
    cipher.decrypt(rows[0].sample);
    return finding(name, 'ok', 'the key opens the personal data stored');
  } catch {
    return finding(name, 'fail', 'the key does not open the personal data stored: this is not the key it was written with (passports and birth dates would be unreadable)');
  }
}

/** Demo accounts (well-known passwords) left enabled in a database a network can reach. */
async function checkDemoAccounts(db: Queryable, config: Config): Promise<Finding> {
  const name = 'demo accounts';
  const n = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE email LIKE '%@demo.interchange' AND NOT disabled`)).rows[0]!.n;
  if (!n) return finding(name, 'ok', 'none enabled');
  if (!isLoopback(config.host)) return finding(name, 'fail', `${n} demo account(s) with well-known passwords are enabled and HOST=${config.host} reaches the network: disable them or start from an empty database`);
  return finding(name, config.demo ? 'info' : 'warn', `${n} demo account(s) with well-known passwords are enabled${config.demo ? ' (a trial on this machine)' : ': disable them before opening the server to others'}`);
}

/**
 * The age of the last `interchange backup` (each one is audited); a deployment that backs up
 * otherwise (pg_dump, file-system snapshots) is told to check those itself.
 */
async function checkLastBackup(db: Queryable, config: Config): Promise<Finding> {
  const name = 'backups';
  const { rows } = await db.query<{ days: number | null; at: string | null }>(
    `SELECT floor(extract(epoch FROM now() - max(at)) / 86400)::int AS days, max(at)::text AS at FROM audit_log WHERE action = 'export' AND entity = 'database'`,
  );
  const { days, at } = rows[0]!;
  const otherwise = 'if you back up otherwise (pg_dump, file-system snapshots), check their age yourself';
  if (days === null) return finding(name, config.demo ? 'info' : 'warn', `no \`interchange backup\` has been taken of this database; ${otherwise}`);
  if (days > 7) return finding(name, 'warn', `the last \`interchange backup\` is ${days} days old (${at}); ${otherwise}`);
  return finding(name, 'ok', `the last \`interchange backup\` was taken ${days === 0 ? 'today' : `${days} day(s) ago`} (${at})`);
}

/**
 * Every database check, on an open connection. Reads only: doctor changes nothing. Checks that
 * need the schema are skipped, said so, while the database is empty.
 */
export async function checkDatabase(db: Queryable, config: Config, cipher: Cipher | null): Promise<Finding[]> {
  const findings = [...(await checkServer(db)), await checkDurability(db), await checkTime(db)];
  const migrations = await checkMigrations(db);
  findings.push(migrations);
  if (migrations.status === 'info') return findings;
  if (cipher) findings.push(await checkKeyOpensData(db, cipher));
  findings.push(await checkDemoAccounts(db, config));
  findings.push(await checkLastBackup(db, config));
  return findings;
}
