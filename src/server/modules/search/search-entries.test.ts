import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../shared/contracts/search.ts';
import { startTestServer, succeeded, type TestRole, type TestServer } from '../../test/harness.ts';
import { agreementBody, appointmentBody, conferenceBody, institutionBody, multipartFile, personBody, visitBody } from '../../test/factories.ts';

/**
 * The header's search reads one index, `search_entries` (migration 0045), which triggers keep in
 * the writing transaction. After every kind of write (create, update, delete, a person merge, an
 * import) the index holds exactly what the view it is made from says, and the search answers by
 * it: a new name is found, an old one no longer is, a coordinator sees only their unit's records.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
}, 300_000);
afterAll(async () => t?.close());

const COLUMNS = 'kind, record_id, unit_id, label, detail, folded, sort_number, sort_text';

/** Entries the triggers left that the view does not give, and the view's the index lacks (grams included). */
async function drift(): Promise<{ stale: unknown[]; missing: unknown[] }> {
  const index = `SELECT ${COLUMNS}, grams FROM search_entries`;
  const view = `SELECT ${COLUMNS}, search_grams(folded, true) FROM search_entry_sources`;
  const stale = (await t.db.query(`${index} EXCEPT ALL ${view}`)).rows;
  const missing = (await t.db.query(`${view} EXCEPT ALL ${index}`)).rows;
  return { stale, missing };
}

async function entry(kind: string, id: number): Promise<{ label: string; detail: string | null; folded: string } | undefined> {
  return (await t.db.query<{ label: string; detail: string | null; folded: string }>('SELECT label, detail, folded FROM search_entries WHERE kind = $1 AND record_id = $2', [kind, id])).rows[0];
}

async function search(role: TestRole, q: string): Promise<SearchHit[]> {
  const response = await (await t.as(role)).get(`/api/search?q=${encodeURIComponent(q)}&limit=50`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as SearchHit[];
}
const found = async (role: TestRole, q: string, kind: string, id: number) => (await search(role, q)).some((h) => h.kind === kind && h.id === id);

async function xlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('the search index follows every write to the records it covers', () => {
  it('after creates, updates, deletes, a person merge and an import, the index is what its view says and the search answers by it', async () => {
    const officer = await t.as('officer');
    const admin = await t.as('admin');
    await expect(drift()).resolves.toEqual({ stale: [], missing: [] });

    // Creates, of every kind.
    const institution = await succeeded(officer.post('/api/institutions', institutionBody({ nameEn: 'Université Qingtian Cité', countryCode: 'FR' })));
    const person = await succeeded(officer.post('/api/people', personBody({ familyName: 'Qingtian', givenName: 'Xu', nameZh: '晴天旭', unitId: t.units.a })));
    const appointment = await succeeded(officer.post('/api/appointments', appointmentBody(person.id, t.units.a)));
    const agreement = await succeeded(officer.post('/api/agreements', agreementBody([institution.id], { titleEn: 'Qingtian exchange agreement', level: 'collegiate', unitId: t.units.a })));
    const visit = await succeeded(officer.post('/api/visits', visitBody(t.units.b, [person.id], { titleEn: 'Qingtian delegation', startDate: '2025-03-01', endDate: '2025-03-02' })));
    const conference = await succeeded(officer.post('/api/conferences', conferenceBody(t.units.a1, { titleEn: 'Qingtian symposium', startDate: '2025-05-01', endDate: '2025-05-02' })));
    const unit = await succeeded(admin.post('/api/units', { code: 'QT', kind: 'school', nameEn: 'Qingtian School', nameZh: '晴天学院', parentId: t.units.root }));
    const created: Array<[string, number]> = [['institution', institution.id], ['person', person.id], ['appointment', appointment.id], ['agreement', agreement.id], ['visit', visit.id], ['conference', conference.id], ['unit', unit.id]];
    for (const [kind, id] of created) {
      expect(await entry(kind, id), `${kind} ${id}`).toBeDefined();
      expect(await found('officer', 'qingtian', kind, id), `${kind} ${id} found`).toBe(true);
    }
    // A Chinese word of two characters, and one of one, through the pairs' index; its pinyin too.
    expect(await found('officer', '晴天', 'person', person.id)).toBe(true);
    expect(await found('officer', '旭', 'person', person.id)).toBe(true);
    expect(await found('officer', '晴天學院', 'unit', unit.id)).toBe(true);
    expect(await found('officer', 'qingtianxu', 'appointment', appointment.id)).toBe(true);
    await expect(drift()).resolves.toEqual({ stale: [], missing: [] });

    // Updates: the person's new name reaches their entry and their appointment's.
    const renamed = await succeeded(officer.patch(`/api/people/${person.id}`, { familyName: 'Yunduo', nameZh: '云朵旭', version: person.version }));
    expect(await entry('person', person.id)).toMatchObject({ label: 'Yunduo Xu', detail: '云朵旭' });
    expect((await entry('appointment', appointment.id))?.label).toBe('Yunduo Xu');
    expect(await found('officer', 'yunduo', 'appointment', appointment.id)).toBe(true);
    expect(await found('officer', '雲朵', 'person', person.id)).toBe(true);
    expect(await found('officer', 'qingtian xu', 'person', person.id)).toBe(false);
    expect(await found('officer', '晴天', 'appointment', appointment.id)).toBe(false);
    await succeeded(officer.patch(`/api/agreements/${agreement.id}`, { titleEn: 'Lanshan exchange agreement', version: agreement.version }));
    expect((await entry('agreement', agreement.id))?.label).toBe('Lanshan exchange agreement');
    expect(await found('officer', 'lanshan', 'agreement', agreement.id)).toBe(true);
    await succeeded(admin.patch(`/api/units/${unit.id}`, { nameEn: 'Yunduo School', version: unit.version }));
    expect(await found('officer', 'yunduo school', 'unit', unit.id)).toBe(true);
    const movedVisit = await succeeded(officer.patch(`/api/visits/${visit.id}`, { titleZh: '蓝山代表团', version: visit.version }));
    expect((await entry('visit', visit.id))?.detail).toBe('蓝山代表团');
    const movedConference = await succeeded(officer.patch(`/api/conferences/${conference.id}`, { hostUnitId: t.units.b, version: conference.version }));
    expect(await found('coordinatorB', 'qingtian symposium', 'conference', conference.id)).toBe(true);
    await succeeded(officer.patch(`/api/institutions/${institution.id}`, { nameZh: '晴天城大学', version: institution.version }));
    expect((await entry('institution', institution.id))?.detail).toBe('晴天城大学');
    await succeeded(officer.patch(`/api/appointments/${appointment.id}`, { title: 'consultant', version: appointment.version }));
    expect((await entry('appointment', appointment.id))?.detail).toBe('consultant');
    await expect(drift()).resolves.toEqual({ stale: [], missing: [] });

    // Deletes.
    expect((await officer.delete(`/api/visits/${visit.id}?version=${movedVisit.version}`)).statusCode).toBe(204);
    expect((await officer.delete(`/api/conferences/${conference.id}?version=${movedConference.version}`)).statusCode).toBe(204);
    expect(await entry('visit', visit.id)).toBeUndefined();
    expect(await entry('conference', conference.id)).toBeUndefined();
    expect(await found('officer', 'qingtian', 'visit', visit.id)).toBe(false);
    await expect(drift()).resolves.toEqual({ stale: [], missing: [] });

    // A person merge: the merged person's entry goes, their appointment's now shows the survivor.
    const survivor = await succeeded(officer.post('/api/people', personBody({ familyName: 'Yunduo', givenName: 'Xuan', unitId: t.units.a })));
    const merge = await officer.post(`/api/people/${person.id}/merge`, { into: survivor.id, version: renamed.version, intoVersion: survivor.version });
    expect(merge.statusCode, merge.body).toBe(200);
    expect(await entry('person', person.id)).toBeUndefined();
    expect((await entry('appointment', appointment.id))?.label).toBe('Yunduo Xuan');
    expect(await found('officer', 'yunduo xuan', 'appointment', appointment.id)).toBe(true);
    await expect(drift()).resolves.toEqual({ stale: [], missing: [] });

    // An import: the people it creates are found.
    const { payload, headers } = multipartFile('people.xlsx', await xlsx([
      ['Family name', 'Given name', 'Nationality', 'Title', 'Email', 'Notes', 'Our unit'],
      ['Haibian', 'Lina', 'SE', 'Professor', 'lina.haibian@example.org', '', 'A'],
      ['Haibian', 'Oskar', 'SE', 'Lecturer', 'oskar.haibian@example.org', '', 'B'],
    ]));
    const imported = await officer.post('/api/imports/people/commit', payload, headers);
    expect(imported.statusCode, imported.body).toBe(201);
    const ids = (imported.json() as { records: Array<{ entity: string; id: number }> }).records.filter((r) => r.entity === 'person').map((r) => r.id);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(await found('officer', 'haibian', 'person', id)).toBe(true);
    await expect(drift()).resolves.toEqual({ stale: [], missing: [] });
  });

  // Two connections at once: PostgreSQL only (the embedded engine has one session).
  it.runIf(process.env.INTERCHANGE_TEST_ENGINE === 'postgresql')('an appointment written while its person is renamed takes the new name', async () => {
    const officer = await t.as('officer');
    const person = await succeeded(officer.post('/api/people', personBody({ familyName: 'Fengye', givenName: 'Li', unitId: t.units.a })));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let renamed!: () => void;
    const hasRenamed = new Promise<void>((resolve) => (renamed = resolve));
    const rename = t.db.transaction(async (tx) => {
      await tx.query(`UPDATE people SET family_name = 'Hongye', search_text = 'hongye li' WHERE id = $1`, [person.id]);
      renamed();
      await held;
    });
    await hasRenamed;
    const insert = t.db.transaction(async (tx) =>
      (await tx.query<{ id: number }>(`INSERT INTO appointments (person_id, title, unit_id, start_date) VALUES ($1, 'consultant', $2, '2025-01-01') RETURNING id`, [person.id, t.units.a])).rows[0]!.id);
    // It waits for the rename to end (without the lock it would be written with the name before).
    expect(await Promise.race([insert.then(() => 'written'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 500))])).toBe('waiting');
    release();
    await rename;
    const appointmentId = await insert;
    expect((await entry('appointment', appointmentId))?.label).toBe('Hongye Li');
    expect(await found('officer', 'hongye', 'appointment', appointmentId)).toBe(true);
    await expect(drift()).resolves.toEqual({ stale: [], missing: [] });
  });

  it('confines a coordinator to their unit’s records (and its sub-units), institutions and units to everyone', async () => {
    const officer = await t.as('officer');
    const inA = await succeeded(officer.post('/api/people', personBody({ familyName: 'Shuguang', givenName: 'A', unitId: t.units.a })));
    const inA1 = await succeeded(officer.post('/api/people', personBody({ familyName: 'Shuguang', givenName: 'A1', unitId: t.units.a1 })));
    const inB = await succeeded(officer.post('/api/people', personBody({ familyName: 'Shuguang', givenName: 'B', unitId: t.units.b })));
    const appointmentB = await succeeded(officer.post('/api/appointments', appointmentBody(inA.id, t.units.b)));
    const institution = await succeeded(officer.post('/api/institutions', institutionBody({ nameEn: 'Shuguang Institute' })));
    const hits = async (role: TestRole) => (await search(role, 'shuguang')).map((h) => `${h.kind} ${h.id}`).sort();
    expect(await hits('coordinatorA')).toEqual([`institution ${institution.id}`, `person ${inA.id}`, `person ${inA1.id}`].sort());
    expect(await hits('coordinatorB')).toEqual([`appointment ${appointmentB.id}`, `institution ${institution.id}`, `person ${inB.id}`].sort());
    expect(await hits('officer')).toEqual([`appointment ${appointmentB.id}`, `institution ${institution.id}`, `person ${inA.id}`, `person ${inA1.id}`, `person ${inB.id}`].sort());
    // A person moved to another unit moves out of the first one's coordinator's search.
    await succeeded(officer.patch(`/api/people/${inA1.id}`, { unitId: t.units.b, version: inA1.version }));
    expect(await hits('coordinatorA')).not.toContain(`person ${inA1.id}`);
    expect(await hits('coordinatorB')).toContain(`person ${inA1.id}`);
  });
});
