import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../server/db/client.ts';
import { buildApp } from '../server/app.ts';
import { readConfig } from '../server/config.ts';
import { requestContext } from '../server/core/request-context.ts';
import { SYSTEM_ACTOR } from '../server/policies/actor.ts';
import { createCipher } from '../server/security/personal-data.ts';
import { startWorker, type Worker } from '../server/jobs/queue.ts';
import { createMailer } from '../server/mail/mailer.ts';
import { SEND_MAIL_JOB } from '../server/mail/send-mail.job.ts';
import { todoFor } from '../server/modules/todo/todo.service.ts';
import { TODO_SOURCES } from '../server/modules/todo/todo-sources.ts';
import { openDemoDatabase } from '../server/test/demo-database.ts';
import { client, signInAs } from '../server/test/harness.ts';
import { startSmtpSink, type SmtpSink } from '../server/test/smtp-sink.ts';
import { officeToday } from '../shared/calendar.ts';
import type { Role } from '../shared/roles.ts';
import { DIGEST_TEXT } from '../shared/i18n/digest-messages.ts';
import { DEMO_ACCOUNTS } from './demo-organization.ts';

// The digests the demo load writes for its day, sent by a worker to a real SMTP server on
// 127.0.0.1 and read back as received; their links opened on the demo's own API.
let db: Db;
let sink: SmtpSink;
let worker: Worker;
let app: Awaited<ReturnType<typeof buildApp>>;
const today = officeToday();
// (the demo's people carry no passport number: digest.test.ts holds that none reaches a message)
const cipher = createCipher('test-secret');

beforeAll(async () => {
  db = await openDemoDatabase();
  sink = await startSmtpSink();
  app = await buildApp({ db, config: { ...readConfig({}), webDir: '/nonexistent', signInRateLimit: 100 }, cipher });
  await app.ready();
}, 900_000);
afterAll(async () => {
  await worker?.stop({ graceful: false });
  await sink?.close();
  await app?.close();
  await db?.close();
});

/** What a demo account's to-do list holds today, read as they would read it. */
async function listOf(email: string) {
  const { rows } = await db.query<{ id: number; role: Role; unitId: number | null }>('SELECT id::int, role, unit_id::int AS "unitId" FROM users WHERE email = $1', [email]);
  const u = rows[0]!;
  const ctx = requestContext({ ...SYSTEM_ACTOR, userId: u.id, email, role: u.role, unitId: u.unitId }, db);
  return todoFor({ ...ctx, actor: { role: u.role } }, today);
}

describe('the demo day’s digests', () => {
  it('are in the outbox, one per demo account with work waiting, and a Chinese officer’s is in Chinese with a late trip report', async () => {
    const outbox = await db.query<{ recipient: string; locale: string }>(`SELECT recipient, locale FROM outbox WHERE kind = 'digest' ORDER BY recipient`);
    const withWork: string[] = [];
    for (const a of DEMO_ACCOUNTS) if ((await listOf(a.email)).items.length) withWork.push(a.email);
    expect(withWork.length).toBeGreaterThanOrEqual(3);
    expect(outbox.rows.map((r) => r.recipient)).toEqual([...withWork].sort());
    expect(outbox.rows.some((r) => r.locale === 'zh')).toBe(true);

    // sent through a real SMTP server as a running server's worker would
    worker = await startWorker({ db, mailer: createMailer({ smtpUrl: sink.url, mailFrom: 'Interchange <ie@example.edu.cn>' }, { timeoutMs: 5000 }), publicUrl: null }, { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, types: [SEND_MAIL_JOB] });
    const received = await sink.waitFor(withWork.length, 120_000);
    const officer = DEMO_ACCOUNTS.find((a) => a.role === 'officer')!;
    expect(officer.locale).toBe('zh');
    const mail = received.find((m) => m.envelopeTo[0] === officer.email)!;
    expect(mail.parsed.headers.get('content-language')).toBe('zh');
    expect(mail.parsed.subject).toContain('待办摘要');
    const text = mail.parsed.text!;
    const late = (await listOf(officer.email)).items.find((i) => i.kind === 'missions' && i.group === 'reports' && i.standing === 'late')!;
    expect(late).toBeDefined();
    expect(text).toContain(`${DIGEST_TEXT.zh.group.reports}`);
    expect(text).toContain(`[${DIGEST_TEXT.zh.standing.late}] ${DIGEST_TEXT.zh.kind.missions} #${late.id} «${late.titleZh || late.titleEn}» · ${DIGEST_TEXT.zh.owed.report}`);

    // every link is a record's page (its kind's web path and id) the officer reads through the API
    const session = await signInAs(app, officer.email, officer.password);
    const officerApi = client(app, session.cookie, session.csrf);
    const paths = [...text.matchAll(/https?:\/\/[^\s/]+(\/\S+)/g)].map((m) => m[1]!);
    expect(paths).toContain(`/missions/${late.id}`);
    for (const path of paths.slice(0, 40)) {
      const [kind, source] = Object.entries(TODO_SOURCES).find(([, s]) => new RegExp(`^${s.path}/\\d+$`).test(path)) ?? [];
      expect(source, path).toBeDefined();
      expect((await officerApi.get(`/api/${kind}/${path.slice(source!.path.length + 1)}`)).statusCode, path).toBe(200);
    }

    // the coordinator's holds only their unit's records
    const coordinator = DEMO_ACCOUNTS.find((a) => a.role === 'coordinator')!;
    const theirs = new Set((await listOf(coordinator.email)).items.map((i) => i.link));
    const coordinatorMail = received.find((m) => m.envelopeTo[0] === coordinator.email)!;
    const links = [...coordinatorMail.parsed.text!.matchAll(/https?:\/\/[^\s/]+(\/\S+)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(theirs.has(link), link).toBe(true);
    const officeOnly = (await listOf(officer.email)).items.filter((i) => i.standing === 'late' && !theirs.has(i.link));
    expect(officeOnly.length).toBeGreaterThan(0);
    for (const i of officeOnly) expect(coordinatorMail.parsed.text).not.toContain(`${i.link}\n`);
  });
});
