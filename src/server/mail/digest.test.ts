import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, startTestServer, succeeded, type TestRole, type TestServer } from '../test/harness.ts';
import { missionBody, personBody } from '../test/factories.ts';
import { startSmtpSink, type Received, type SmtpSink } from '../test/smtp-sink.ts';
import { startWorker, type Worker } from '../jobs/queue.ts';
import { addDays, officeToday } from '../../shared/calendar.ts';
import { DIGEST_TEXT } from '../../shared/i18n/digest-messages.ts';
import { createMailer } from './mailer.ts';
import { SEND_MAIL_JOB } from './send-mail.job.ts';
import { DIGEST_RUN_JOB, DIGEST_USERS_JOB } from './digest.job.ts';
import { officeHour, queueDueDigest } from './digest-schedule.ts';

// The daily digest end to end: the run started over HTTP by the administrator, its jobs run by
// a worker, each message sent to a real SMTP server on 127.0.0.1 and read back as received.
const PUBLIC_URL = 'https://ie.example.edu.cn';
const FAST = { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 };
const today = officeToday();
const PASSPORT = 'G12345678';

let t: TestServer;
let sink: SmtpSink;
let worker: Worker;
let person: { a: number; b: number };

/** A mission of `unit`, approved and travelled, its last day `ended` days before `today`. */
async function travelled(unit: number, personId: number, ended: number, title: string): Promise<number> {
  const officer = await t.as('officer');
  const startDate = addDays(today, -ended - 3);
  let row = await succeeded(officer.post('/api/missions', missionBody(unit, [personId], { titleEn: title, titleZh: `${title}（中文）`, startDate, endDate: addDays(today, -ended) })));
  for (const step of [{ to: 'approved', approvalDocumentNo: `DIGEST-${title}` }, { to: 'travelled', on: startDate }]) row = await succeeded(officer.post(`/api/missions/${row.id}/transitions`, { ...step, version: row.version }));
  return row.id;
}

async function requested(unit: number, personId: number, title: string): Promise<number> {
  const coordinator = await t.as(unit === t.units.b ? 'coordinatorB' : 'coordinatorA');
  return (await succeeded(coordinator.post('/api/missions', missionBody(unit, [personId], { titleEn: title, startDate: addDays(today, 30), endDate: addDays(today, 35) })))).id;
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`still ${JSON.stringify(v)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts the run of `day` as the administrator and waits until every job it made is done and every message it wrote sent. */
async function runDigest(day: string): Promise<void> {
  const started = await (await t.as('admin')).post('/api/admin/jobs/digest', { date: day });
  expect(started.statusCode, started.body).toBe(201);
  expect(started.json()).toMatchObject({ day });
  const pending = async () =>
    (
      await t.db.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM pgboss.job WHERE name = ANY($1::text[]) AND state < 'completed')
              + (SELECT count(*) FROM outbox WHERE kind = 'digest' AND status = 'queued') AS n`,
        [[DIGEST_RUN_JOB.name, DIGEST_USERS_JOB.name, SEND_MAIL_JOB.name]],
      )
    ).rows[0]!.n;
  // the run's job is there before the worker takes it: wait for it to be done, not merely absent
  await until(pending, (n) => Number(n) === 0);
}

const digestsTo = (role: TestRole, day: string): Received[] => sink.received.filter((m) => m.envelopeTo[0] === emailOf(role) && m.parsed.subject?.includes(day));

beforeAll(async () => {
  t = await startTestServer();
  sink = await startSmtpSink();
  const officer = await t.as('officer');
  person = {
    a: (await succeeded(officer.post('/api/people', personBody({ familyName: 'Wang', unitId: t.units.a, passportNumber: PASSPORT } as never)))).id,
    b: (await succeeded(officer.post('/api/people', personBody({ familyName: 'Liu', unitId: t.units.b, passportNumber: 'H87654321' } as never)))).id,
  };
  await t.db.query(`UPDATE users SET locale = 'zh' WHERE id = $1`, [t.userIds.coordinatorA]);
  await t.db.query(`UPDATE users SET locale = 'fr' WHERE id = $1`, [t.userIds.coordinatorB]);
  const mailer = createMailer({ smtpUrl: sink.url, mailFrom: 'Interchange <ie@example.edu.cn>' }, { timeoutMs: 5000 });
  worker = await startWorker({ db: t.db, mailer, publicUrl: PUBLIC_URL }, { ...FAST, types: [{ ...SEND_MAIL_JOB, retryDelaySeconds: 1, retryBackoff: false }, DIGEST_RUN_JOB, DIGEST_USERS_JOB] });
});

afterAll(async () => {
  await worker?.stop({ graceful: false });
  await sink?.close();
  await t?.close();
});

describe('the daily digest', () => {
  let lateA: number, lateB: number, dueToday: number, requestA: number;

  it("sends each user their new and late items once, in their language, a coordinator only their unit's, no passport number", async () => {
    lateA = await travelled(t.units.a, person.a, 40, 'Late trip of A');
    lateB = await travelled(t.units.b, person.b, 41, 'Late trip of B');
    dueToday = await travelled(t.units.a1, person.a, 30, 'Report due today A1');
    requestA = await requested(t.units.a, person.a, 'Request of A');
    await t.db.query(`INSERT INTO user_mail_opt_outs (user_id, kind) VALUES ($1, 'digest')`, [t.userIds.admin]);
    await runDigest(today);

    const [zh, ...moreZh] = digestsTo('coordinatorA', today);
    expect(moreZh).toEqual([]);
    expect(zh!.parsed.headers.get('content-language')).toBe('zh');
    expect(zh!.parsed.subject).toBe(DIGEST_TEXT.zh.subject(today, 2, 1));
    const text = zh!.parsed.text!;
    expect(text).toContain(DIGEST_TEXT.zh.group.reports);
    expect(text).toContain('Late trip of A（中文）');
    expect(text).toContain(`[${DIGEST_TEXT.zh.standing.late}]`);
    expect(text).toContain(`${PUBLIC_URL}/missions/${lateA}`);
    expect(text).toContain(`${PUBLIC_URL}/missions/${dueToday}`);
    // unit A's coordinator: A and its sub-unit A1, never B; and not the office's decision on A's request
    expect(text).not.toContain(`/missions/${lateB}`);
    expect(text).not.toContain('Late trip of B');
    expect(text).not.toContain(`/missions/${requestA}`);

    const [fr] = digestsTo('coordinatorB', today);
    expect(fr!.parsed.headers.get('content-language')).toBe('fr');
    expect(fr!.parsed.text).toContain(`${PUBLIC_URL}/missions/${lateB}`);
    expect(fr!.parsed.text).toContain(DIGEST_TEXT.fr.owed.report);
    expect(fr!.parsed.text).not.toContain(`/missions/${lateA}`);

    const [en, ...moreEn] = digestsTo('officer', today);
    expect(moreEn).toEqual([]);
    expect(en!.parsed.headers.get('content-language')).toBe('en');
    for (const id of [lateA, lateB, dueToday, requestA]) expect(en!.parsed.text).toContain(`${PUBLIC_URL}/missions/${id}`);
    expect(en!.parsed.text).toContain(DIGEST_TEXT.en.group.approvals);
    // every link names a record the recipient can open
    for (const [role, mail] of [['officer', en], ['coordinatorA', zh]] as const) {
      const paths = [...mail!.parsed.text!.matchAll(new RegExp(`${PUBLIC_URL}(/\\S+)`, 'g'))].map((m) => m[1]!);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) expect((await (await t.as(role)).get(`/api${path}`)).statusCode, path).toBe(200);
    }
    // switched off: the administrator, whose list is the office's, got nothing; leaders and viewers have no list
    expect(sink.received.filter((m) => [emailOf('admin'), emailOf('leader'), emailOf('viewer')].includes(m.envelopeTo[0]!))).toEqual([]);
    // no passport number in any message, in any form
    for (const m of sink.received) for (const p of [PASSPORT, 'H87654321']) expect(m.raw.toUpperCase()).not.toContain(p);
  });

  it('run twice the same day (twice at once, then again), sends nothing more', async () => {
    const before = sink.received.length;
    const admin = await t.as('admin');
    const twice = await Promise.all([admin.post('/api/admin/jobs/digest', { date: today }), admin.post('/api/admin/jobs/digest', {})]);
    expect(twice.map((r) => r.statusCode)).toEqual([201, 201]);
    await runDigest(today);
    expect(sink.received.length).toBe(before);
    const rows = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE idempotency_key = $1`, [`digest:${t.userIds.officer}:${today}`]);
    expect(rows.rows[0]!.n).toBe(1);
  });

  it('the next day lists only what is new since and what is late', async () => {
    const tomorrow = addDays(today, 1);
    const newRequest = await requested(t.units.a, person.a, 'Request after the digest');
    const newLate = await travelled(t.units.b, person.b, 50, 'Late trip found after');
    await runDigest(tomorrow);
    const [en] = digestsTo('officer', tomorrow);
    const text = en!.parsed.text!;
    // new since: listed; late: listed again; waiting since yesterday and not late: not listed
    expect(text).toContain(`/missions/${newRequest}`);
    expect(text).toContain(`/missions/${newLate}`);
    expect(text).toContain(`/missions/${lateA}`);
    expect(text).not.toContain(`/missions/${requestA}`);
    // due today, late tomorrow: listed, as late
    expect(text).toMatch(new RegExp(`\\[${DIGEST_TEXT.en.standing.late}\\][^\\n]*#${dueToday} `));
    expect(en!.parsed.subject).toBe(DIGEST_TEXT.en.subject(tomorrow, 2, 4));
  });

  it('is started by the administrator alone, audited; a bad day names the field', async () => {
    for (const role of ['officer', 'coordinatorA', 'leader'] as const) expect((await (await t.as(role)).post('/api/admin/jobs/digest', {})).statusCode).toBe(403);
    const bad = await (await t.as('admin')).post('/api/admin/jobs/digest', { date: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: Array<{ field: string }> } }>().error.fields.map((f) => f.field)).toEqual(['date']);
    const audit = await t.db.query<{ after: { type: string; day: string } }>(`SELECT after FROM audit_log WHERE entity = 'job' AND actor_id = $1 ORDER BY id`, [t.userIds.admin]);
    expect(audit.rows.map((r) => r.after)).toContainEqual({ type: DIGEST_RUN_JOB.name, day: today });
  });

  it("is queued by the schedule once a day, from the office's hour set in the settings (0–23)", async () => {
    const officer = await t.as('officer');
    for (const value of [24, -1, 7.5, '8']) {
      const bad = await officer.patch('/api/settings/digest.hour', { value, version: 1 });
      expect(bad.statusCode, JSON.stringify(value)).toBe(400);
      expect(bad.json<{ error: { fields: Array<{ field: string }> } }>().error.fields.map((f) => f.field)).toEqual(['value']);
    }
    expect((await officer.patch('/api/settings/digest.hour', { value: 9, version: 1 })).statusCode).toBe(200);
    // 08:30 and 09:05 in Shanghai on a day far from the others of this file
    const before = new Date('2031-03-04T00:30:00Z');
    const after = new Date('2031-03-04T01:05:00Z');
    expect([officeHour(before), officeHour(after)]).toEqual([8, 9]);
    const runs = async () => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'day' = '2031-03-04'`, [DIGEST_RUN_JOB.name])).rows[0]!.n;
    expect(await queueDueDigest(t.db, before)).toBeNull();
    expect(await runs()).toBe(0);
    expect(await queueDueDigest(t.db, after)).toBe('2031-03-04');
    // a second process looking at the clock the same day queues nothing
    expect(await queueDueDigest(t.db, new Date('2031-03-04T05:00:00Z'))).toBeNull();
    expect(await runs()).toBe(1);
  });
});
