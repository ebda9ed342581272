import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';
import { client, emailOf, signInAs, startTestServer, type Client, type TestServer } from '../test/harness.ts';
import { personBody } from '../test/factories.ts';
import { ensureQueues, startWorker, type Worker } from '../jobs/queue.ts';
import type { JobType } from '../jobs/job-type.ts';
import type { JobsPage } from '../../shared/contracts/jobs.ts';
import type { ExportView } from '../../shared/contracts/exports.ts';
import { EXPORTABLES } from '../../shared/contracts/exports.ts';
import { EXPIRE_PREPARED_FILES_JOB, EXPORT_FILE_JOB } from './export-file.job.ts';
import { exportableRoutes } from './exportables.ts';

// Issue 12: list exports and report PDFs prepared by a background job. The job runs the
// synchronous route's own work as the asking user, rebuilt from the database: the same file.

let t: TestServer;
let worker: Worker | null = null;
const config = { ...readConfig({}), webDir: '/nonexistent' };
// Retried at once in tests, so that a failing export's job is failed within the test's time.
const FAST_EXPORT = { ...EXPORT_FILE_JOB, retryDelaySeconds: 0, retryBackoff: false } as JobType<never>;
const HOLDER_A = 'Exportholder-Alpha';
const HOLDER_B = 'Exportholder-Beta';

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`not done after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function ask(c: Client, body: { what: string; format: string; query?: Record<string, string> }): Promise<ExportView> {
  const response = await c.post('/api/exports', body);
  expect(response.statusCode, response.body).toBe(202);
  return response.json<ExportView>();
}

/** The export once its job has finished with it (done, or failed for good). */
async function finished(c: Client, id: number): Promise<ExportView> {
  return until(
    async () => (await c.get(`/api/exports/${id}`)).json<ExportView>(),
    (v) => v.status === 'done' || v.status === 'failed',
  );
}

async function fileOf(c: Client, id: number) {
  const response = await c.get(`/api/exports/${id}/file`);
  expect(response.statusCode, response.body).toBe(200);
  return response;
}

async function startExportWorker(): Promise<void> {
  worker = await startWorker({ db: t.db, mailer: null, publicUrl: null, config, cipher: t.cipher }, { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, types: [FAST_EXPORT, EXPIRE_PREPARED_FILES_JOB as JobType<never>], onError: () => undefined });
}

beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  for (const [familyName, unitId] of [[HOLDER_A, t.units.a1], [HOLDER_B, t.units.b]] as const) {
    const person = await officer.post('/api/people', personBody({ familyName, nationality: 'CN', unitId }));
    expect(person.statusCode, person.body).toBe(201);
    const honour = await officer.post('/api/honours', { personId: person.json().id, kind: 'prize', nameEn: `${familyName} Prize`, awardingBody: 'A foundation', countryCode: 'FR', conferredOn: '2012-05-01' });
    expect(honour.statusCode, honour.body).toBe(201);
  }
});
afterAll(async () => {
  await worker?.stop({ graceful: false });
  await t?.close();
});

describe('every exportable thing', () => {
  it('is a GET route that declares a policy and a query contract', () => {
    const routes = exportableRoutes();
    expect([...routes.keys()].sort()).toEqual(Object.keys(EXPORTABLES).sort());
    for (const [name, { route }] of routes) {
      expect(route.method, name).toBe('GET');
      expect(typeof route.options.policy, name).toBe('object');
      expect(route.options.query, name).toBeDefined();
    }
  });
});

describe('a prepared export asked for with no worker running', () => {
  it('waits in the database, and is made by a worker started after the app that queued it was closed', async () => {
    // A job takes its retry settings from its queue when queued: the tests' quick retries first.
    await ensureQueues(t.db, [FAST_EXPORT]);
    // The first app instance takes the asks, and is closed before any worker runs.
    const first = await buildApp({ db: t.db, config, cipher: t.cipher });
    await first.ready();
    const officerSession = await signInAs(first, emailOf('officer'));
    const coordinatorSession = await signInAs(first, emailOf('coordinatorB'));
    const officerThere = client(first, officerSession.cookie, officerSession.csrf);
    const made = await ask(officerThere, { what: 'honours', format: 'csv', query: { kind: 'prize' } });
    const refused = await ask(client(first, coordinatorSession.cookie, coordinatorSession.csrf), { what: 'honours', format: 'csv' });
    expect(made.status).toBe('waiting');
    // Disabled after asking: the job, rebuilding the user from the database, refuses to make it.
    await t.db.query('UPDATE users SET disabled = true WHERE id = $1', [t.userIds.coordinatorB]);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await officerThere.get(`/api/exports/${made.id}`)).json<ExportView>().status).toBe('waiting');
    await first.close();

    // Another instance (the harness's app) and a worker: the queued jobs are rows, not memory.
    await startExportWorker();
    const officer = await t.as('officer');
    const done = await finished(officer, made.id);
    expect(done).toMatchObject({ status: 'done', error: null, contentType: 'text/csv; charset=utf-8' });
    const file = await fileOf(officer, made.id);
    const synchronous = await officer.get('/api/honours?format=csv&kind=prize');
    expect(synchronous.statusCode).toBe(200);
    expect(file.rawPayload.equals(synchronous.rawPayload)).toBe(true);
    expect(file.body).toContain(HOLDER_A);
    expect(done.sizeBytes).toBe(synchronous.rawPayload.length);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent(done.fileName!));

    // The disabled user's export failed with its reason, for its owner; pg-boss's job failed too after its tries.
    // The worker may take the two jobs in either order, so the refused one may still be running here.
    const failed = await until(
      async () => (await t.db.query<{ status: string; error: string | null }>('SELECT status, error FROM prepared_files WHERE id = $1', [refused.id])).rows[0]!,
      (row) => row.status !== 'waiting' && row.status !== 'running',
    );
    expect(failed).toEqual({ status: 'failed', error: 'account_disabled' });
    const admin = await t.as('admin');
    const jobs = await until(
      async () => (await admin.get('/api/admin/jobs?state=failed')).json<JobsPage>(),
      (page) => page.items.some((job) => job.type === 'export-file'),
    );
    expect(jobs.items.find((job) => job.type === 'export-file')?.error).toContain('account_disabled');
    const all = (await admin.get('/api/admin/jobs')).json<JobsPage>();
    expect(all.items.filter((job) => job.type === 'export-file').map((job) => job.state)).toContain('done');
    // Its removal is queued a week on.
    expect(all.items.some((job) => job.type === 'expire-prepared-files' && job.state === 'waiting' && Date.parse(job.startAfter) > Date.now() + 6 * 86_400_000)).toBe(true);
    await t.db.query('UPDATE users SET disabled = false WHERE id = $1', [t.userIds.coordinatorB]);
  });
});

describe('prepared exports with a worker running', () => {
  beforeAll(async () => {
    if (!worker) await startExportWorker();
  });

  it("gives a coordinator their unit's records only, as their synchronous export does", async () => {
    const coordinator = await t.as('coordinatorA');
    const view = await ask(coordinator, { what: 'honours', format: 'csv' });
    expect((await finished(coordinator, view.id)).status).toBe('done');
    const file = await fileOf(coordinator, view.id);
    expect(file.body).toContain(HOLDER_A);
    expect(file.body).not.toContain(HOLDER_B);
    expect(file.rawPayload.equals((await coordinator.get('/api/honours?format=csv')).rawPayload)).toBe(true);
    // The officer's holds both: the reach is the user's.
    const officer = await t.as('officer');
    const all = await ask(officer, { what: 'honours', format: 'csv' });
    await finished(officer, all.id);
    const officerFile = (await fileOf(officer, all.id)).body;
    expect(officerFile).toContain(HOLDER_A);
    expect(officerFile).toContain(HOLDER_B);
  });

  it('makes an Excel file with the same cells as the synchronous one', async () => {
    const officer = await t.as('officer');
    const view = await ask(officer, { what: 'honours', format: 'xlsx' });
    expect((await finished(officer, view.id)).status).toBe('done');
    const cells = async (bytes: Buffer) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
      const rows: unknown[] = [];
      book.worksheets[0]!.eachRow((row) => rows.push(row.values));
      return rows;
    };
    const made = await cells((await fileOf(officer, view.id)).rawPayload);
    expect(made.length).toBeGreaterThan(2);
    expect(made).toEqual(await cells((await officer.get('/api/honours?format=xlsx')).rawPayload));
  });

  it("makes a report's PDF that reads as the synchronous one, in the language asked", async () => {
    const officer = await t.as('officer');
    const view = await ask(officer, { what: 'factsheet', format: 'pdf', query: { lang: 'zh' } });
    const done = await finished(officer, view.id);
    expect(done).toMatchObject({ status: 'done', contentType: 'application/pdf' });
    const file = await fileOf(officer, view.id);
    const synchronous = await officer.get('/api/reports/factsheet?format=pdf&lang=zh');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(done.fileName).toBe(/filename="([^"]+)"/.exec(String(synchronous.headers['content-disposition']))?.[1]);
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    const textOf = (name: string, bytes: Buffer) => {
      writeFileSync(join(dir, name), bytes);
      return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, name), '-'], { encoding: 'utf8' });
    };
    const text = textOf('job.pdf', file.rawPayload);
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).toBe(textOf('route.pdf', synchronous.rawPayload));
  });

  it("is its owner's alone: another user gets 404 on it, its file and their list", async () => {
    const officer = await t.as('officer');
    const view = await ask(officer, { what: 'honours', format: 'csv' });
    await finished(officer, view.id);
    for (const role of ['leader', 'coordinatorA', 'admin'] as const) {
      const other = await t.as(role);
      expect((await other.get(`/api/exports/${view.id}`)).statusCode, role).toBe(404);
      expect((await other.get(`/api/exports/${view.id}/file`)).statusCode, role).toBe(404);
      expect((await other.get('/api/exports')).json<{ items: ExportView[] }>().items.map((e) => e.id), role).not.toContain(view.id);
    }
    expect((await officer.get('/api/exports')).json<{ items: ExportView[] }>().items.map((e) => e.id)).toContain(view.id);
    expect((await t.anonymous.get(`/api/exports/${view.id}/file`)).statusCode).toBe(401);
  });

  it('is audited as an export, by its owner, with their unit and what was asked', async () => {
    const coordinator = await t.as('coordinatorA');
    const view = await ask(coordinator, { what: 'honours', format: 'csv', query: { kind: 'prize' } });
    const { rows } = await t.db.query<{ action: string; actor_id: number; unit_id: number; after: unknown }>(
      `SELECT action, actor_id::int, unit_id::int, after FROM audit_log WHERE entity = 'prepared_file' AND entity_id = $1`,
      [String(view.id)],
    );
    expect(rows).toEqual([{ action: 'export', actor_id: t.userIds.coordinatorA, unit_id: t.units.a, after: { what: 'honours', format: 'csv', query: { kind: 'prize' }, background: true } }]);
  });

  it('refuses at once, naming the field, what the synchronous route would refuse, and queues nothing', async () => {
    const officer = await t.as('officer');
    const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM prepared_files')).rows[0]!.n;
    const before = await count();
    const cases = [
      [{ what: 'no-such-list', format: 'csv' }, 'what'],
      [{ what: 'honours', format: 'pdf' }, 'format'],
      [{ what: 'honours', format: 'csv', query: { kind: 'knighthood' } }, 'query.kind'],
      [{ what: 'honours', format: 'csv', query: { format: 'json' } }, 'query.format'],
    ] as const;
    for (const [body, field] of cases) {
      const response = await officer.post('/api/exports', body, { 'accept-language': 'fr' });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.fields.map((f: { field: string }) => f.field), JSON.stringify(body)).toContain(field);
    }
    expect(await count()).toBe(before);
  });

  it('removes expired files with its job', async () => {
    const officer = await t.as('officer');
    const view = await ask(officer, { what: 'honours', format: 'csv' });
    await finished(officer, view.id);
    await t.db.query(`UPDATE prepared_files SET expires_at = now() - interval '1 minute' WHERE id = $1`, [view.id]);
    expect((await officer.get(`/api/exports/${view.id}/file`)).statusCode).toBe(404);
    await EXPIRE_PREPARED_FILES_JOB.run({ db: t.db, mailer: null, publicUrl: null }, { id: 'test', data: { preparedFileId: view.id }, retryCount: 0, retryLimit: 0 });
    expect((await t.db.query('SELECT 1 FROM prepared_files WHERE id = $1', [view.id])).rows).toHaveLength(0);
  });
});
