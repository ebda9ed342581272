import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_RULES, type FieldKind } from '../../shared/field-policies.ts';
import { roleMay, type Entity } from '../../shared/policies.ts';
import { ROLES, type Role } from '../../shared/roles.ts';
import { startTestServer, succeeded, type Client, type TestRole, type TestServer } from '../test/harness.ts';
import { appointmentBody, missionBody, personBody } from '../test/factories.ts';

/**
 * Field rights (issue 15, finding 6), swept from FIELD_RULES and the route table: for every
 * protected field of every kind, every role that may write the record but not the field is
 * refused a create and a PATCH naming the field — with a value, with "" and with null, since
 * an empty value erases — and nothing is written; the roles that may write it can. A closed
 * mission's approval number is refused to everyone. A kind whose routes are not taught here
 * fails the coverage check.
 */
interface KindCase {
  /** The entity of its routes' policy: who may write the record at all. */
  entity: Entity;
  /** A fresh record's create URL and valid body, with none of the protected fields. */
  fresh(): Promise<{ url: string; body: Record<string, unknown> }>;
  /** The created record's PATCH URL. */
  patchUrl(created: { id: number }, createUrl: string): string;
  /** The record as the office reads it (personal data shown), to compare before and after. */
  read(created: { id: number }, createUrl: string): Promise<Record<string, unknown>>;
  /** The table whose rows a create adds. */
  table: string;
  /** A valid value of each protected field, different from a fresh record's. */
  values: Record<string, unknown>;
}

let t: TestServer;
let officer: Client;
let unitAPerson = 0;
let serial = 0;

const ok = succeeded<{ id: number; version: number } & Record<string, unknown>>;
const rowCount = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

/** A person of unit A with an appointment of unit A, whose documents coordinator A reaches. */
async function expertOfUnitA(): Promise<{ personId: number; appointmentId: number }> {
  const person = await ok(officer.post('/api/people', personBody({ unitId: t.units.a })));
  const appointment = await ok(officer.post('/api/appointments', appointmentBody(person.id, t.units.a)));
  return { personId: person.id, appointmentId: appointment.id };
}

const CASES: Record<FieldKind, KindCase> = {
  person: {
    entity: 'person',
    fresh: async () => ({ url: '/api/people', body: { ...personBody({ unitId: t.units.a }) } }),
    patchUrl: (row) => `/api/people/${row.id}`,
    read: async (row) => (await officer.get(`/api/people/${row.id}`)).json(),
    table: 'people',
    values: { passportNumber: 'E12345678', birthDate: '1970-01-02' },
  },
  expert_document: {
    entity: 'appointment',
    fresh: async () => {
      const { personId, appointmentId } = await expertOfUnitA();
      return { url: `/api/people/${personId}/expert-documents`, body: { kind: 'work_permit', appointmentId, expiresOn: '2030-01-01' } };
    },
    patchUrl: (row, url) => `${url}/${row.id}`,
    read: async (row, url) => ((await officer.get(url)).json() as Array<{ id: number }>).find((d) => d.id === row.id)!,
    table: 'expert_documents',
    values: { number: 'WP-2024-0001' },
  },
  mission: {
    entity: 'mission',
    fresh: async () => ({ url: '/api/missions', body: { ...missionBody(t.units.a, [unitAPerson]) } }),
    patchUrl: (row) => `/api/missions/${row.id}`,
    read: async (row) => (await officer.get(`/api/missions/${row.id}`)).json(),
    table: 'missions',
    values: { approvalDocumentNo: 'SJTUSM-2024-666' },
  },
  honour: {
    entity: 'honour',
    fresh: async () => ({ url: '/api/honours', body: { personId: unitAPerson, kind: 'prize', nameEn: `Field Prize ${++serial}`, conferredOn: '2020-01-01' } }),
    patchUrl: (row) => `/api/honours/${row.id}`,
    read: async (row) => (await officer.get(`/api/honours/${row.id}`)).json(),
    table: 'honours',
    values: { notable: true },
  },
};

/** The test user acting in each role: coordinators act on their own unit's (A's) records. */
const ACTING: Record<Role, TestRole> = { admin: 'admin', officer: 'officer', coordinator: 'coordinatorA', leader: 'leader', viewer: 'viewer' };
const EMPTY_VALUES: ReadonlyArray<[string, (value: unknown) => unknown]> = [
  ['a value', (value) => value],
  ['an empty string', () => ''],
  ['null', () => null],
];

/** Each protected field with the roles that may write its record, split by whether they may write the field. */
const FIELDS = (Object.keys(FIELD_RULES) as FieldKind[]).flatMap((kind) =>
  Object.entries(FIELD_RULES[kind]).map(([field, rule]) => {
    const recordWriters = ROLES.filter((role) => roleMay(role, CASES[kind].entity, 'create') && roleMay(role, CASES[kind].entity, 'update'));
    const writers = recordWriters.filter((role) => !rule.writers || rule.writers.includes(role));
    return { kind, field, writers, refused: recordWriters.filter((role) => !writers.includes(role)) };
  }),
);

beforeAll(async () => {
  t = await startTestServer();
  officer = await t.as('officer');
  unitAPerson = (await ok(officer.post('/api/people', personBody({ unitId: t.units.a })))).id;
});
afterAll(async () => t?.close());

describe('field rights: the sweep over every protected field of every kind', () => {
  it('teaches every kind of FIELD_RULES, whose create and PATCH routes declare it', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(FIELD_RULES).sort());
    for (const kind of Object.keys(FIELD_RULES)) {
      const routes = t.routes.filter((r) => r.fieldRights === kind).map((r) => r.method);
      expect(routes.sort(), kind).toEqual(['PATCH', 'POST']);
    }
  });

  it('finds every create or PATCH route whose body names a protected field declaring that kind', async () => {
    // A transition carries a mission's approval number only with the approval, an office-only step (403 for others).
    const exempt = new Set(['POST /api/missions/{id}/transitions']);
    const document = (await officer.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>> };
    const declared = new Map(t.routes.filter((r) => r.fieldRights).map((r) => [`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`, r.fieldRights]));
    const undeclared: string[] = [];
    const found = new Set<string>();
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const properties = Object.keys(operation.requestBody?.content?.['application/json']?.schema?.properties ?? {});
        const route = `${method.toUpperCase()} ${path}`;
        for (const kind of Object.keys(FIELD_RULES) as FieldKind[]) {
          const named = properties.filter((p) => p in FIELD_RULES[kind]);
          // `number` is a common word: only a body with a document's kind is an expert document.
          if (kind === 'expert_document' && !properties.includes('kind')) continue;
          if (named.length) found.add(route);
          if (named.length && !exempt.has(route) && declared.get(route) !== kind) undeclared.push(`${route}: ${named.join(', ')} (${kind})`);
        }
      }
    }
    expect(undeclared).toEqual([]);
    // The scan reads the bodies: it sees the protected fields of the routes that declare them.
    expect([...found].sort()).toEqual([...declared.keys(), ...exempt].sort());
  });

  let refusals = 0;
  for (const { kind, field, writers, refused } of FIELDS) {
    for (const role of refused) {
      for (const [label, valueOf] of EMPTY_VALUES) {
        it(`${kind}.${field}: ${role} may not create with ${label}; nothing is written`, async () => {
          const c = CASES[kind];
          const as = await t.as(ACTING[role]);
          const { url, body } = await c.fresh();
          const before = await rowCount(c.table);
          const response = await as.post(url, { ...body, [field]: valueOf(c.values[field]) });
          expect(response.statusCode, response.body).toBe(403);
          expect(response.json().error).toMatchObject({ code: 'field_not_writable', fields: [expect.objectContaining({ field })] });
          expect(await rowCount(c.table)).toBe(before);
        });

        it(`${kind}.${field}: ${role} may not PATCH it with ${label}; the record is unchanged`, async () => {
          const c = CASES[kind];
          const as = await t.as(ACTING[role]);
          const { url, body } = await c.fresh();
          const row = await ok(officer.post(url, { ...body, [field]: c.values[field] }));
          const before = await c.read(row, url);
          const response = await as.patch(c.patchUrl(row, url), { [field]: valueOf(c.values[field]), version: row.version });
          // A value of the wrong type ("" or null for a flag) is refused by validation first, naming the field all the same.
          expect([400, 403], response.body).toContain(response.statusCode);
          if (label === 'a value') expect(response.json().error.code).toBe('field_not_writable');
          expect(response.json().error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
          expect(await c.read(row, url)).toEqual(before);
        });
        refusals += 2;
      }
    }

    for (const role of writers) {
      it(`${kind}.${field}: ${role} may create with it and PATCH it`, async () => {
        const c = CASES[kind];
        const as = await t.as(ACTING[role]);
        const { url, body } = await c.fresh();
        const row = await ok(as.post(url, { ...body, [field]: c.values[field] }));
        expect((await c.read(row, url))[field]).toEqual(c.values[field]);
        const other = await c.fresh();
        const fresh = await ok(as.post(other.url, other.body));
        const patched = await as.patch(c.patchUrl(fresh, other.url), { [field]: c.values[field], version: fresh.version });
        expect(patched.statusCode, patched.body).toBe(200);
        expect((await c.read(fresh, other.url))[field]).toEqual(c.values[field]);
      });
    }
  }

  it(`refuses ${refusals} field × role × value × write cases, each with the field named`, () => {
    // 5 fields, the coordinator, 3 values, create and PATCH: 30.
    expect(refusals).toBe(FIELDS.reduce((n, f) => n + f.refused.length * EMPTY_VALUES.length * 2, 0));
    expect(refusals).toBeGreaterThanOrEqual(30);
  });
});

/** A mission of unit A taken by the office through approval (with its number), travel and closing. */
async function closedMission(number: string): Promise<{ id: number; version: number }> {
  let row = await ok(officer.post('/api/missions', missionBody(t.units.a, [unitAPerson])));
  for (const step of [{ to: 'approved', approvalDocumentNo: number }, { to: 'travelled' }, { to: 'closed', report: 'Report on return.' }])
    row = await ok(officer.post(`/api/missions/${row.id}/transitions`, { ...step, version: row.version }));
  return row;
}

describe('field rights: what a state puts on file', () => {
  const frozen = (Object.keys(FIELD_RULES) as FieldKind[]).flatMap((kind) => Object.entries(FIELD_RULES[kind]).flatMap(([field, rule]) => (rule.frozenIn ?? []).map((state) => ({ kind, field, state }))));

  it('is a closed mission’s approval number, and nothing else yet (a new frozen field is taught here)', () => {
    expect(frozen).toEqual([{ kind: 'mission', field: 'approvalDocumentNo', state: 'closed' }]);
  });

  for (const role of ROLES.filter((r) => roleMay(r, 'mission', 'update'))) {
    for (const [label, valueOf] of EMPTY_VALUES) {
      it(`mission.approvalDocumentNo: ${role} may not PATCH it with ${label} once the mission is closed`, async () => {
        const row = await closedMission(`SJTUSM-2024-${++serial}`);
        const as = await t.as(ACTING[role]);
        const before = (await officer.get(`/api/missions/${row.id}`)).json();
        const response = await as.patch(`/api/missions/${row.id}`, { approvalDocumentNo: valueOf('SJTUSM-2024-999'), version: row.version });
        expect(response.statusCode, response.body).toBe(403);
        expect(response.json().error).toMatchObject({ code: 'field_not_writable', fields: [expect.objectContaining({ field: 'approvalDocumentNo' })] });
        expect((await officer.get(`/api/missions/${row.id}`)).json()).toEqual(before);
      });
    }
  }

  it('leaves the rest of a closed mission editable by its unit (its notes)', async () => {
    const row = await closedMission(`SJTUSM-2024-${++serial}`);
    const edited = await (await t.as('coordinatorA')).patch(`/api/missions/${row.id}`, { notes: 'Photos filed.', version: row.version });
    expect(edited.statusCode, edited.body).toBe(200);
  });
});

describe('field rights: the findings of the probe (issue 15, finding 6)', () => {
  it('refuses a coordinator erasing a passport number and a birth date with "", in every language, and keeps them', async () => {
    const person = await ok(officer.post('/api/people', personBody({ unitId: t.units.a, passportNumber: 'G12345678', birthDate: '1960-05-04' })));
    const coordinator = await t.as('coordinatorA');
    for (const [locale, words] of [['en', 'You may not write'], ['zh', '您无权'], ['fr', 'Vous ne pouvez pas']] as const) {
      const erased = await coordinator.patch(`/api/people/${person.id}`, { passportNumber: '', birthDate: '', version: person.version }, { 'accept-language': locale });
      expect(erased.statusCode, erased.body).toBe(403);
      expect(erased.json().error.code).toBe('field_not_writable');
      expect(erased.json().error.message).toContain(words);
      expect(erased.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['birthDate', 'passportNumber']);
    }
    expect((await officer.get(`/api/people/${person.id}`)).json()).toMatchObject({ passportNumber: 'G12345678', birthDate: '1960-05-04', version: person.version });
  });

  it('refuses a coordinator setting the approval number (批件号) on requesting a mission, and writes nothing', async () => {
    const coordinator = await t.as('coordinatorA');
    const before = await rowCount('missions');
    const response = await coordinator.post('/api/missions', missionBody(t.units.a, [unitAPerson], { approvalDocumentNo: 'FAKE-2024-1' }), { 'accept-language': 'zh' });
    expect(response.statusCode, response.body).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'field_not_writable', fields: [{ field: 'approvalDocumentNo', message: 'approvalDocumentNo: 您无权设置' }] });
    expect(await rowCount('missions')).toBe(before);
  });

  it('refuses a coordinator rewriting the approval number of their unit’s closed mission, and keeps the office’s', async () => {
    const row = await closedMission('SJTUSM-2024-118');
    const rewrite = await (await t.as('coordinatorA')).patch(`/api/missions/${row.id}`, { approvalDocumentNo: 'FAKE-2024-2', version: row.version });
    expect(rewrite.statusCode, rewrite.body).toBe(403);
    expect(rewrite.json().error.fields).toEqual([expect.objectContaining({ field: 'approvalDocumentNo' })]);
    expect((await officer.get(`/api/missions/${row.id}`)).json()).toMatchObject({ approvalDocumentNo: 'SJTUSM-2024-118', version: row.version });
  });

  it('still answers 404, not 403, when coordinator B names a protected field of unit A’s record', async () => {
    const person = await ok(officer.post('/api/people', personBody({ unitId: t.units.a, passportNumber: 'H12345678' })));
    const b = await t.as('coordinatorB');
    expect((await b.patch(`/api/people/${person.id}`, { passportNumber: '', version: person.version })).statusCode).toBe(404);
  });
});
