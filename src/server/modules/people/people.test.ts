import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { personBody } from '../../test/factories.ts';
import { replaceLedgerRows } from '../ledger/ledger.write.ts';
import { createPeople } from './people.service.ts';
import { requestContext, systemContext } from '../../core/request-context.ts';
import { parseOrThrow } from '../../core/errors.ts';
import { SYSTEM_ACTOR } from '../../policies/actor.ts';
import { PersonInput } from '../../../shared/contracts/people.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

describe('people', () => {
  it('encrypts passport numbers and birth dates at rest and shows them to admin and officer only', async () => {
    const officer = await t.as('officer');
    const created = await officer.post('/api/people', personBody({ familyName: 'Dupont', passportNumber: 'FR12AB3456', birthDate: '1971-03-09', unitId: t.units.a }));
    expect(created.statusCode).toBe(201);
    const person = created.json();
    expect(person).toMatchObject({ passportNumber: 'FR12AB3456', birthDate: '1971-03-09' });

    const raw = await t.db.query('SELECT * FROM people WHERE id = $1', [person.id]);
    const stored = JSON.stringify(raw.rows[0]);
    expect(stored).not.toContain('FR12AB3456');
    expect(stored).not.toContain('1971-03-09');
    const audit = await t.db.query('SELECT before, after FROM audit_log WHERE entity = $1 AND entity_id = $2', ['person', String(person.id)]);
    expect(JSON.stringify(audit.rows)).not.toContain('FR12AB3456');

    for (const role of ['admin', 'officer'] as const) {
      const body = (await (await t.as(role)).get(`/api/people/${person.id}`)).json();
      expect(body.passportNumber).toBe('FR12AB3456');
    }
    for (const role of ['leader', 'viewer', 'coordinatorA'] as const) {
      const c = await t.as(role);
      const one = await c.get(`/api/people/${person.id}`);
      expect(one.statusCode).toBe(200);
      expect(one.body).not.toContain('FR12AB3456');
      expect(one.body).not.toContain('1971-03-09');
      expect(one.json()).not.toHaveProperty('passportNumber');
      expect((await c.get('/api/people?q=dupont')).body).not.toContain('FR12AB3456');
    }
  });

  it('refuses personal data from roles that may not see it', async () => {
    const coordinator = await t.as('coordinatorA');
    const response = await coordinator.post('/api/people', personBody({ passportNumber: 'X1234567', unitId: t.units.a }));
    expect(response.statusCode).toBe(403);
    expect(response.json().error.fields).toEqual([expect.objectContaining({ field: 'passportNumber' })]);
  });

  it("confines a coordinator to their unit's people (and sub-units), by every path", async () => {
    const officer = await t.as('officer');
    const inA1 = (await officer.post('/api/people', personBody({ familyName: 'Inafirst', unitId: t.units.a1 }))).json();
    const inB = (await officer.post('/api/people', personBody({ familyName: 'Inbee', unitId: t.units.b }))).json();
    const a = await t.as('coordinatorA');
    expect((await a.get(`/api/people/${inA1.id}`)).statusCode).toBe(200);
    expect((await a.get(`/api/people/${inB.id}`)).statusCode).toBe(404);
    expect((await a.patch(`/api/people/${inB.id}`, { version: 1, title: 'x' })).statusCode).toBe(404);
    expect((await a.delete(`/api/people/${inB.id}?version=1`)).statusCode).toBe(404);
    const list = (await a.get('/api/people?pageSize=200')).json();
    expect(list.items.map((p: { id: number }) => p.id)).toContain(inA1.id);
    expect(list.items.map((p: { id: number }) => p.id)).not.toContain(inB.id);
    expect((await a.get('/api/people?q=inbee')).json().total).toBe(0);
    const search = (await a.get('/api/search?q=inbee')).json();
    expect(search.filter((h: { kind: string }) => h.kind === 'person')).toEqual([]);
    const audit = (await a.get('/api/audit?entity=person&pageSize=200')).json();
    expect(audit.items.map((e: { entityId: string }) => e.entityId)).not.toContain(String(inB.id));
    expect(audit.items.map((e: { entityId: string }) => e.entityId)).toContain(String(inA1.id));
    // Moving a person out of the unit, or creating one elsewhere, is refused.
    expect((await a.patch(`/api/people/${inA1.id}`, { version: 1, unitId: t.units.b })).statusCode).toBe(400);
    expect((await a.post('/api/people', personBody({ unitId: t.units.b }))).statusCode).toBe(400);
    // A coordinator's new person belongs to their unit by default.
    const own = await a.post('/api/people', personBody());
    expect(own.statusCode).toBe(201);
    expect(own.json().unitId).toBe(t.units.a);
  });

  it('finds a person by Chinese name, pinyin in any spacing or case, and traditional characters', async () => {
    const officer = await t.as('officer');
    const wang = (await officer.post('/api/people', personBody({ familyName: 'Wang', givenName: 'Zhen-yi', nameZh: '王振义', nationality: 'CN' }))).json();
    await officer.post('/api/people', personBody({ familyName: 'Wang', givenName: 'Zhenyu', nationality: 'CN' }));
    for (const q of ['王振义', 'Wang Zhenyi', 'wang zhen-yi', 'WANG Zhen Yi', '王振義', 'Zhenyi Wang']) {
      const ids = (await officer.get(`/api/people?q=${encodeURIComponent(q)}`)).json().items.map((p: { id: number }) => p.id);
      expect(ids, q).toEqual([wang.id]);
    }
  });

  it('keeps a person who has person-times in the ledger: deleting answers 409 in_use', async () => {
    const officer = await t.as('officer');
    const person = (await officer.post('/api/people', personBody({ unitId: t.units.a }))).json();
    await t.db.transaction((tx) =>
      replaceLedgerRows(tx, { module: 'fixture', id: 77 }, [
        { direction: 'inbound', who: 'visitor', personId: person.id, category: 'academic_exchange', countryCode: 'FR', institutionId: null, unitId: t.units.a, startDate: '2025-01-01', endDate: '2025-01-02' },
      ]),
    );
    const refused = await officer.delete(`/api/people/${person.id}?version=1`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('in_use');
    expect((await officer.get(`/api/people/${person.id}`)).statusCode).toBe(200);
  });

  it('answers 409 to a stale edit and keeps the first one', async () => {
    const officer = await t.as('officer');
    const person = (await officer.post('/api/people', personBody())).json();
    expect((await officer.patch(`/api/people/${person.id}`, { version: 1, title: 'Professor' })).statusCode).toBe(200);
    const stale = await officer.patch(`/api/people/${person.id}`, { version: 1, title: 'Lecturer' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.title).toBe('Professor');
  });
});

describe('people created many at once (an import)', () => {
  it('creates them in the order given, encrypted and indexed as one by one, one audit row each; a unit out of reach is refused by index, writing nothing', async () => {
    const inputs = ['Many-Alpha', 'Many-Beta', 'Many-Gamma'].map((familyName, i) =>
      parseOrThrow(PersonInput, { familyName, givenName: `G${i}`, passportNumber: `MANY${i}X`, otherNames: i === 1 ? ['Beta Other'] : [] }),
    );
    const created = await createPeople(systemContext(t.db), { inputs, cipher: t.cipher });
    expect(created.map((p) => p.familyName)).toEqual(['Many-Alpha', 'Many-Beta', 'Many-Gamma']);
    expect(created[1]!.otherNames).toEqual(['Beta Other']);
    expect(created[0]!.id).toBeLessThan(created[2]!.id);
    const stored = await t.db.query<{ passport_enc: string; passport_index: string }>('SELECT passport_enc, passport_index FROM people WHERE id = ANY($1::bigint[]) ORDER BY id', [created.map((p) => p.id)]);
    expect(stored.rows.map((r) => t.cipher.decrypt(r.passport_enc))).toEqual(['MANY0X', 'MANY1X', 'MANY2X']);
    expect(stored.rows.map((r) => r.passport_index)).toEqual(['MANY0X', 'MANY1X', 'MANY2X'].map((n) => t.cipher.index(n)));
    const audit = await t.db.query<{ entity_id: string }>(`SELECT entity_id, after FROM audit_log WHERE entity = 'person' AND action = 'create' AND entity_id = ANY($1::text[])`, [created.map((p) => String(p.id))]);
    expect(audit.rows.map((r) => Number(r.entity_id)).sort((a, b) => a - b)).toEqual(created.map((p) => p.id));
    expect(JSON.stringify(audit.rows)).not.toContain('MANY1X');

    // A coordinator of unit A naming unit B for the second person: refused by its index, nobody written.
    const ctx = requestContext({ ...SYSTEM_ACTOR, userId: t.userIds.coordinatorA, role: 'coordinator', unitId: t.units.a }, t.db);
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM people')).rows[0]!.n;
    const refused = createPeople(ctx, {
      inputs: [parseOrThrow(PersonInput, { familyName: 'Many-Delta', unitId: t.units.a }), parseOrThrow(PersonInput, { familyName: 'Many-Epsilon', unitId: t.units.b })],
      cipher: t.cipher,
    });
    await expect(refused).rejects.toMatchObject({ extra: { fields: [{ field: '1.unitId', reason: 'not_allowed' }] } });
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM people')).rows[0]!.n).toBe(before);
  });
});
