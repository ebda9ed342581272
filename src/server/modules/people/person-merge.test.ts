import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, succeeded, type TestServer, type Client } from '../../test/harness.ts';
import { appointmentBody, personBody, visitBody } from '../../test/factories.ts';
import { foreignKeysTo, rowsNaming } from '../../test/foreign-keys.ts';
import { PERSON_MERGE_LEDGER_REFERENCE, PERSON_MERGE_REFERENCES } from './person-merge-references.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

const count = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(sql, params)).rows[0]!.n;

/** A visit of `people` hosted by `unitId`, taken to "held" so its visitors are person-times. */
async function heldVisit(officer: Client, unitId: number, people: number[], startDate: string) {
  let visit = await succeeded(officer.post('/api/visits', visitBody(unitId, people, { startDate, endDate: startDate })));
  visit = await succeeded(officer.post(`/api/visits/${visit.id}/transitions`, { to: 'approved', version: visit.version }));
  return succeeded(officer.post(`/api/visits/${visit.id}/transitions`, { to: 'held', on: startDate, version: visit.version }));
}

describe('merging two people', () => {
  it('lists every foreign key to people in the merge, so a new table cannot be forgotten', async () => {
    const listed = [...PERSON_MERGE_REFERENCES, PERSON_MERGE_LEDGER_REFERENCE].map((r) => `${r.table}.${r.column}`).sort();
    expect(listed).toEqual(await foreignKeysTo(t.db, 'people'));
  });

  it('moves visits, appointments and person-times to the survivor; the survivor keeps its passport and takes what it lacked; audited on both', async () => {
    const officer = await t.as('officer');
    const survivor = await succeeded(officer.post('/api/people', personBody({ familyName: 'Wang', givenName: 'Zhenyi', nameZh: '王振义', passportNumber: 'E11111111', unitId: t.units.a })));
    const merged = await succeeded(officer.post('/api/people', personBody({ familyName: 'WANG', givenName: 'Zhen-yi', passportNumber: 'E22222222', birthDate: '1924-11-30', email: 'zy.wang@example.org', unitId: t.units.a })));
    await heldVisit(officer, t.units.a, [survivor.id], '2024-03-01');
    await heldVisit(officer, t.units.a, [merged.id], '2024-04-01');
    await heldVisit(officer, t.units.a1, [merged.id], '2024-05-01');
    const appointment = await succeeded(officer.post('/api/appointments', appointmentBody(merged.id, t.units.a)));
    // A document names its appointment and its person together (one foreign key of two columns): both move at once.
    await succeeded(officer.post(`/api/people/${merged.id}/expert-documents`, { appointmentId: appointment.id, kind: 'work_permit', number: 'WP-2024-778899', issuedOn: '2024-01-05', expiresOn: '2025-01-04' }));

    const personTimes = () => count('SELECT coalesce(sum(count), 0)::int AS n FROM ledger');
    const ofPerson = (id: number) => count('SELECT count(*)::int AS n FROM ledger WHERE person_id = $1', [id]);
    const distinct = () => count('SELECT count(DISTINCT person_id)::int AS n FROM ledger');
    const [totalBefore, distinctBefore, survivorBefore, mergedBefore] = [await personTimes(), await distinct(), await ofPerson(survivor.id), await ofPerson(merged.id)];
    expect(mergedBefore).toBe(2);

    const coordinatorA = await t.as('coordinatorA');
    const preview = (await coordinatorA.get(`/api/people/${merged.id}/merge?into=${survivor.id}`)).json();
    expect(preview).toEqual({ moves: { visits: 2, appointments: 1, expertDocuments: 1, ledger: 2 }, both: {} });
    const body = { into: survivor.id, version: merged.version, intoVersion: survivor.version };
    // Another unit's coordinator does not reach them: 404, as for any record out of reach.
    expect((await (await t.as('coordinatorB')).post(`/api/people/${merged.id}/merge`, body)).statusCode).toBe(404);
    expect((await (await t.as('viewer')).post(`/api/people/${merged.id}/merge`, body)).statusCode).toBe(403);

    const response = await coordinatorA.post(`/api/people/${merged.id}/merge`, body);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().moved).toEqual(preview.moves);
    expect(await rowsNaming(t.db, 'people', merged.id)).toEqual({});
    expect(await personTimes()).toBe(totalBefore);
    expect(await ofPerson(survivor.id)).toBe(survivorBefore + mergedBefore);
    expect(await distinct()).toBe(distinctBefore - 1);
    expect((await officer.get(`/api/appointments/${appointment.id}`)).json().personId).toBe(survivor.id);
    const documents = (await officer.get(`/api/people/${survivor.id}/expert-documents`)).json();
    expect(documents).toEqual([expect.objectContaining({ appointmentId: appointment.id, number: 'WP-2024-778899' })]);

    const kept = (await officer.get(`/api/people/${survivor.id}`)).json();
    expect(kept).toMatchObject({ familyName: 'Wang', passportNumber: 'E11111111', birthDate: '1924-11-30', email: 'zy.wang@example.org', otherNames: ['WANG Zhen-yi'] });
    const old = await officer.get(`/api/people/${merged.id}`);
    expect(old.json().error).toMatchObject({ code: 'record_merged', current: { id: survivor.id } });
    expect(old.statusCode).toBe(404);
    const found = (await officer.get(`/api/people?q=${encodeURIComponent('zhen-yi')}`)).json().items.map((p: { id: number }) => p.id);
    expect(found).toContain(survivor.id);

    const audit = await t.db.query<{ entity_id: string; after: { mergedInto?: number; mergedFrom?: number; passportNumber?: string } }>(
      "SELECT entity_id, after FROM audit_log WHERE entity = 'person' AND action = 'merge' AND entity_id = ANY($1::text[]) ORDER BY id",
      [[String(merged.id), String(survivor.id)]],
    );
    expect(audit.rows.map((r) => r.entity_id)).toEqual([String(merged.id), String(survivor.id)]);
    expect(audit.rows[0]!.after.mergedInto).toBe(survivor.id);
    expect(audit.rows[1]!.after).toMatchObject({ mergedFrom: merged.id, passportNumber: '[personal data]' });
  });

  it('takes the merged person’s passport when the survivor has none', async () => {
    const officer = await t.as('officer');
    const survivor = await succeeded(officer.post('/api/people', personBody({ unitId: t.units.a })));
    const merged = await succeeded(officer.post('/api/people', personBody({ passportNumber: 'G33333333', unitId: t.units.a })));
    await succeeded(officer.post(`/api/people/${merged.id}/merge`, { into: survivor.id, version: merged.version, intoVersion: survivor.version }));
    expect((await officer.get(`/api/people/${survivor.id}`)).json().passportNumber).toBe('G33333333');
    expect(await count('SELECT count(*)::int AS n FROM people WHERE id = $1 AND passport_index IS NOT NULL', [survivor.id])).toBe(1);
  });

  it('refuses (409 naming the kind) two people on the same visit, and changes nothing', async () => {
    const officer = await t.as('officer');
    const a = await succeeded(officer.post('/api/people', personBody({ unitId: t.units.b })));
    const b = await succeeded(officer.post('/api/people', personBody({ unitId: t.units.b })));
    await heldVisit(officer, t.units.b, [a.id, b.id], '2024-06-01');
    const before = await count('SELECT count(*)::int AS n FROM ledger WHERE person_id = $1', [b.id]);
    const response = await officer.post(`/api/people/${b.id}/merge`, { into: a.id, version: b.version, intoVersion: a.version }, { 'accept-language': 'fr' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'merge_conflict', fields: [{ field: 'visits', message: expect.stringContaining('les deux') }] });
    expect(await count('SELECT count(*)::int AS n FROM ledger WHERE person_id = $1', [b.id])).toBe(before);
    expect((await officer.get(`/api/people/${b.id}`)).statusCode).toBe(200);
    expect((await officer.post(`/api/people/${b.id}/merge`, { into: b.id, version: b.version, intoVersion: b.version })).json().error.fields[0].field).toBe('into');
  });
});
