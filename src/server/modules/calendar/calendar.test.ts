import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { missionBody, personBody, visitBody } from '../../test/factories.ts';
import { addDays, addMonths, officeToday } from '../../../shared/calendar.ts';
import { FEED_WINDOW } from './calendar.service.ts';
import { FEED_REQUESTS_PER_MINUTE } from '../../http/calendar-feed.routes.ts';

// Issue 12, the calendar feed: every check reads the feed with ical.js (Mozilla's parser), not
// with the library that wrote it, and counts what it should hold with SQL of its own.

let t: TestServer;
const logLines: string[] = [];
const today = officeToday();
const from = addMonths(today, -FEED_WINDOW.monthsBack);
const to = addMonths(today, FEED_WINDOW.monthsAhead);
const PASSPORT = 'E98765432';
/** A title with what iCalendar escapes (comma, semicolon, backslash) and scripts beyond Latin. */
const AWKWARD = 'Smith, Jones; Müller \\ 王振义 — محمد';
let awkwardVisit: number;
let lateMission: number;

interface Parsed {
  name: string;
  refresh: string;
  events: Array<{ uid: string; summary: string; description: string; start: string; end: string; allDay: boolean; url: string | null; lastModified: string | null; stamp: string | null }>;
}

/** The feed as ical.js reads it. */
function parse(text: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    name: String(calendar.getFirstPropertyValue('x-wr-calname')),
    refresh: String(calendar.getFirstPropertyValue('refresh-interval')),
    events: calendar.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      const time = (name: string) => v.getFirstPropertyValue(name)?.toString() ?? null;
      return {
        uid: e.uid,
        summary: e.summary,
        description: e.description,
        start: e.startDate.toString(),
        end: e.endDate.toString(),
        allDay: e.startDate.isDate,
        url: (v.getFirstPropertyValue('url') as string | null) ?? null,
        lastModified: time('last-modified'),
        stamp: time('dtstamp'),
      };
    }),
  };
}

async function newFeed(c: Client): Promise<string> {
  const response = await c.post('/api/auth/calendar-feed');
  expect(response.statusCode, response.body).toBe(201);
  const { path } = response.json<{ path: string }>();
  expect(path).toMatch(/^\/calendar\/icf_[A-Za-z0-9_-]{43}\.ics$/);
  return path;
}

async function feed(path: string): Promise<Parsed & { text: string }> {
  const response = await t.anonymous.get(path);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
  expect(response.headers['cache-control']).toMatch(/^private\b/);
  return { ...parse(response.body), text: response.body };
}

/** The ids of `table`'s records a feed should hold: in the window, taking place, in `unit`'s subtree (every unit when null). */
async function expectedIds(table: 'visits' | 'missions', unit: number | null): Promise<number[]> {
  const unitColumn = table === 'visits' ? 'host_unit_id' : 'unit_id';
  const { rows } = await t.db.query<{ id: number }>(
    `SELECT id FROM ${table} WHERE end_date >= $1 AND start_date <= $2 AND status NOT IN ('rejected', 'cancelled')
       AND ($3::bigint IS NULL OR ${unitColumn} IN (SELECT unit_subtree($3::bigint))) ORDER BY id`,
    [from, to, unit],
  );
  return rows.map((r) => Number(r.id));
}

const idsOf = (parsed: Parsed, prefix: string) =>
  parsed.events
    .filter((e) => e.uid.startsWith(`${prefix}-`))
    .map((e) => Number(/^\w+-(\d+)@/.exec(e.uid)![1]))
    .sort((a, b) => a - b);

beforeAll(async () => {
  t = await startTestServer({ logStream: { write: (line) => void logLines.push(line) } });
  const officer = await t.as('officer');
  const person = async (unitId: number) => (await officer.post('/api/people', personBody({ unitId, passportNumber: PASSPORT }))).json<{ id: number }>().id;
  const [pa, pa1, pb] = [await person(t.units.a), await person(t.units.a1), await person(t.units.b)];
  const visit = async (unit: number, who: number, start: string, days: number, overrides = {}) => {
    const r = await officer.post('/api/visits', visitBody(unit, [who], { startDate: start, endDate: addDays(start, days), ...overrides }));
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ id: number; version: number }>();
  };
  const mission = async (unit: number, who: number, start: string, days: number) => {
    const r = await officer.post('/api/missions', missionBody(unit, [who], { startDate: start, endDate: addDays(start, days) }));
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ id: number; version: number }>();
  };
  awkwardVisit = (await visit(t.units.a, pa, addDays(today, 10), 2, { titleEn: AWKWARD, titleZh: '王振义教授来访，第一天；第二天' })).id;
  await visit(t.units.a1, pa1, addDays(today, -40), 0);
  await visit(t.units.b, pb, addDays(today, 5), 3);
  await visit(t.units.b, pb, addDays(today, -400), 1); // before the window
  await visit(t.units.a, pa, addMonths(today, 25), 1); // after it
  const cancelled = await visit(t.units.a, pa, addDays(today, 20), 1);
  const step = await officer.post(`/api/visits/${cancelled.id}/transitions`, { to: 'cancelled', version: cancelled.version });
  expect(step.statusCode, step.body).toBe(200);
  await mission(t.units.a, pa, addDays(today, 3), 4);
  await mission(t.units.b, pb, addDays(today, 60), 7);
  await mission(t.units.a1, pa1, addDays(today, -200), 5);
  // A mission of unit A back 31 days ago whose report is late: a deadline on the to-do list.
  let late = await mission(t.units.a, pa, addDays(today, -35), 4);
  for (const s of [{ to: 'approved', approvalDocumentNo: 'CAL-1' }, { to: 'travelled', on: addDays(today, -35) }]) {
    const r = await officer.post(`/api/missions/${late.id}/transitions`, { ...s, version: late.version });
    expect(r.statusCode, r.body).toBe(200);
    late = r.json();
  }
  lateMission = late.id;
}, 120_000);
afterAll(async () => t?.close());

describe('the calendar feed', () => {
  it('gives the office every visit and mission taking place in the window, and its to-do deadlines as all-day events', async () => {
    const parsed = await feed(await newFeed(await t.as('officer')));
    expect(parsed.name).toBe('Interchange — officer');
    expect(parsed.refresh).toBe('PT1H');
    for (const e of parsed.events) expect(e.stamp, e.uid).not.toBeNull();
    expect(idsOf(parsed, 'visit')).toEqual(await expectedIds('visits', null));
    expect(idsOf(parsed, 'mission')).toEqual(await expectedIds('missions', null));
    expect(idsOf(parsed, 'visit').length).toBeGreaterThan(2);
    for (const e of parsed.events) expect(e.allDay, e.uid).toBe(true);
    const visit = parsed.events.find((e) => e.uid.startsWith(`visit-${awkwardVisit}@`))!;
    // DTEND is the day after the last (exclusive): a visit of three days spans three.
    expect([visit.start, visit.end]).toEqual([addDays(today, 10), addDays(today, 13)]);
    expect(visit.url).toBe(`http://localhost:80/visits/${awkwardVisit}`);
    const updatedAt = (await t.db.query<{ at: string }>(`SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at FROM visits WHERE id = $1`, [awkwardVisit])).rows[0]!.at;
    expect(visit.lastModified).toBe(updatedAt);
    const report = parsed.events.find((e) => e.uid === `todo-missions-${lateMission}-report@localhost`)!;
    expect(report, parsed.events.map((e) => e.uid).join(' ')).toBeDefined();
    expect([report.start, report.end]).toEqual([addDays(today, -1), today]);
    expect(report.summary).toMatch(/^File the report: /);
    expect(report.description).toContain(`/missions/${lateMission}`);
  });

  it('gives a coordinator the records of their unit and its sub-units only', async () => {
    const parsed = await feed(await newFeed(await t.as('coordinatorA')));
    const visits = await expectedIds('visits', t.units.a);
    expect(idsOf(parsed, 'visit')).toEqual(visits);
    expect(idsOf(parsed, 'mission')).toEqual(await expectedIds('missions', t.units.a));
    const othersVisits = (await t.db.query<{ id: number }>('SELECT id FROM visits WHERE host_unit_id = $1', [t.units.b])).rows.map((r) => Number(r.id));
    const othersMissions = (await t.db.query<{ id: number }>('SELECT id FROM missions WHERE unit_id = $1', [t.units.b])).rows.map((r) => Number(r.id));
    expect(othersVisits.length + othersMissions.length).toBeGreaterThan(0);
    for (const id of othersVisits) expect(idsOf(parsed, 'visit')).not.toContain(id);
    for (const id of othersMissions) expect(idsOf(parsed, 'mission')).not.toContain(id);
    const b = await feed(await newFeed(await t.as('coordinatorB')));
    expect(idsOf(b, 'visit')).toEqual(await expectedIds('visits', t.units.b));
    for (const id of visits) expect(idsOf(b, 'visit')).not.toContain(id);
  });

  it('speaks the user\u2019s language: a Chinese user\u2019s summaries are Chinese, with the Chinese titles', async () => {
    const leader = await t.as('leader');
    expect((await leader.patch('/api/auth/preferences', { locale: 'zh' })).statusCode).toBe(200);
    const parsed = await feed(await newFeed(leader));
    const visits = parsed.events.filter((e) => e.uid.startsWith('visit-'));
    const missions = parsed.events.filter((e) => e.uid.startsWith('mission-'));
    expect(visits.length).toBeGreaterThan(0);
    for (const e of visits) expect(e.summary).toMatch(/^来访：/);
    for (const e of missions) expect(e.summary).toMatch(/^出访：出访团组/);
    expect(visits.find((e) => e.uid.startsWith(`visit-${awkwardVisit}@`))!.summary).toBe('来访：王振义教授来访，第一天；第二天');
    expect(parsed.events.find((e) => e.uid.startsWith(`visit-${awkwardVisit}@`))!.description).toMatch(/^状态：/);
  });

  it('gives back names with commas, semicolons, backslashes, line breaks and any script as stored', async () => {
    const officer = await t.as('officer');
    const path = await newFeed(officer);
    expect((await feed(path)).events.find((e) => e.uid.startsWith(`visit-${awkwardVisit}@`))!.summary).toBe(`Visit: ${AWKWARD}`);
    // The API refuses a line break in a title; an older release's data, or a restore, may hold one.
    const stored = `${AWKWARD}\nsecond line, “quoted”; 第二行`;
    await t.db.query('UPDATE visits SET title_en = $1 WHERE id = $2', [stored, awkwardVisit]);
    try {
      const e = (await feed(path)).events.find((x) => x.uid.startsWith(`visit-${awkwardVisit}@`))!;
      expect(e.summary).toBe(`Visit: ${stored}`);
      expect(e.description.split('\n')).toEqual([expect.stringMatching(/^Status: /), `http://localhost:80/visits/${awkwardVisit}`]);
    } finally {
      await t.db.query('UPDATE visits SET title_en = $1 WHERE id = $2', [AWKWARD, awkwardVisit]);
    }
  });

  it('holds no passport number, no email, nothing personal but the titles', async () => {
    const stored = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM people WHERE passport_enc IS NOT NULL');
    expect(stored.rows[0]!.n).toBeGreaterThan(0);
    for (const role of ['officer', 'admin', 'coordinatorA'] as const) {
      const { text } = await feed(await newFeed(await t.as(role)));
      expect(text).not.toContain(PASSPORT);
      expect(text).not.toContain('@test.interchange');
    }
  });

  it('stops answering the old URL once a new one is made, and audits the change', async () => {
    const viewer = await t.as('viewer');
    const first = await newFeed(viewer);
    expect((await t.anonymous.get(first)).statusCode).toBe(200);
    const second = await newFeed(viewer);
    expect(second).not.toBe(first);
    expect((await t.anonymous.get(first)).statusCode).toBe(404);
    expect((await t.anonymous.get(second)).statusCode).toBe(200);
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'calendar_feed' AND entity_id = $1 ORDER BY id`, [String(t.userIds.viewer)]);
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'update']);
    const state = (await viewer.get('/api/auth/calendar-feed')).json<{ exists: boolean; lastUsedAt: string | null }>();
    expect(state.exists).toBe(true);
    expect(state.lastUsedAt).not.toBeNull();
    // HEAD, as some calendars ask first
    const head = await t.app.inject({ method: 'HEAD', url: second });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toBe('text/calendar; charset=utf-8');
  });

  it('answers 404 to a wrong secret, a malformed one and a disabled user\u2019s, and logs the route, never the secret', async () => {
    const wrong = `/calendar/icf_${'A'.repeat(43)}.ics`;
    expect((await t.anonymous.get(wrong)).statusCode).toBe(404);
    expect((await t.anonymous.get('/calendar/not-a-secret.ics')).statusCode).toBe(404);
    // A NUL in the path is refused before any lookup, as on every route.
    const nul = await t.anonymous.get(`/calendar/icf_${'A'.repeat(20)}%00${'A'.repeat(22)}.ics`);
    expect(nul.statusCode, nul.body).toBe(400);
    const admin = await t.as('admin');
    const path = await newFeed(await t.as('viewer'));
    expect((await t.anonymous.get(path)).statusCode).toBe(200);
    const user = (await admin.get(`/api/users/${t.userIds.viewer}`)).json<{ version: number }>();
    const disabled = await admin.patch(`/api/users/${t.userIds.viewer}`, { disabled: true, version: user.version });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect((await t.anonymous.get(path)).statusCode).toBe(404);
    const secret = /icf_[\w-]+/.exec(path)![0];
    const logged = logLines.filter((l) => l.includes('/calendar/'));
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(JSON.parse(line).route).toBe('/calendar/:secret.ics');
    expect(logLines.join('\n')).not.toContain(secret);
  });

  it('is made only from a signed-in session, never with an API token', async () => {
    const officer = await t.as('officer');
    const token = (await officer.post('/api/auth/tokens', { name: 'calendar', scope: 'read_write' })).json<{ token: string }>().token;
    const response = await t.anonymous.post('/api/auth/calendar-feed', {}, { authorization: `Bearer ${token}` });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('token_cannot_mint');
    expect((await t.anonymous.post('/api/auth/calendar-feed')).statusCode).toBe(401);
  });
});

describe('the calendar feed\u2019s limit', () => {
  it('refuses an address that asks too often (429), wrong secrets counted too', async () => {
    const wrong = `/calendar/icf_${'B'.repeat(43)}.ics`;
    let status = 0;
    let sent = 0;
    while (sent <= FEED_REQUESTS_PER_MINUTE && status !== 429) {
      status = (await t.anonymous.get(wrong)).statusCode;
      sent++;
    }
    expect(status).toBe(429);
    expect(sent).toBeLessThanOrEqual(FEED_REQUESTS_PER_MINUTE + 1);
  });
});
