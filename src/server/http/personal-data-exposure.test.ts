import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { startTestServer, type TestRole, type TestServer } from '../test/harness.ts';
import { appointmentBody, personBody, visitBody } from '../test/factories.ts';
import { withRequiredQuery } from '../test/route-queries.ts';

/**
 * Passport numbers, birth dates and the numbers of an expert's papers reach admins and
 * officers only: no other role finds them in any response or export of any GET route the
 * server registers (swept from its route table), no log line holds them, and no table of the
 * database holds them in clear.
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
