import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, succeeded, type TestServer } from '../../test/harness.ts';
import { institutionBody, multipartFile, personBody } from '../../test/factories.ts';

// Issue 11: "An import can be undone as a whole while nothing has changed its records since
// (otherwise the undo says which records changed and refuses)" — the records it updated too.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

async function xlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function commit(kind: string, fileName: string, content: Buffer) {
  const { payload, headers } = multipartFile(fileName, content);
  const response = await (await t.as('officer')).post(`/api/imports/${kind}/commit`, payload, headers);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { importId: number; created: number; updated: number; records: Array<{ entity: string; id: number; action: string }> };
}

async function undo(importId: number) {
  return (await t.as('officer')).post(`/api/imports/history/${importId}/undo`, {});
}

async function audits(entity: string, id: number, action: string): Promise<number> {
  return (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE entity = $1 AND entity_id = $2 AND action = $3', [entity, String(id), action])).rows[0]!.n;
}

type Row = Record<string, unknown> & { version: number };
async function read(path: string): Promise<Row> {
  const response = await (await t.as('officer')).get(path);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Row;
}
/** A record's fields, without what every write changes. */
const fields = ({ version: _v, updatedAt: _u, ...rest }: Row) => rest;

describe('undoing an import of people that updated two people on file and created one', () => {
  it('gives the two their values back through the people service, deletes the new one, each write audited', async () => {
    const officer = await t.as('officer');
    const anna = await succeeded(officer.post('/api/people', personBody({ familyName: 'Lindqvist', givenName: 'Anna', email: 'anna.undo@example.org', title: 'Professor', notes: null, unitId: t.units.a })));
    const ravi = await succeeded(officer.post('/api/people', personBody({ familyName: 'Raman', givenName: 'Ravi', email: 'ravi.undo@example.org', title: null, notes: 'met in Lyon', unitId: t.units.a })));
    const before = { anna: await read(`/api/people/${anna.id}`), ravi: await read(`/api/people/${ravi.id}`) };

    const done = await commit('people', 'people.xlsx', await xlsx([
      ['Family name', 'Given name', 'Nationality', 'Title', 'Email', 'Notes', 'Our unit'],
      ['Lindqvist', 'Anna', 'SE', 'Dean of Medicine', 'anna.undo@example.org', 'now dean', 'A'],
      ['Raman', 'Ravi', 'IN', 'Visiting professor', 'ravi.undo@example.org', '', 'A'],
      ['Okafor', 'Chidi', 'NG', 'Lecturer', 'chidi.undo@example.org', '', 'A'],
    ]));
    expect(done).toMatchObject({ created: 1, updated: 2 });
    // An answer names the records; the values before stay in the import's row.
    expect(JSON.stringify(done.records)).not.toContain('Professor');
    const chidi = done.records.find((r) => r.action === 'created')!.id;
    expect(await read(`/api/people/${anna.id}`)).toMatchObject({ title: 'Dean of Medicine', notes: 'now dean', nationality: 'SE' });
    expect(await read(`/api/people/${ravi.id}`)).toMatchObject({ title: 'Visiting professor', nationality: 'IN', notes: 'met in Lyon' });
    const updateAudits = { anna: await audits('person', anna.id, 'update'), ravi: await audits('person', ravi.id, 'update') };

    const undone = await undo(done.importId);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json().undoneAt).not.toBeNull();
    expect(fields(await read(`/api/people/${anna.id}`))).toEqual(fields(before.anna));
    expect(fields(await read(`/api/people/${ravi.id}`))).toEqual(fields(before.ravi));
    expect((await officer.get(`/api/people/${chidi}`)).statusCode).toBe(404);
    expect(await audits('person', anna.id, 'update')).toBe(updateAudits.anna + 1);
    expect(await audits('person', ravi.id, 'update')).toBe(updateAudits.ravi + 1);
    expect(await audits('person', chidi, 'delete')).toBe(1);
    const { rows } = await t.db.query<{ after: { deleted: unknown[]; restored: unknown[] } }>(`SELECT after FROM audit_log WHERE entity = 'person_import' AND entity_id = $1 AND action = 'update'`, [String(done.importId)]);
    expect(rows[0]!.after.deleted).toEqual([{ entity: 'person', id: chidi }]);
    expect(rows[0]!.after.restored).toEqual(expect.arrayContaining([{ entity: 'person', id: anna.id }, { entity: 'person', id: ravi.id }]));
    expect((await undo(done.importId)).json().error.code).toBe('import_undone');
  });
});

describe('undoing an import of institutions that updated two institutions on file and created one', () => {
  const header = ['Name (English)', 'Country or region', 'City', 'ROR ID', 'Notes'];
  async function onFile(ror: string, city: string) {
    return succeeded((await t.as('officer')).post('/api/institutions', institutionBody({ countryCode: 'FR', city, ror, notes: null })));
  }

  it('gives the two their values back and deletes the new one', async () => {
    const lyon = await onFile('05a0dhs15', 'Lyon');
    const lille = await onFile('02kzqn938', 'Lille');
    const before = { lyon: await read(`/api/institutions/${lyon.id}`), lille: await read(`/api/institutions/${lille.id}`) };
    const done = await commit('institutions', 'partners.xlsx', await xlsx([
      header,
      [String(before.lyon.nameEn), 'FR', 'Villeurbanne', '05a0dhs15', 'campus moved'],
      [String(before.lille.nameEn), 'FR', 'Villeneuve-d’Ascq', '02kzqn938', ''],
      ['Undo Test Institute of Nantes', 'FR', 'Nantes', '', ''],
    ]));
    expect(done).toMatchObject({ created: 1, updated: 2 });
    expect(await read(`/api/institutions/${lyon.id}`)).toMatchObject({ city: 'Villeurbanne', notes: 'campus moved' });
    const nantes = done.records.find((r) => r.action === 'created')!.id;

    const undone = await undo(done.importId);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(fields(await read(`/api/institutions/${lyon.id}`))).toEqual(fields(before.lyon));
    expect(fields(await read(`/api/institutions/${lille.id}`))).toEqual(fields(before.lille));
    expect((await (await t.as('officer')).get(`/api/institutions/${nantes}`)).statusCode).toBe(404);
    expect(await audits('institution', nantes, 'delete')).toBe(1);
  });

  it('refuses, naming the record, when one it updated has changed since, and writes nothing', async () => {
    const brest = await onFile('03evbwn87', 'Brest');
    const caen = await onFile('051kpcy16', 'Caen');
    const names = { brest: String((await read(`/api/institutions/${brest.id}`)).nameEn), caen: String((await read(`/api/institutions/${caen.id}`)).nameEn) };
    const done = await commit('institutions', 'partners.xlsx', await xlsx([
      header,
      [names.brest, 'FR', 'Plouzané', '03evbwn87', ''],
      [names.caen, 'FR', 'Hérouville', '051kpcy16', ''],
      ['Undo Test Institute of Rennes', 'FR', 'Rennes', '', ''],
    ]));
    const rennes = done.records.find((r) => r.action === 'created')!.id;
    // Someone changes Caen after the import.
    const caenNow = await read(`/api/institutions/${caen.id}`);
    await succeeded((await t.as('officer')).patch(`/api/institutions/${caen.id}`, { notes: 'checked by hand', version: caenNow.version }));
    const snapshot = { brest: await read(`/api/institutions/${brest.id}`), caen: await read(`/api/institutions/${caen.id}`), rennes: await read(`/api/institutions/${rennes}`) };
    const writes = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;

    const refused = await undo(done.importId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'import_changed', fields: [{ field: `institution.${caen.id}`, message: expect.stringContaining('changed since the import') }] });
    expect(refused.json().error.fields).toHaveLength(1);
    expect(await read(`/api/institutions/${brest.id}`)).toEqual(snapshot.brest);
    expect(await read(`/api/institutions/${caen.id}`)).toEqual(snapshot.caen);
    expect(await read(`/api/institutions/${rennes}`)).toEqual(snapshot.rennes);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n).toBe(writes);
    expect((await read(`/api/imports/history/${done.importId}`)).undoneAt).toBeNull();
  });
});
