import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServeProcess } from '../server/test/serve-process.ts';
import { testEngine } from '../server/test/test-database.ts';

const BIN = 'bin/interchange.js';
let dataDir = '';
let env: NodeJS.ProcessEnv = {};
let dropDatabase: (() => Promise<void>) | null = null;

/** On PostgreSQL, a new empty database for an installation: its DATABASE_URL and how to drop it ('' on the embedded engine, whose database is the data folder's). */
async function newDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (testEngine() !== 'postgresql') return { url: '', drop: async () => undefined };
  const url = process.env.TEST_DATABASE_URL!;
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'interchange-cli-'));
  const database = await newDatabase('interchange_cli');
  env = { ...process.env, INTERCHANGE_DATA_DIR: dataDir, DATABASE_URL: database.url, INTERCHANGE_SECRET: 'cli-test-secret' };
  dropDatabase = database.drop;
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await dropDatabase?.();
});

const startServer = () => startServeProcess(env);

async function signIn(base: string, email: string, password: string): Promise<{ cookie: string; csrf: string; status: number }> {
  const response = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken?: string };
  return { cookie, csrf: body.csrfToken ?? '', status: response.status };
}

describe('the interchange command', () => {
  it('has --help on every command', () => {
    const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    for (const command of ['serve', 'migrate', 'demo', 'user']) expect(help.stdout).toContain(command);
    const userAdd = spawnSync(process.execPath, [BIN, 'user', 'add', '--help'], { encoding: 'utf8' });
    expect(userAdd.stdout).toContain('--password-stdin');
  });

  it('first start loads the demo and prints the accounts; a second start keeps what users changed', async () => {
    const first = await startServer();
    expect(first.output()).toMatch(/officer\s+officer@demo\.interchange\s+demo-officer-password/);
    // A line a second while the demo loads (not a terminal: a line each), then the time it took.
    expect(first.output()).toMatch(/^Loading the demo \(\d\/9: [^)]+\), \d+ s$/m);
    expect(first.output()).toMatch(/^Demo loaded in \d+\.\d s\.$/m);
    const health = await (await fetch(`${first.base}/api/health`)).json();
    expect(health.engine).toBe(testEngine());
    const session = await signIn(first.base, 'officer@demo.interchange', 'demo-officer-password');
    expect(session.status).toBe(200);
    const created = await fetch(`${first.base}/api/institutions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify({ kind: 'university', nameEn: 'Université Jean Moulin Lyon 3', nameZh: '里昂第三大学', countryCode: 'FR' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect(await first.stop()).toBe(0);

    const second = await startServer();
    expect(second.output()).not.toContain('Demo data loaded');
    expect(second.output()).not.toContain('Loading the demo');
    const again = await signIn(second.base, 'officer@demo.interchange', 'demo-officer-password');
    const record = await fetch(`${second.base}/api/institutions/${id}`, { headers: { cookie: again.cookie } });
    expect(await record.json()).toMatchObject({ nameZh: '里昂第三大学' });
    if (testEngine() === 'embedded') {
      // A second process must not open the same embedded database while the server holds it.
      const clash = spawnSync(process.execPath, [BIN, 'migrate'], { env, encoding: 'utf8' });
      expect(clash.status).not.toBe(0);
      expect(clash.stderr).toContain('in use by process');
    }
    await second.stop();
  }, 300_000); // two real starts, the first loading the whole demo (about 45 s on the embedded engine)

  it('report partners prints the demo\u2019s partner figures from its records, as JSON or a sentence in each language', () => {
    const json = spawnSync(process.execPath, [BIN, 'report', 'partners', '--format', 'json'], { env, encoding: 'utf8' });
    expect(json.status, json.stderr).toBe(0);
    const figures = JSON.parse(json.stdout) as { universities: number; countriesAndRegions: number; organizations: Array<{ nameEn: string }> };
    expect(figures).toMatchObject({ universities: 63, countriesAndRegions: 19 });
    expect(figures.organizations).toHaveLength(3);
    const zh = spawnSync(process.execPath, [BIN, 'report', 'partners', '--format', 'text', '--lang', 'zh'], { env, encoding: 'utf8' });
    expect(zh.stdout).toContain('与 19 个国家和地区的 63 所大学');
    const bad = spawnSync(process.execPath, [BIN, 'report', 'partners', '--as-of', '2026-02-30'], { env, encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--as-of');
  });

  it('report factsheet prints every figure of the seed from the demo\u2019s records, none of them null', () => {
    const run = spawnSync(process.execPath, [BIN, 'report', 'factsheet', '--format', 'json'], { env, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const f = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(f['partners.universities']).toBe(63);
    expect(f['partners.countriesAndRegions']).toBe(19);
    expect(f['conferences.hosted']).toBe(270);
    // "about 200" experts and "about 50,000 (time/person)" since 1980, as the seed rounds them.
    expect(Math.round((f['experts.engaged'] as number) / 100) * 100).toBe(200);
    expect(Math.round((f['inbound.personTimesSince1980'] as number) / 10000) * 10000).toBe(50000);
    // "about 17,000 (time/person)" staff sent abroad since 1954.
    expect(Math.round((f['outbound.personTimesSince1954'] as number) / 1000) * 1000).toBe(17000);
    expect(f['inbound.notableVisitors']).toEqual(expect.arrayContaining([expect.stringContaining('Chirac'), expect.stringContaining('Clinton')]));
    expect(f['honours']).toEqual(expect.arrayContaining([expect.stringMatching(/^Legion of Honour .*: Kuang An-kun, Wang Zhen-yi, Wang Yi-fei, Li Hong-wei, Chen Zhu$/)]));
    expect(f['honours.holders']).toBeGreaterThanOrEqual(24);
    // 489 foreign students from 69 countries (426, 52, 11); 186 placed in French hospitals = 65%;
    // about 200 students a year to 31 universities in 13 countries.
    expect(f['students.foreignSince1980']).toBe(489);
    expect(f['students.foreignCountries']).toBe(69);
    expect(f['students.byLevel']).toEqual({ bachelor: 426, master: 52, doctorate: 11 });
    expect(f['programme.residencyPlaced']).toBe(186);
    expect(Math.round((f['programme.residencyShare'] as number) * 100)).toBe(65);
    expect(Math.round((f['exchange.studentsPerYear'] as number) / 100) * 100).toBe(200);
    expect(f['exchange.universities']).toBe(31);
    expect(f['exchange.countries']).toBe(13);
    expect(Object.entries(f).filter(([, value]) => value === null)).toEqual([]);
    const en = spawnSync(process.execPath, [BIN, 'report', 'factsheet', '--format', 'md', '--lang', 'en'], { env, encoding: 'utf8' });
    // Every figure is a link to its records: read the text without the links.
    const text = en.stdout.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');
    expect(text).toContain('63 universities from 19 countries and regions');
    expect(text).toContain('about 50,000');
    expect(text).toContain('Since 1954, the school has sent about 17,000 (person-times) experts and professionals abroad');
    expect(text).toContain('Dozens of professors and experts');
    for (const words of ['489 foreign students from 69 countries', '186 students', '65%', 'about 200 students', '31 universities or colleges', '13 countries']) expect(text).toContain(words);
  }, 120_000);

  it('user add prints a generated password, or takes one on standard input, and names a bad field', async () => {
    const generated = spawnSync(process.execPath, [BIN, 'user', 'add', '--email', 'chief@school.edu', '--role', 'officer'], { env, encoding: 'utf8' });
    expect(generated.status).toBe(0);
    const password = /Password: (\S+)/.exec(generated.stdout)?.[1];
    expect(password).toMatch(/^.{20}$/);
    const piped = spawnSync(process.execPath, [BIN, 'user', 'add', '--email', 'coord@school.edu', '--role', 'coordinator', '--unit', 'RUIJIN', '--password-stdin'], {
      env,
      encoding: 'utf8',
      input: 'a passphrase from a pipe\n',
    });
    expect(piped.status).toBe(0);
    expect(piped.stdout).not.toContain('Password:');
    const bad = spawnSync(process.execPath, [BIN, 'user', 'add', '--email', 'x@school.edu', '--role', 'emperor'], { env, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--role');

    const server = await startServer();
    expect((await signIn(server.base, 'chief@school.edu', password!)).status).toBe(200);
    expect((await signIn(server.base, 'coord@school.edu', 'a passphrase from a pipe')).status).toBe(200);
    await server.stop();
  });

  it('doctor reads the demo database without changing it: the key opens its data, its demo accounts are fine on loopback and a failure on the network', async () => {
    // The demo stores no passport: one is entered, so that there is personal data for the key to open.
    const server = await startServer();
    const admin = await signIn(server.base, 'admin@demo.interchange', 'demo-admin-password');
    const person = await fetch(`${server.base}/api/people`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      body: JSON.stringify({ familyName: 'Durand', givenName: 'Anne', nationality: 'FR', passportNumber: '19FR12345' }),
    });
    expect(person.status).toBe(201);
    await server.stop();

    const doctor = (extra: NodeJS.ProcessEnv) => {
      const run = spawnSync(process.execPath, [BIN, 'doctor', '--format', 'json'], { env: { ...env, ...extra }, encoding: 'utf8' });
      const findings = new Map((JSON.parse(run.stdout) as { findings: Array<{ check: string; status: string; message: string }> }).findings.map((f) => [f.check, f]));
      return { status: run.status, findings };
    };
    const trial = doctor({});
    expect(trial.findings.get('migrations')?.status).toBe('ok');
    expect(trial.findings.get('key opens data')?.status).toBe('ok');
    expect(trial.findings.get('demo accounts')?.status).toBe('info');
    // 'cli-test-secret' is shorter than a key should be: a warning, not a failure.
    expect(trial.findings.get('key')?.status).toBe('warn');
    expect(trial.status).toBe(0);

    const exposed = doctor({ HOST: '0.0.0.0', INTERCHANGE_DEMO: '0' });
    expect(exposed.findings.get('demo accounts')?.status).toBe('fail');
    expect(exposed.findings.get('demo accounts')?.message).toContain('0.0.0.0');
    expect(exposed.status).toBe(1);

    const wrongKey = doctor({ INTERCHANGE_SECRET: 'not-the-key-the-data-was-written-with' });
    expect(wrongKey.findings.get('key opens data')?.status).toBe('fail');
    expect(wrongKey.status).toBe(1);

    const badPort = doctor({ PORT: '80a' });
    expect(badPort.findings.get('configuration')).toMatchObject({ status: 'fail', message: expect.stringContaining('PORT="80a"') });
    expect(badPort.status).toBe(1);
  }, 180_000); // a real start and four runs of doctor, each opening the database

  it('backup writes every record to a file only its owner reads and doctor sees its age; restore into an empty database gives the same fact sheet, and is refused over records', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'interchange-cli-backup-'));
    const file = join(folder, 'office.ndjson.gz');
    const backup = spawnSync(process.execPath, [BIN, 'backup', '--out', file], { env, encoding: 'utf8' });
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`Backup written: ${file}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const doctor = spawnSync(process.execPath, [BIN, 'doctor', '--format', 'json'], { env, encoding: 'utf8' });
    const backups = (JSON.parse(doctor.stdout) as { findings: Array<{ check: string; status: string; message: string }> }).findings.find((f) => f.check === 'backups');
    expect(backups).toMatchObject({ status: 'ok', message: expect.stringContaining('today') });

    // a new installation: its own data folder, and on PostgreSQL its own database
    const database = await newDatabase('interchange_cli_restore');
    const target: NodeJS.ProcessEnv = { ...env, INTERCHANGE_DATA_DIR: join(folder, 'data'), DATABASE_URL: database.url };
    try {
      const restore = spawnSync(process.execPath, [BIN, 'restore', file], { env: target, encoding: 'utf8' });
      expect(restore.status, restore.stderr).toBe(0);
      expect(restore.stdout).toMatch(/^Restored \d+ rows in \d+ tables from the backup of /);
      const factsheet = (e: NodeJS.ProcessEnv) => JSON.parse(spawnSync(process.execPath, [BIN, 'report', 'factsheet', '--format', 'json'], { env: e, encoding: 'utf8' }).stdout) as Record<string, unknown>;
      const restored = factsheet(target);
      expect(restored['partners.universities']).toBe(63);
      expect(restored).toEqual(factsheet(env));

      const again = spawnSync(process.execPath, [BIN, 'restore', file], { env: target, encoding: 'utf8' });
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('restore refused, nothing changed: this database already holds records');
    } finally {
      await database.drop();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 300_000); // two databases opened, one made from nothing
});
