import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test/harness.ts';
import { appointmentBody, personBody } from '../server/test/factories.ts';
import { testEngine } from '../server/test/test-database.ts';
import { expertsReport, parseExpertsOptions } from './report-experts-command.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  for (const [nationality, title] of [['FR', 'honorary_professor'], ['FR', 'consultant'], ['TW', 'visiting_professor']] as const) {
    const person = (await officer.post('/api/people', personBody({ nationality, unitId: t.units.a }))).json().id;
    const row = (await officer.post('/api/appointments', appointmentBody(person, t.units.a, { title, startDate: '2024-01-01', endDate: '2025-12-31' }))).json();
    await officer.post(`/api/appointments/${row.id}/transitions`, { to: 'appointed', version: row.version });
  }
});
afterAll(async () => t?.close());

describe('interchange report experts', () => {
  it('prints the figure of the API, as JSON or as a sentence in the reader\u2019s language', async () => {
    const api = (await (await t.as('officer')).get('/api/experts/engaged?asOf=2025-06-01')).json();
    const json = JSON.parse(await expertsReport(t.db, { asOf: '2025-06-01', format: 'json', lang: 'en' }));
    expect(json).toEqual(api);
    expect(json).toMatchObject({ engaged: 3, countriesAndRegions: 2, countries: 1, engagedSince: 3 });
    expect(json.byTitle.filter((b: { experts: number }) => b.experts)).toEqual([
      { title: 'honorary_professor', experts: 1 },
      { title: 'consultant', experts: 1 },
      { title: 'visiting_professor', experts: 1 },
    ]);
    expect(await expertsReport(t.db, { asOf: '2025-06-01', format: 'text', lang: 'zh' })).toBe(
      '截至 2025-06-01，聘任外国专家学者 3 人（名誉教授 1、顾问 1、客座教授 1），来自 2 个国家和地区；累计聘任 3 人。',
    );
    expect(JSON.parse(await expertsReport(t.db, { asOf: '2026-01-01', format: 'json', lang: 'en' }))).toMatchObject({ engaged: 0, engagedSince: 3 });
  });

  it('names a bad option', () => {
    expect(parseExpertsOptions({ asOf: '2025-02-30', format: 'json', lang: 'en' })).toEqual({ problem: '--as-of: "2025-02-30" is not a date (YYYY-MM-DD)' });
    expect(parseExpertsOptions({ format: 'xml', lang: 'en' })).toEqual({ problem: '--format: "xml" is not one of json, text' });
    expect(parseExpertsOptions({ format: 'text', lang: 'de' })).toEqual({ problem: '--lang: "de" is not one of en, zh, fr' });
  });

  it('runs as a command on a database of its own: every title, zero experts on an empty one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'interchange-experts-'));
    const env: NodeJS.ProcessEnv = { ...process.env, INTERCHANGE_DATA_DIR: dataDir, DATABASE_URL: '', INTERCHANGE_SECRET: 'cli-test-secret', INTERCHANGE_DEMO: '0' };
    let drop = async () => undefined as void;
    if (testEngine() === 'postgresql') {
      const url = new URL(process.env.TEST_DATABASE_URL!);
      const name = `interchange_experts_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const own = new URL(url);
      own.pathname = `/${name}`;
      env.DATABASE_URL = own.toString();
      drop = async () => {
        const c = new pg.Client({ connectionString: url.toString() });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      };
    }
    try {
      const run = spawnSync(process.execPath, ['bin/interchange.js', 'report', 'experts', '--format', 'json', '--as-of', '2025-06-01'], { env, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      const figures = JSON.parse(run.stdout);
      expect(figures).toMatchObject({ asOf: '2025-06-01', engaged: 0, engagedSince: 0, byCountry: [] });
      expect(figures.byTitle.map((b: { title: string }) => b.title)).toEqual(['honorary_professor', 'consultant', 'visiting_professor', 'adjunct_professor', 'guest_lecturer']);
      const bad = spawnSync(process.execPath, ['bin/interchange.js', 'report', 'experts', '--as-of', 'yesterday'], { env, encoding: 'utf8' });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('--as-of');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await drop();
    }
  });
});
