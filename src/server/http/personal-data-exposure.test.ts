import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { startTestServer, type TestRole, type TestServer } from '../test/harness.ts';
import { appointmentBody, institutionBody, missionBody, personBody, visitBody } from '../test/factories.ts';
import { withRequiredQuery } from '../test/route-queries.ts';
import { editableField, firstStep, recordKindBody } from '../test/record-kind-samples.ts';
import { RECORD_KINDS } from '../../shared/kinds/record-kinds.ts';

/**
 * Passport numbers, birth dates and the numbers of an expert's papers reach admins and
 * officers only: no other role finds them in any response or export of any GET route the
 * server registers, nor in the current record a refused write answers with (a stale PATCH,
 * workflow step, renewal or delete), both swept from its route table; no log line holds them,
 * and no table of the database holds them in clear.
 */
const PASSPORT = 'E98765432';
const BIRTH_DATE = '1961-07-23';
const PERMIT = 'WP5550123';
const SECRETS = [PASSPORT, BIRTH_DATE, PERMIT];

const logLines: string[] = [];
let t: TestServer;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestServer({ logStream: { write: (line) => void logLines.push(line) } });
  const officer = await t.as('officer');
  const person = await officer.post('/api/people', personBody({ familyName: 'Secretholder', unitId: t.units.a, passportNumber: PASSPORT, birthDate: BIRTH_DATE }));
  expect(person.statusCode, person.body).toBe(201);
  const personId: number = person.json().id;
  ids.people = personId;
  let visit = (await officer.post('/api/visits', visitBody(t.units.a, [personId]))).json();
  for (const to of ['approved', 'held']) visit = (await officer.post(`/api/visits/${visit.id}/transitions`, { to, version: visit.version })).json();
  ids.visits = visit.id;
  ids.appointments = (await officer.post('/api/appointments', appointmentBody(personId, t.units.a))).json().id;
  const permit = await officer.post(`/api/people/${ids.people}/expert-documents`, { kind: 'work_permit', number: PERMIT, expiresOn: '2027-03-31' });
  expect(permit.statusCode, permit.body).toBe(201);
  ids.documents = permit.json().id;
  ids.missions = (await officer.post('/api/missions', missionBody(t.units.a, [personId]))).json().id;
  const student = { personId, level: 'bachelor', programmeEn: 'MBBS', unitId: t.units.a, countryCode: 'FR', admittedOn: '2020-07-01' };
  ids.students = (await officer.post('/api/students', student)).json().id;
  ids.honours = (await officer.post('/api/honours', { personId, kind: 'prize', nameEn: 'Secret Prize', conferredOn: '2020-01-01' })).json().id;
  const host = (await officer.post('/api/institutions', institutionBody())).json().id;
  const opportunity = { titleEn: 'Secret exchange', kind: 'summer_school', hostInstitutionId: host, places: 4, academicYear: 2024, unitId: t.units.a };
  const opportunityId = (await officer.post('/api/exchange-opportunities', opportunity)).json().id;
  ids['exchange-applications'] = (await officer.post('/api/exchange-applications', { opportunityId, personId, appliedOn: '2024-03-01', score: 80 })).json().id;
  for (const kind of RECORD_KINDS) ids[kind.path] = (await officer.post(`/api/${kind.path}`, recordKindBody(kind, { unitId: t.units.a, institutionId: host }))).json().id;
  // Each record saved once more, so that version 1 is stale for all of them.
  const edited = (url: string) => RECORD_KINDS.find((kind) => url.startsWith(`/api/${kind.path}/`));
  for (const url of [...writeRecords(), `/api/people/${ids.people}/expert-documents/${ids.documents}`]) {
    const version: number = url.includes('/expert-') ? 1 : (await officer.get(url)).json().version;
    const kind = edited(url);
    // a field each kind has: a save that changes nothing writes nothing, and would leave version 1 current
    const edit = kind
      ? { [editableField(kind)]: 'Saved again' }
      : url.includes('/people/') && !url.includes('/expert-')
        ? { title: 'Dr' }
        : url.includes('/honours/')
          ? { citation: 'Saved again' }
          : { notes: 'Saved again' };
    const saved = await officer.patch(url, { ...edit, version });
    expect(saved.statusCode, `${url}: ${saved.body}`).toBe(200);
    expect(saved.json().version, url).toBe(version + 1);
  }
  // A refused write that carries the secrets must not log them either.
  expect((await officer.patch(`/api/people/${ids.people}`, { version: 1, passportNumber: `${PASSPORT}!`, birthDate: `${BIRTH_DATE}x` })).statusCode).toBe(400);
});
afterAll(async () => t?.close());

/** The text of a response, spreadsheets as their cell values. */
async function textOf(response: LightMyRequestResponse): Promise<string> {
  if (!String(response.headers['content-type'] ?? '').includes('spreadsheetml')) return response.body;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return JSON.stringify(book.worksheets.map((sheet) => sheet.getSheetValues()));
}

/** Every GET route, its ids filled with the secret holder's records, in each format it offers. */
function targets(): string[] {
  const urls: string[] = [];
  for (const route of t.routes.filter((r) => r.method === 'GET')) {
    const kind = route.url.split('/')[2]!;
    if (route.url.includes(':') && !(/^\/api\/[a-z-]+\/:id$/.test(route.url) || route.url.startsWith('/api/people/:id/'))) continue;
    if (route.url.includes(':id') && ids[kind] === undefined) continue;
    const url = withRequiredQuery(route.url.replace(':id', String(ids[kind])), 'Secretholder');
    urls.push(url, `${url}${url.includes('?') ? '&' : '?'}format=csv`, `${url}${url.includes('?') ? '&' : '?'}format=xlsx`);
  }
  return urls;
}

/** The records of the secret holder that writes are swept over. */
function writeRecords(): string[] {
  return ['people', 'visits', 'appointments', 'missions', 'students', 'honours', 'exchange-applications', ...RECORD_KINDS.map((k) => k.path)].map((kind) => `/api/${kind}/${ids[kind]}`);
}

/** A step each kind's workflow knows, so that the body is valid and only its version is wrong. */
const STEP: Record<string, string> = {
  visits: 'cancelled', missions: 'cancelled', appointments: 'revoked', students: 'withdrawn', 'exchange-applications': 'withdrawn',
  ...Object.fromEntries(RECORD_KINDS.map((kind) => [kind.path, firstStep(kind)])),
};

/**
 * Every PATCH, DELETE and workflow POST (…/transitions, …/renewal) route on the secret
 * holder's records, each sent at the stale version 1.
 */
function staleWrites(): Array<{ method: 'PATCH' | 'POST' | 'DELETE'; url: string; body?: unknown }> {
  const writes: Array<{ method: 'PATCH' | 'POST' | 'DELETE'; url: string; body?: unknown }> = [];
  for (const route of t.routes) {
    const kind = route.url.split('/')[2]!;
    const workflow = route.method === 'POST' && /\/:id\/(transitions|renewal)$/.test(route.url);
    if (!(route.method === 'PATCH' || route.method === 'DELETE' || workflow) || ids[kind] === undefined) continue;
    if (!/^\/api\/[a-z-]+\/:id(\/(transitions|renewal))?$/.test(route.url) && route.url !== '/api/people/:id/expert-documents/:documentId') continue;
    const url = route.url.replace(':id', String(ids[kind])).replace(':documentId', String(ids.documents));
    if (route.method === 'DELETE') writes.push({ method: 'DELETE', url: `${url}?version=1` });
    else if (route.url.endsWith('/transitions')) writes.push({ method: 'POST', url, body: { to: STEP[kind], version: 1 } });
    else writes.push({ method: route.method as 'PATCH' | 'POST', url, body: { version: 1 } });
  }
  return writes;
}

/**
 * What `role` finds in the answers to stale writes: a secret, or a personal field at all
 * (absent, not masked, for roles that may not see it). `conflicts` counts the 409s.
 */
async function secretsInConflictsOf(role: TestRole): Promise<{ found: string[]; conflicts: number }> {
  const c = await t.as(role);
  const found: string[] = [];
  let conflicts = 0;
  for (const { method, url, body } of staleWrites()) {
    const response = method === 'DELETE' ? await c.delete(url) : method === 'PATCH' ? await c.patch(url, body) : await c.post(url, body);
    if (response.statusCode === 409) conflicts++;
    for (const secret of SECRETS) if (response.body.includes(secret)) found.push(`${secret} in ${method} ${url}`);
    for (const field of ['passportNumber', 'birthDate', 'number']) if (response.body.includes(`"${field}":`)) found.push(`${field} in ${method} ${url}`);
  }
  return { found, conflicts };
}

/** The secrets found in what `role` can read over every GET route. */
async function secretsSeenBy(role: TestRole): Promise<string[]> {
  const c = await t.as(role);
  const found: string[] = [];
  for (const url of targets()) {
    const response = await c.get(url);
    if (response.statusCode !== 200) continue;
    const text = await textOf(response);
    for (const secret of SECRETS) if (text.includes(secret)) found.push(`${secret} in ${url}`);
  }
  return found;
}

describe('personal data', () => {
  it('reaches no response or export of any GET route for the roles that may not see it', async () => {
    for (const role of ['viewer', 'leader', 'coordinatorA', 'coordinatorB'] as const) expect(await secretsSeenBy(role), role).toEqual([]);
  });

  it('reaches an officer, so the sweep above would have found it', async () => {
    const seen = await secretsSeenBy('officer');
    for (const secret of SECRETS) expect(seen.some((s) => s.startsWith(`${secret} in /api/people/${ids.people}`)), secret).toBe(true);
  });

  it('reaches no 409 answer to a stale PATCH, workflow step, renewal or delete for the roles that may not see it', async () => {
    expect(staleWrites().length).toBeGreaterThan(15);
    for (const role of ['viewer', 'leader', 'coordinatorA', 'coordinatorB'] as const) expect((await secretsInConflictsOf(role)).found, role).toEqual([]);
    // Coordinator A reaches every one of these records: each write was refused for its version alone.
    expect((await secretsInConflictsOf('coordinatorA')).conflicts).toBe(staleWrites().length);
  });

  it('reaches an officer in the 409 answer to a stale save, so the sweep above would have found it', async () => {
    const { found } = await secretsInConflictsOf('officer');
    for (const secret of SECRETS) expect(found.filter((s) => s.startsWith(`${secret} in PATCH /api/people/${ids.people}`)), secret).not.toEqual([]);
  });

  it('is in no log line', () => {
    expect(logLines.length).toBeGreaterThan(10);
    for (const secret of SECRETS) expect(logLines.filter((line) => line.includes(secret)), secret).toEqual([]);
  });

  it('is in no table of the database in clear, the audit log included', async () => {
    const { rows: tables } = await t.db.query<{ name: string }>(`SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    expect(tables.map((r) => r.name)).toEqual(expect.arrayContaining(['people', 'audit_log', 'expert_documents']));
    for (const { name } of tables) {
      for (const secret of SECRETS) {
        const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name} AS r WHERE r::text LIKE '%' || $1 || '%'`, [secret]);
        expect(rows[0]!.n, `${secret} in ${name}`).toBe(0);
      }
    }
  });
});
