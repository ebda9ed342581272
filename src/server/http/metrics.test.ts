import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig, type Config } from '../config.ts';
import type { App } from './context.ts';
import { emailOf, startTestServer, type TestServer } from '../test/harness.ts';
import { ensureQueues } from '../jobs/queue.ts';
import { enqueueMessage } from '../mail/outbox.ts';
import { SEND_MAIL_JOB } from '../mail/send-mail.job.ts';
import { insertImport, recordOutcome } from '../modules/imports/imports.repo.ts';
import type { JobType } from '../jobs/job-type.ts';

const TOKEN = 'metrics-token-0123456789abcdef';
let t: TestServer;
let webDir = '';
const apps: App[] = [];

async function appWith(config: Partial<Config>): Promise<App> {
  const app = await buildApp({ db: t.db, config: { ...readConfig({}), webDir, ...config }, cipher: t.cipher });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  t = await startTestServer();
  // A built web app, so that the fallback that serves index.html for client routes is there too.
  webDir = mkdtempSync(join(tmpdir(), 'interchange-metrics-web-'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Interchange</title>');
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await t?.close();
  if (webDir) rmSync(webDir, { recursive: true, force: true });
});

describe('/metrics', () => {
  it('is off by default: 404, with or without a token, and not the web app', async () => {
    const app = await appWith({ metricsToken: null });
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }]) {
      const response = await app.inject({ method: 'GET', url: '/metrics', headers });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('<title>');
    }
  });

  it('refuses a missing, wrong or differently cased token with 401', async () => {
    const app = await appWith({ metricsToken: TOKEN });
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN.toUpperCase()}`, TOKEN, 'Bearer ']) {
      const response = await app.inject({ method: 'GET', url: '/metrics', headers: authorization === undefined ? {} : { authorization } });
      expect(response.statusCode, String(authorization)).toBe(401);
      expect(response.body).not.toContain('interchange_http_requests_total');
    }
  });

  it('gives request counts and latency by route template, the pool and sign-in failures, with no id, name or query string in a label', async () => {
    const app = await appWith({ metricsToken: TOKEN, signInRateLimit: 3 });
    await app.inject({ method: 'GET', url: '/api/health' });
    await app.inject({ method: 'GET', url: '/api/visits/424242?search=Zhang%20Wei&birth=1980-01-02' });
    await app.inject({ method: 'GET', url: '/api/no-such-thing/Zhang?q=Wei' });
    const signIn = () => app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: emailOf('viewer'), password: 'not the password' } });
    const statuses = [(await signIn()).statusCode, (await signIn()).statusCode, (await signIn()).statusCode, (await signIn()).statusCode];
    expect(statuses).toEqual([401, 401, 401, 429]);

    const response = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.body;
    for (const name of [
      'interchange_http_requests_total',
      'interchange_http_request_duration_seconds_bucket',
      'interchange_db_pool_connections',
      'interchange_db_pool_idle_connections',
      'interchange_db_pool_waiting_requests',
      'interchange_sign_in_failures_total',
      'process_resident_memory_bytes',
    ])
      expect(text).toContain(`\n${name}`);
    expect(text).toMatch(/interchange_http_requests_total\{method="GET",route="\/api\/health",status_class="2xx"\} 1\n/);
    expect(text).toMatch(/interchange_http_requests_total\{method="GET",route="\/api\/visits\/:id",status_class="4xx"\} 1\n/);
    expect(text).toMatch(/interchange_http_requests_total\{method="GET",route="unmatched",status_class="4xx"\} 1\n/);
    expect(text).toMatch(/interchange_http_requests_total\{method="POST",route="\/api\/auth\/sign-in",status_class="4xx"\} 4\n/);
    expect(text).toMatch(/interchange_sign_in_failures_total\{reason="rejected"\} 3\n/);
    expect(text).toMatch(/interchange_sign_in_failures_total\{reason="rate_limited"\} 1\n/);
    expect(text).toMatch(/interchange_db_pool_connections \d+\n/);

    const labelValues = [...text.matchAll(/\w+="([^"]*)"/g)].map((match) => match[1]!);
    expect(labelValues.length).toBeGreaterThan(10);
    for (const value of labelValues) {
      expect(value).not.toMatch(/[?&=]|424242|Zhang|Wei|viewer|@|no-such-thing/);
    }
  });

  it('gives the backlog the database holds: jobs by queue and state, the outbox by status, what imports brought in', async () => {
    const app = await appWith({ metricsToken: TOKEN });
    const scrape = async () => (await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body;
    const value = (text: string, series: string) => Number(new RegExp(`\\n${series.replace(/[{}]/g, '\\$&')} (\\d+)\\n`).exec(text)?.[1] ?? 0);
    const queued = 'interchange_jobs{queue="send-mail",state="created"}';
    const held = 'interchange_outbox_messages{status="queued"}';
    const before = await scrape();

    await ensureQueues(t.db, [SEND_MAIL_JOB as JobType<never>]);
    for (const n of [1, 2])
      await enqueueMessage(t.db, { idempotencyKey: `metrics-${n}-${Date.now()}`, kind: 'step_taken', userId: null, recipient: 'someone@example.org', locale: 'en', subject: 's', bodyText: 'b' });
    await recordOutcome(t.db, await insertImport(t.db, { kind: 'metrics-test', fileName: 'f.csv', fileSha256: 'x', actorId: null, unitId: null }), { created: [1, 2, 3], updated: [4], skipped: 0 });

    const after = await scrape();
    expect(value(after, queued) - value(before, queued)).toBe(2);
    expect(value(after, held) - value(before, held)).toBe(2);
    expect(value(after, 'interchange_imports{kind="metrics-test"}')).toBe(1);
    expect(value(after, 'interchange_import_rows{kind="metrics-test",outcome="created"}')).toBe(3);
    expect(value(after, 'interchange_import_rows{kind="metrics-test",outcome="updated"}')).toBe(1);
  });

  it('gives the import drafts by status, and the progress of those being committed, read from the drafts', async () => {
    const app = await appWith({ metricsToken: TOKEN });
    const scrape = async () => (await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body;
    const value = (text: string, series: string) => Number(new RegExp(`\\n${series.replace(/[{}]/g, '\\$&')} (\\d+)\\n`).exec(text)?.[1] ?? 0);
    const insert = (status: string, done: number, total: number) =>
      t.db.query(
        `INSERT INTO import_drafts (kind, created_by, file_name, file_sha256, status, rows_done, rows_total) VALUES ('metrics-drafts', $1, 'f.csv', 'x', $2, $3, $4)`,
        [t.userIds.officer, status, done, total],
      );
    await insert('committing', 400, 1000);
    await insert('committing', 50, 200);
    await insert('previewed', 0, 30);
    const text = await scrape();
    expect(value(text, 'interchange_import_drafts{kind="metrics-drafts",status="committing"}')).toBe(2);
    expect(value(text, 'interchange_import_drafts{kind="metrics-drafts",status="previewed"}')).toBe(1);
    expect(value(text, 'interchange_import_commit_rows_done{kind="metrics-drafts"}')).toBe(450);
    expect(value(text, 'interchange_import_commit_rows_total{kind="metrics-drafts"}')).toBe(1200);
    await t.db.query(`UPDATE import_drafts SET status = 'committed', rows_done = rows_total WHERE kind = 'metrics-drafts' AND status = 'committing'`);
    expect(value(await scrape(), 'interchange_import_commit_rows_total{kind="metrics-drafts"}')).toBe(0);
  });
});
