/**
 * The daily digest run for 1,000 users on PostgreSQL (issue 12: ≤ 60 s): the run queued as
 * the schedule queues it, taken by one worker as one server runs it (production polling),
 * until every user's digest is made and every message held in the outbox (no mail server).
 * The baseline, measured in the same run: the to-do query alone for the same users, one after
 * the other — what the digest cannot do without. `npm run bench -- --only digest`.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { requestContext } from '../src/server/core/request-context.ts';
import { startWorker } from '../src/server/jobs/queue.ts';
import { queueDigestRun } from '../src/server/mail/digest.job.ts';
import { digestRecipients } from '../src/server/mail/digest.repo.ts';
import { enabledActorOf } from '../src/server/modules/users/users.service.ts';
import { todoFor } from '../src/server/modules/todo/todo.service.ts';
import { startTestServer } from '../src/server/test/harness.ts';
import { missionBody, personBody } from '../src/server/test/factories.ts';
import { prepareTestDatabases } from '../src/server/test/test-database.ts';
import { addDays, officeToday } from '../src/shared/calendar.ts';

export const DIGEST_HEADING = '## Daily digest (issue 12)';
const USERS = 1000;
const LIMIT_SECONDS = 60;

export interface DigestBench {
  users: number;
  written: number;
  runSeconds: number;
  baselineSeconds: number;
  items: number;
  load: { before: number[]; after: number[] };
}

/** Measures the run on a fresh database of `pgUrl`'s server. */
export async function measureDigest(pgUrl: string): Promise<DigestBench> {
  process.env.INTERCHANGE_TEST_ENGINE = 'postgresql';
  process.env.TEST_DATABASE_URL = pgUrl;
  await prepareTestDatabases('postgresql');
  const t = await startTestServer();
  try {
    const today = officeToday();
    const officer = await t.as('officer');
    const units = [t.units.a, t.units.a1, t.units.b];
    // Work for everyone: in each unit, missions back with their reports late, and requests to decide.
    for (const [n, unitId] of units.entries()) {
      const person = (await officer.post('/api/people', personBody({ familyName: `Bench${n}`, unitId }))).json<{ id: number }>().id;
      for (let i = 0; i < 10; i += 1) {
        const start = addDays(today, -40 - i);
        let m = (await officer.post('/api/missions', missionBody(unitId, [person], { startDate: start, endDate: addDays(start, 3) }))).json<{ id: number; version: number }>();
        for (const step of [{ to: 'approved', approvalDocumentNo: `BENCH-${n}-${i}` }, { to: 'travelled', on: start }]) m = (await officer.post(`/api/missions/${m.id}/transitions`, { ...step, version: m.version })).json();
        await officer.post('/api/missions', missionBody(unitId, [person], { startDate: addDays(today, 20 + i), endDate: addDays(today, 25 + i) }));
      }
    }
    // 1,000 users: one in five an officer, the others coordinators of A or B, in the three languages.
    await t.db.query(
      `INSERT INTO users (email, display_name, role, unit_id, locale, password_hash)
       SELECT 'bench' || g || '@example.edu.cn', 'Bench user ' || g, CASE WHEN g % 5 = 0 THEN 'officer' ELSE 'coordinator' END,
              CASE WHEN g % 5 = 0 THEN NULL WHEN g % 2 = 0 THEN $1::bigint ELSE $2::bigint END, (ARRAY['en','zh','fr'])[g % 3 + 1], 'no password'
         FROM generate_series(1, $3::int) g`,
      [t.units.a, t.units.b, USERS],
    );
    const recipients = await digestRecipients(t.db);

    // Baseline: each recipient's to-do list, read one after the other.
    let items = 0;
    const baseStart = performance.now();
    for (const id of recipients) {
      const user = (await enabledActorOf(t.db, id))!;
      const ctx = requestContext(user, t.db);
      items += (await todoFor({ ...ctx, actor: { role: user.role } }, today)).items.length;
    }
    const baselineSeconds = (performance.now() - baseStart) / 1000;

    const worker = await startWorker({ db: t.db, mailer: null, publicUrl: 'https://ie.example.edu.cn' }, { onError: (e) => console.error(e) });
    const before = loadavg();
    const runStart = performance.now();
    await t.db.transaction((tx) => queueDigestRun(tx, today));
    const done = async () =>
      (
        await t.db.query<{ made: number; pending: number; queued: number }>(
          `SELECT (SELECT count(*)::int FROM digest_state WHERE office_day = $1::date) AS made,
                  (SELECT count(*)::int FROM pgboss.job WHERE name LIKE 'digest-%' AND state < 'completed') AS pending,
                  (SELECT count(*)::int FROM outbox WHERE kind = 'digest' AND status = 'queued') AS queued`,
          [today],
        )
      ).rows[0]!;
    for (;;) {
      const d = await done();
      if (d.made === recipients.length && d.pending === 0 && d.queued === 0) break;
      if (performance.now() - runStart > 10 * LIMIT_SECONDS * 1000) throw new Error(`digest run not done: ${JSON.stringify(d)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const runSeconds = (performance.now() - runStart) / 1000;
    const after = loadavg();
    await worker.stop({ graceful: false });
    const written = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE kind = 'digest'`)).rows[0]!.n;
    return { users: recipients.length, written, runSeconds, baselineSeconds, items, load: { before, after } };
  } finally {
    await t.close();
  }
}

/** The section of bench/RESULTS.md. */
export function digestSection(r: DigestBench, machine: string): string[] {
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
  return [
    DIGEST_HEADING,
    '',
    `Measured by \`npm run bench -- --only digest\` (${machine}).`,
    '',
    `The daily digest run for ${r.users.toLocaleString('en')} users (officers and coordinators, en/zh/fr), on PostgreSQL, taken by one worker with the`,
    'production polling, from the run queued to every user\'s digest made and every message held in the outbox (no mail server).',
    '',
    '| what | seconds |',
    '|---|---:|',
    `| the digest run (${r.written.toLocaleString('en')} messages, ${r.items.toLocaleString('en')} to-do items read) | ${r.runSeconds.toFixed(1)} |`,
    `| baseline: the to-do query alone for the same users, one after the other | ${r.baselineSeconds.toFixed(1)} |`,
    '',
    `Ratio to the baseline: ${(r.runSeconds / r.baselineSeconds).toFixed(1)}×. Target ≤ ${LIMIT_SECONDS} s: **${r.runSeconds <= LIMIT_SECONDS ? 'met' : 'NOT met'}**.`,
    `Load average (1 / 5 / 15 min) when the run started: ${load(r.load.before)}; when it ended: ${load(r.load.after)} (a shared 2-core machine).`,
    '',
  ];
}
