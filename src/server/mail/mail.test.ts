import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, startTestServer, succeeded, type TestServer } from '../test/harness.ts';
import { missionBody, personBody } from '../test/factories.ts';
import { REFUSAL, startSmtpSink, type SmtpSink } from '../test/smtp-sink.ts';
import { startWorker, type Worker } from '../jobs/queue.ts';
import { createMailer } from './mailer.ts';
import { enqueueMessage } from './outbox.ts';
import { SEND_MAIL_JOB } from './send-mail.job.ts';
import { STEP_TAKEN_JOB } from './step-taken.ts';
import { MISSION_STATUS_LABELS } from '../../shared/i18n/mission-labels.ts';
import { KIND_NAMES } from '../../shared/i18n/mail-messages.ts';

const PUBLIC_URL = 'https://ie.example.edu.cn';
const FROM = 'Interchange <ie@example.edu.cn>';
// Tests shorten the retries and the polling; the job types' code is the production one.
const FAST = { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 };
const fastSend = (retryLimit = 3) => ({ ...SEND_MAIL_JOB, retryLimit, retryDelaySeconds: 1, retryBackoff: false });

let t: TestServer;
let sink: SmtpSink;
const workers: Worker[] = [];

async function worker(options: { smtp?: boolean; retryLimit?: number } = {}): Promise<Worker> {
  const mailer = options.smtp === false ? null : createMailer({ smtpUrl: sink.url, mailFrom: FROM }, { timeoutMs: 5000 });
  const w = await startWorker({ db: t.db, mailer, publicUrl: PUBLIC_URL }, { ...FAST, types: [fastSend(options.retryLimit), STEP_TAKEN_JOB] });
  workers.push(w);
  return w;
}

async function stopAll(): Promise<void> {
  for (const w of workers.splice(0)) await w.stop();
}

type OutboxState = { status: string; attempts: number; lastError: string | null };
async function outboxRow(id: number): Promise<OutboxState> {
  return (await t.db.query<OutboxState>('SELECT status, attempts, last_error AS "lastError" FROM outbox WHERE id = $1', [id])).rows[0]!;
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`still ${JSON.stringify(v)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const message = (key: string, subject: string) => ({ idempotencyKey: key, kind: 'step_taken', userId: null, recipient: 'someone@example.org', locale: 'en' as const, subject, bodyText: `Body of ${subject}` });

beforeAll(async () => {
  t = await startTestServer();
  sink = await startSmtpSink();
});

afterAll(async () => {
  await stopAll();
  await sink?.close();
  await t?.close();
});

describe('mail through a real SMTP server', () => {
  it('tells whoever requested a mission that the office approved it: in their language, with a link, no passport number', async () => {
    await t.db.query(`UPDATE users SET locale = 'zh' WHERE id = $1`, [t.userIds.coordinatorA]);
    const officer = await t.as('officer');
    const coordinator = await t.as('coordinatorA');
    const passport = 'E98765432';
    const person = await succeeded(officer.post('/api/people', personBody({ unitId: t.units.a, passportNumber: passport } as never)));
    const mission = await succeeded(coordinator.post('/api/missions', missionBody(t.units.a, [person.id])));
    await succeeded(officer.post(`/api/missions/${mission.id}/transitions`, { to: 'approved', approvalDocumentNo: 'SJTUSM-2026-042', version: mission.version }));
    const before = sink.received.length;
    await worker();
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    await stopAll();
    expect(mail!.envelopeTo).toEqual([emailOf('coordinatorA')]);
    expect(mail!.parsed.from?.value).toEqual([{ name: 'Interchange', address: 'ie@example.edu.cn' }]);
    expect(mail!.parsed.headers.get('content-language')).toBe('zh');
    expect(mail!.parsed.subject).toContain(KIND_NAMES.mission!.zh);
    expect(mail!.parsed.subject).toContain(MISSION_STATUS_LABELS.approved.zh);
    expect(mail!.parsed.text).toContain(`${PUBLIC_URL}/missions/${mission.id}`);
    expect(mail!.parsed.text).toContain(MISSION_STATUS_LABELS.requested.zh);
    expect(mail!.parsed.messageId).toMatch(/@example\.edu\.cn>?$/);
    expect(mail!.raw).not.toContain(passport);
    expect(mail!.raw.toLowerCase()).not.toContain(passport.toLowerCase());
    // The officer took the step: only the requester is told.
    expect(sink.received.slice(before).map((m) => m.envelopeTo[0])).not.toContain(emailOf('officer'));
    const row = (await t.db.query<{ status: string; kind: string }>(`SELECT status, kind FROM outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1`, [emailOf('coordinatorA')])).rows[0];
    expect(row).toEqual({ status: 'sent', kind: 'step_taken' });
  });

  it('sends nothing to a user who switched the kind off', async () => {
    await t.db.query(`INSERT INTO user_mail_opt_outs (user_id, kind) VALUES ($1, 'step_taken')`, [t.userIds.coordinatorA]);
    const officer = await t.as('officer');
    const coordinator = await t.as('coordinatorA');
    const person = await succeeded(officer.post('/api/people', personBody({ unitId: t.units.a } as never)));
    const mission = await succeeded(coordinator.post('/api/missions', missionBody(t.units.a, [person.id])));
    await succeeded(officer.post(`/api/missions/${mission.id}/transitions`, { to: 'rejected', version: mission.version }));
    const jobs = async () => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state < 'completed'`, [STEP_TAKEN_JOB.name])).rows[0]!.n;
    expect(await jobs()).toBe(1);
    await worker();
    await until(jobs, (n) => n === 0);
    await stopAll();
    const rows = await t.db.query(`SELECT 1 FROM outbox WHERE idempotency_key LIKE $1`, [`step_taken:mission:${mission.id}:%`]);
    expect(rows.rowCount).toBe(0);
    await t.db.query(`DELETE FROM user_mail_opt_outs WHERE user_id = $1`, [t.userIds.coordinatorA]);
  });

  it('sends a message enqueued twice under one key once', async () => {
    const key = `test:twice:${Date.now()}`;
    const first = await t.db.transaction((tx) => enqueueMessage(tx, message(key, 'Only once')));
    const second = await t.db.transaction((tx) => enqueueMessage(tx, message(key, 'Only once')));
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    const jobsFor = await t.db.query(`SELECT id FROM pgboss.job WHERE name = $1 AND (data->>'outboxId')::bigint = $2`, [SEND_MAIL_JOB.name, first]);
    expect(jobsFor.rowCount).toBe(1);
    const before = sink.received.length;
    await worker();
    await sink.waitFor(before + 1);
    await until(() => outboxRow(first!), (r) => r.status === 'sent');
    await stopAll();
    expect(sink.received.filter((m) => m.parsed.subject === 'Only once')).toHaveLength(1);
  });

  it('retries after the server refuses once, and sends', async () => {
    sink.refuseNext(1);
    const id = await t.db.transaction((tx) => enqueueMessage(tx, message(`test:retry:${Date.now()}`, 'Second time lucky')));
    await worker();
    await sink.waitFor(sink.received.filter((m) => m.parsed.subject !== 'Second time lucky').length + 1);
    const row = await until(() => outboxRow(id!), (r) => r.status === 'sent');
    await stopAll();
    expect(row.attempts).toBe(2);
    expect(sink.received.filter((m) => m.parsed.subject === 'Second time lucky')).toHaveLength(1);
  });

  it('after the last try shows the message failed with the server’s answer', async () => {
    sink.refuseNext(10);
    // The worker brings the queue to its type's tries first: a job takes them when it is queued.
    await worker({ retryLimit: 1 });
    const id = await t.db.transaction((tx) => enqueueMessage(tx, message(`test:fail:${Date.now()}`, 'Never delivered')));
    const row = await until(() => outboxRow(id!), (r) => r.status === 'failed');
    const job = await until(
      async () => (await t.db.query<{ state: string }>(`SELECT state FROM pgboss.job WHERE name = $1 AND (data->>'outboxId')::bigint = $2`, [SEND_MAIL_JOB.name, id])).rows[0]?.state,
      (s) => s === 'failed',
    );
    await stopAll();
    sink.refuseNext(0);
    expect(job).toBe('failed');
    expect(row.attempts).toBe(2);
    expect(row.lastError).toContain('451');
    expect(row.lastError).toContain(REFUSAL);
    expect(sink.received.filter((m) => m.parsed.subject === 'Never delivered')).toHaveLength(0);
  });

  it('keeps the message in the outbox when no mail server is configured', async () => {
    const id = await t.db.transaction((tx) => enqueueMessage(tx, message(`test:held:${Date.now()}`, 'Held here')));
    await worker({ smtp: false });
    const row = await until(() => outboxRow(id!), (r) => r.status !== 'queued');
    await stopAll();
    expect(row).toEqual({ status: 'held', attempts: 0, lastError: null });
    expect(sink.received.filter((m) => m.parsed.subject === 'Held here')).toHaveLength(0);
  });
});

describe('what the administrator and the user see', () => {
  it('the outbox and the jobs are the administrator’s, with a failed send’s answer', async () => {
    const admin = await t.as('admin');
    const outbox = await admin.get('/api/admin/outbox?status=failed');
    expect(outbox.statusCode, outbox.body).toBe(200);
    const failed = outbox.json<{ items: Array<{ subject: string; lastError: string; idempotencyKey?: string }>; total: number }>();
    expect(failed.items.map((m) => m.subject)).toContain('Never delivered');
    expect(failed.items.find((m) => m.subject === 'Never delivered')!.lastError).toContain(REFUSAL);
    expect(failed.items[0]).not.toHaveProperty('idempotencyKey');
    const held = (await admin.get('/api/admin/outbox?status=held')).json<{ items: Array<{ subject: string }> }>();
    expect(held.items.map((m) => m.subject)).toContain('Held here');
    const jobs = await admin.get('/api/admin/jobs');
    expect(jobs.statusCode, jobs.body).toBe(200);
    const page = jobs.json<{ counts: Record<string, number>; items: Array<{ type: string; state: string; error: string | null }> }>();
    expect(page.counts.failed).toBeGreaterThanOrEqual(1);
    const failedJob = (await admin.get('/api/admin/jobs?state=failed')).json<typeof page>().items.find((j) => j.type === SEND_MAIL_JOB.name);
    expect(failedJob?.error).toContain(REFUSAL);
    for (const role of ['officer', 'coordinatorA', 'viewer'] as const) {
      expect((await (await t.as(role)).get('/api/admin/outbox')).statusCode).toBe(403);
      expect((await (await t.as(role)).get('/api/admin/jobs')).statusCode).toBe(403);
    }
    expect((await admin.get('/api/admin/jobs?state=lost')).statusCode).toBe(400);
  });

  it('the outbox tells the page what is pending: a message queued and its send job, until the job holds it', async () => {
    const admin = await t.as('admin');
    const pending = async () => (await admin.get('/api/admin/outbox?status=held')).json<{ pending: number }>().pending;
    const before = await pending();
    const id = await t.db.transaction((tx) => enqueueMessage(tx, message(`test:pending:${Date.now()}`, 'Pending here')));
    // the message queued and the job that will send or hold it
    expect(await pending()).toBe(before + 2);
    await worker({ smtp: false });
    await until(() => outboxRow(id!), (r) => r.status === 'held');
    const after = await until(pending, (n) => n <= before);
    await stopAll();
    expect(after).toBe(before);
  });

  it('a user switches a kind of message off and on, audited; a bad value names the field', async () => {
    const viewer = await t.as('viewer');
    expect((await viewer.get('/api/auth/mail-preferences')).json()).toEqual({ step_taken: true, digest: true });
    const off = await viewer.patch('/api/auth/mail-preferences', { step_taken: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toEqual({ step_taken: false, digest: true });
    const stored = await t.db.query('SELECT kind FROM user_mail_opt_outs WHERE user_id = $1', [t.userIds.viewer]);
    expect(stored.rows).toEqual([{ kind: 'step_taken' }]);
    const audit = await t.db.query<{ after: unknown }>(`SELECT after FROM audit_log WHERE entity = 'user' AND entity_id = $1 AND actor_id = $2 ORDER BY id DESC LIMIT 1`, [String(t.userIds.viewer), t.userIds.viewer]);
    expect(audit.rows[0]?.after).toEqual({ mail: { step_taken: false, digest: true } });
    expect((await viewer.patch('/api/auth/mail-preferences', { step_taken: true })).json()).toEqual({ step_taken: true, digest: true });
    const bad = await viewer.patch('/api/auth/mail-preferences', { step_taken: 'sometimes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: Array<{ field: string }> } }>().error.fields.map((f) => f.field)).toEqual(['step_taken']);
  });
});
