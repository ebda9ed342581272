import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, PASSWORD, signInAs, startTestServer, TEST_ROLES, type TestServer } from '../test/harness.ts';
import { makeFixtures, type Fixtures } from '../test/fuzz/fixtures.ts';
import { casesOf, type Group } from '../test/fuzz/cases.ts';
import { plan, planRouteLevel, type Hostile, type Planned, type RouteIds } from '../test/fuzz/requests.ts';
import { routesOf, type RouteSpec } from '../test/fuzz/routes.ts';
import { writeWatch } from '../test/fuzz/write-digest.ts';
import { RECORD_KINDS } from '../../shared/kinds/record-kinds.ts';

/** The body fields of the record kinds that name an institution (`hospitalId`): they get the sweep's institution. */
const INSTITUTION_FIELDS = new Set(RECORD_KINDS.flatMap((kind) => kind.fields.filter((f) => f.type.is === 'institution').map((f) => f.name)));

// Issue 15, "A fuzz sweep that keeps it so": generated from /api/openapi.json, every route and
// every parameter and body field is sent values hostile for its type (NUL, lone surrogates,
// 1 MB strings, huge and negative numbers, NaN-like text, wrong types, 10,000-deep nesting,
// bidi controls, SQL, markup, impossible dates), and every write route bodies of the wrong
// shape, size and encoding, by every role in turn. No answer may be a 500 or take over 2 s;
// a value the published schema refuses must be refused; a refused write must leave every
// table as it was; the server's memory must stay within its budget.

/** The slowest answer allowed. */
const SLOW_MS = 2_000;
/** Growth allowed over the run, after a full garbage collection at each end. */
const HEAP_BUDGET_MB = 64;
const RSS_BUDGET_MB = 256;
/** Growth allowed at the highest RSS sampled during the run (garbage of megabyte requests not yet collected). */
const PEAK_RSS_BUDGET_MB = 1024;
/** The sweep must at least send this many requests, and see this many refused: it cannot quietly shrink to nothing. */
const MIN_REQUESTS = 10_000;
const MIN_REFUSED = 8_000;

type Caller = 'anonymous' | 'viewer' | 'leader' | 'coordinatorA' | 'coordinatorB' | 'officer' | 'admin' | 'token';
const CALLERS: Caller[] = ['anonymous', 'viewer', 'leader', 'coordinatorA', 'coordinatorB', 'officer', 'admin', 'token'];
/** Who resends a request the rotating caller may not make, so that every case also reaches validation and the service. */
const ALLOWED_FALLBACK: Caller[] = ['officer', 'coordinatorA', 'token', 'admin'];
/** Routes that end or change the caller's own session: sent as a user of the sweep's own, signed in again as needed. */
const SELF_ROUTES = new Set(['/api/auth/sign-out', '/api/auth/sign-out-everywhere', '/api/auth/password']);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const memory = () => {
  gc();
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapMb: heapUsed / 2 ** 20, rssMb: rss / 2 ** 20 };
};

let t: TestServer;
let ids: Fixtures;
let selfEmail: string;
let selfPassword = PASSWORD;
let selfHeaders: Record<string, string> | null = null;
const callerHeaders = new Map<Caller, Record<string, string>>();
const versions = new Map<string, number>();
let routes: RouteSpec[];
/** The path of the officer's calendar feed: the feed's valid requests read it (its secret is the only credential it takes). */
let feedSecret: string;

beforeAll(async () => {
  t = await startTestServer();
  ({ ids, selfEmail } = await makeFixtures(t));
  const officer = await t.as('officer');
  // A first token, so that the sweep's own is not id 1 (an id like "1e0" read as 1 must not revoke it).
  await officer.post('/api/auth/tokens', { name: 'decoy' });
  const token = (await officer.post('/api/auth/tokens', { name: 'fuzz' })).json<{ token: string }>().token;
  feedSecret = /\/calendar\/(icf_[\w-]+)\.ics/.exec((await officer.post('/api/auth/calendar-feed')).json<{ path: string }>().path)![1]!;
  callerHeaders.set('anonymous', {});
  callerHeaders.set('token', { authorization: `Bearer ${token}` });
  for (const role of TEST_ROLES) {
    const { cookie, csrf } = await signInAs(t.app, emailOf(role));
    callerHeaders.set(role, { cookie, 'x-csrf-token': csrf });
  }
  const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  routes = routesOf(doc.json());
}, 120_000);
afterAll(async () => t?.close());

/** The ids the sweep's valid requests name: its own records, all of unit A. */
const routeIds: RouteIds = {
  path(route, name) {
    if (name === 'key') return 'conference.majorForeignParticipants';
    if (name === 'secret') return feedSecret;
    if (name === 'kind' && route.url.includes('/document')) return 'appointment_letter';
    if (name === 'lang') return 'en';
    // A partner's SCHAC code: the fixtures set no SCHAC code of ours, so a pull is refused before it reaches out (nothing stored).
    if (name === 'heiId') return 'ki.se';
    if (name === 'fileId') return String(ids.files);
    if (name === 'attendeeId') return String(ids.attendees);
    if (name === 'documentId') return String(route.url.startsWith('/api/people/') ? ids['expert-documents'] : ids.documents);
    if (route.url === '/api/auth/tokens/:id') return '999999';
    // No partner's EWP key is registered by the fixtures: its removal answers 404.
    if (route.url === '/api/ewp/partner-keys/:id') return '999999';
    // No import is committed by the fixtures: the import's record and its undo answer 404.
    if (route.url.startsWith('/api/imports/history/')) return '999999';
    // Nor is a draft uploaded: a draft's reads and writes answer 404 (a draft is its uploader's alone).
    if (route.url.startsWith('/api/imports/drafts/')) return '999999';
    if (route.url === '/api/people/:id/erase') return String(ids.erasable);
    const kind = route.url.split('/')[route.url.startsWith('/api/ledger/') ? 3 : 2]!;
    const id = ids[kind];
    if (id === undefined) throw new Error(`no record for ${route.url}: teach the sweep's fixtures`);
    return String(id);
  },
  body(name) {
    if (/^(unitId|hostUnitId|parentId)$/.test(name)) return t.units.a;
    if (/^(institutionId|hostInstitutionId|awardingInstitutionId)$/.test(name) || INSTITUTION_FIELDS.has(name)) return ids.institutions;
    if (name === 'personId' || name === 'memberId') return ids.people;
    const kind = { opportunityId: 'exchange-opportunities', cohortId: 'programme-cohorts', appointmentId: 'appointments', agreementId: 'agreements', programmeId: 'programmes' }[name];
    return kind ? ids[kind] : undefined;
  },
};

const versionOf = (key: string | null) => (key ? (versions.get(key) ?? 1) : 1);

interface Sent {
  caller: Caller | 'self';
  status: number;
  ms: number;
  body: string;
}

async function headersOfSelf(): Promise<Record<string, string>> {
  if (!selfHeaders) {
    const { cookie, csrf } = await signInAs(t.app, selfEmail, selfPassword);
    selfHeaders = { cookie, 'x-csrf-token': csrf };
  }
  return selfHeaders;
}

async function send(p: Planned, caller: Caller | 'self'): Promise<Sent> {
  const auth = caller === 'self' ? await headersOfSelf() : callerHeaders.get(caller)!;
  const started = performance.now();
  const response = await t.app.inject({
    method: p.route.method,
    url: p.url,
    headers: { ...auth, ...p.headers },
    ...(p.payload !== undefined ? { payload: p.payload } : {}),
  });
  const ms = performance.now() - started;
  return { caller, status: response.statusCode, ms, body: response.body };
}

/** Keeps the version of the record a write names current: from a 2xx answer, or from a 409's current record. */
function learnVersion(p: Planned, sent: Sent): void {
  if (!p.recordKey || !sent.body.startsWith('{')) return;
  try {
    const json = JSON.parse(sent.body) as { id?: number; version?: number; error?: { current?: { id?: number; version?: number } } };
    const id = Number(p.recordKey.split('/').pop());
    const row = sent.status === 409 ? json.error?.current : sent.status < 300 ? json : undefined;
    if (typeof row?.version === 'number' && (row.id === id || p.recordKey.startsWith('/api/settings/'))) versions.set(p.recordKey, row.version);
  } catch {
    // Not JSON: nothing to learn.
  }
}

/** Whether the caller was refused the right to make the request at all (not a wrong password, which the service answers). */
const refusedRight = (sent: Sent) => (sent.status === 401 || sent.status === 403) && /"code":"(unauthenticated|forbidden|csrf_invalid)"/.test(sent.body);

/** Whether an answer names `field` among its bad fields (or a part of it, or the whole it belongs to). */
function names(body: string, field: { location: string; name: string }): boolean | null {
  try {
    const fields = (JSON.parse(body) as { error?: { fields?: Array<{ field: string }> } }).error?.fields;
    if (!fields?.length) return null;
    return fields.some((f) => f.field === field.name || f.field.startsWith(`${field.name}.`) || field.name.startsWith(`${f.field}.`));
  } catch {
    return null;
  }
}

describe('fuzz sweep from the OpenAPI document', () => {
  it('answers every hostile request without a 500, in time, refusing what the schema refuses and writing nothing when it refuses', async () => {
    const started = performance.now();
    const before = memory();
    let peakRssMb = before.rssMb;
    const failures: string[] = [];
    const fail = (p: Planned, sent: Sent, problem: string) =>
      failures.push(`${p.route.method} ${p.route.url} ${p.label} ${p.cls} as ${sent.caller} → ${sent.status} ${Math.round(sent.ms)} ms: ${problem} ${sent.body.slice(0, 160)}`);
    const digest = await writeWatch(t.db);
    let requests = 0;
    let refused = 0;
    let accepted = 0;
    const sentValues = new Set<string>();
    const reachedValues = new Set<string>();
    const documented = new Set(routes.map((r) => `${r.method} ${r.url}`));
    const registered = t.routes.map((r) => `${r.method} ${r.url}`).filter((r) => r !== 'GET /api/openapi.json');
    expect(registered.filter((r) => !documented.has(r)), 'routes missing from the OpenAPI document').toEqual([]);
    const only = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : null;
    // Reads first, then writes, deletes last: a delete that goes through cannot take a record from the cases after it.
    const order = { GET: 0, POST: 1, PATCH: 2, DELETE: 3 } as const;
    const sorted = [...routes].filter((r) => !only || only.test(`${r.method} ${r.url}`)).sort((a, b) => order[a.method] - order[b.method]);
    let turn = 0;
    let watchMs = 0;
    const timing = new Map<string, { n: number; ms: number }>();

    /** Sends one request by the caller whose turn it is (and, if refused the right, by one who has it); checks every answer. */
    async function sendChecked(route: RouteSpec, p: Planned, denied: Set<Caller>): Promise<Sent> {
      const write = route.method !== 'GET';
      const self = SELF_ROUTES.has(route.url);
      // Each caller tries each route; one refused the right once is not asked again on that route.
      let caller: Caller | 'self' = 'self';
      if (!self) {
        do caller = CALLERS[turn++ % CALLERS.length]!;
        while (denied.has(caller) && denied.size < CALLERS.length);
      }
      let last: Sent | null = null;
      for (let attempt = 0; attempt < 3; attempt++) {
        const d0 = performance.now();
        // A fresh sign-in of the sweep's own user writes a session: before the watch starts, not during the request.
        if (caller === 'self') await headersOfSelf();
        if (write) await digest.before();
        watchMs += performance.now() - d0;
        const sent = await send(p, caller);
        const tm = timing.get(p.cls) ?? { n: 0, ms: 0 };
        timing.set(p.cls, { n: tm.n + 1, ms: tm.ms + sent.ms });
        requests += 1;
        last = sent;
        if (sent.status >= 500) fail(p, sent, 'server error');
        if (sent.ms > SLOW_MS) fail(p, sent, 'too slow');
        if (sent.status === 415 && sent.body.includes('"validation_failed"')) fail(p, sent, '415 coded validation_failed');
        if (sent.status < 400) {
          accepted += 1;
          if (p.mustRefuse && p.fields.length <= 1) fail(p, sent, 'accepted a value the schema refuses');
          if (write) digest.wrote();
        } else {
          refused += 1;
          if (write) {
            const d1 = performance.now();
            const change = await digest.after();
            watchMs += performance.now() - d1;
            if (change) fail(p, sent, `refused, yet wrote: ${change}`);
          }
        }
        if (write) learnVersion(p, sent);
        if (self && (route.url !== '/api/auth/password' || sent.status < 300)) {
          // Signed out, or the password changed (to the value sent): sign in afresh for the next case.
          if (route.url === '/api/auth/password' && sent.status < 300) selfPassword = JSON.parse(String(p.payload)).newPassword;
          selfHeaders = null;
          digest.wrote();
        }
        if (!refusedRight(sent) || self) break;
        if (caller !== 'self') denied.add(caller);
        caller = attempt === 0 ? ALLOWED_FALLBACK.find((c) => !denied.has(c)) ?? 'admin' : 'admin';
      }
      if (requests % 200 === 0) peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 2 ** 20);
      return last!;
    }

    /** Sends a group of hostile values; splits it when the answer does not account for each value. */
    async function runGroup(route: RouteSpec, group: Group, denied: Set<Caller>): Promise<void> {
      const p = plan(route, group.hostile, routeIds, versionOf);
      const sent = await sendChecked(route, p, denied);
      const keys = group.hostile.map((h) => `${route.method} ${route.url} ${h.field.location}:${h.field.name} ${h.value.cls}`);
      for (const k of keys) sentValues.add(k);
      const authorized = !refusedRight(sent);
      if (group.hostile.length === 1) {
        if (authorized) reachedValues.add(keys[0]!);
        return;
      }
      let split: Hostile[] = [];
      if (!authorized) split = group.hostile;
      else if (group.allowed) split = sent.status < 400 && sent.ms <= SLOW_MS ? [] : group.hostile;
      else {
        // Refused: each value must be named among the bad fields, or be tried alone.
        split = group.hostile.filter((h) => names(sent.body, h.field) !== true);
        if (sent.status < 400) fail(p, sent, 'accepted values the schema refuses');
      }
      group.hostile.forEach((h, i) => {
        if (!split.includes(h)) reachedValues.add(keys[i]!);
      });
      for (const h of split) await runGroup(route, { allowed: group.allowed, hostile: [h] }, denied);
    }

    for (const route of sorted) {
      const denied = new Set<Caller>();
      for (const group of casesOf(route)) await runGroup(route, group, denied);
      const routeLevel = planRouteLevel(route, routeIds, versionOf).length;
      // Planned when sent, so that each carries the record's version as it stands then.
      for (let i = 0; i < routeLevel; i++) {
        const p = planRouteLevel(route, routeIds, versionOf)[i]!;
        const key = `${route.method} ${route.url} ${p.label} ${p.cls}`;
        sentValues.add(key);
        const sent = await sendChecked(route, p, denied);
        if (!refusedRight(sent)) reachedValues.add(key);
      }
    }

    if (process.env.FUZZ_PROGRESS) console.log(`watch ${Math.round(watchMs)} ms`, [...timing].sort((a, b) => b[1].ms - a[1].ms).map(([k, v]) => `${k}:${v.n}/${Math.round(v.ms)}ms`).join(' '));
    // Still up: the server answers, and its database too.
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await t.db.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    const after = memory();
    const seconds = (performance.now() - started) / 1000;
    const unreached = [...sentValues].filter((k) => !reachedValues.has(k));
    console.log(
      `fuzz sweep (${process.env.INTERCHANGE_TEST_ENGINE ?? 'embedded'}): ${sorted.length} routes, ${sentValues.size} hostile values and whole-request cases, ${requests} requests, ` +
        `${refused} refused with 4xx, ${accepted} accepted, ${failures.length} failures, ${seconds.toFixed(1)} s; ` +
        `heap ${before.heapMb.toFixed(0)} → ${after.heapMb.toFixed(0)} MB, RSS ${before.rssMb.toFixed(0)} → ${after.rssMb.toFixed(0)} MB (peak ${peakRssMb.toFixed(0)} MB)`,
    );
    if (process.env.FUZZ_PROGRESS) console.log(failures.join('\n'));
    expect(failures.slice(0, 80), `${failures.length} failures`).toEqual([]);
    expect(unreached.slice(0, 20), 'cases no caller could send past authorization').toEqual([]);
    if (!only) {
      expect(requests).toBeGreaterThan(MIN_REQUESTS);
      expect(refused).toBeGreaterThan(MIN_REFUSED);
    }
    expect(after.heapMb - before.heapMb, 'heap growth, MB').toBeLessThan(HEAP_BUDGET_MB);
    expect(after.rssMb - before.rssMb, 'RSS growth, MB').toBeLessThan(RSS_BUDGET_MB);
    expect(peakRssMb - before.rssMb, 'peak RSS growth, MB').toBeLessThan(PEAK_RSS_BUDGET_MB);
  }, 600_000);
});

