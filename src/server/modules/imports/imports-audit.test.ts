import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { multipartFile, personBody } from '../../test/factories.ts';

// Every imported record's audit row names the import and its file (issue 11): the rows the
// services write one by one (visits' new visitors) and those written set-based (visits,
// aggregates) alike, read back through the history API as a record's page reads them.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

async function commit(kind: 'visits' | 'aggregates', fileName: string, content: Buffer) {
  const { payload, headers } = multipartFile(fileName, content);
  const response = await (await t.as('officer')).post(`/api/imports/${kind}/commit`, payload, headers);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { importId: number; records: Array<{ entity: string; id: number }> };
}

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

async function xlsx(rows: Array<Array<string | number>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('counts');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A record's history as its page asks for it. */
async function history(entity: string, id: number) {
  const response = await (await t.as('officer')).get(`/api/audit?entity=${entity}&entityId=${id}&order=asc`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as Array<{ action: string; import: { id: number; fileName: string; entity: string } | null }>;
}

/** The import ids of every audit row of these records, by SQL (not through the API). */
async function importIdsOf(entity: string, ids: number[]): Promise<Array<number | null>> {
  const { rows } = await t.db.query<{ import_id: number | null }>(`SELECT import_id FROM audit_log WHERE entity = $1 AND entity_id = ANY($2::text[])`, [entity, ids.map(String)]);
  return rows.map((r) => (r.import_id === null ? null : Number(r.import_id)));
}

describe('an imported record’s audit row names the import and its file', () => {
  it('visits and their new visitors (set-based and through the people service): each created record’s row names the import; the history shows the file; undo still works', async () => {
    const file = csv([
      ['来访标题（英文）', '接待单位', '开始日期', '结束日期', '状态', '姓', '名', '中文姓名', '国家或地区', '护照号码', '团内身份'],
      ['Audit delegation', 'A', '2024/5/6', '2024/5/8', '', 'Audit-Leroy', 'Paul', '', '法国', '', ''],
      ['Audit delegation', 'A', '2024/5/6', '2024/5/8', '', 'Audit-Martin', 'Anne', '', '法国', '', ''],
    ]);
    const done = await commit('visits', 'visitors.csv', Buffer.from(file));
    const visits = done.records.filter((r) => r.entity === 'visit').map((r) => r.id);
    const people = done.records.filter((r) => r.entity === 'person').map((r) => r.id);
    expect(visits).toHaveLength(1);
    expect(people).toHaveLength(2);

    for (const [entity, ids] of [['visit', visits], ['person', people]] as const) {
      const named = await importIdsOf(entity, ids);
      expect(named.length).toBeGreaterThanOrEqual(ids.length);
      expect(new Set(named)).toEqual(new Set([done.importId]));
      for (const id of ids) {
        const entries = await history(entity, id);
        expect(entries[0]).toMatchObject({ action: 'create', import: { id: done.importId, fileName: 'visitors.csv', entity: 'visit_import' } });
      }
    }
    // The import's own audit row is written in the same commit: it names itself.
    expect((await history('visit_import', done.importId))[0]!.import).toEqual({ id: done.importId, fileName: 'visitors.csv', entity: 'visit_import' });

    // A person typed in the app: no import.
    const typed = (await (await t.as('officer')).post('/api/people', personBody({ familyName: 'Audit-Typed', givenName: 'Zoé', nationality: 'FR' }))).json();
    expect(await importIdsOf('person', [typed.id])).toEqual([null]);
    expect((await history('person', typed.id)).map((e) => e.import)).toEqual([null]);

    // Undo still works; its own rows (the deletions) are not the import's commit.
    const undone = await (await t.as('officer')).post(`/api/imports/history/${done.importId}/undo`, {});
    expect(undone.statusCode, undone.body).toBe(200);
    const deletions = await t.db.query<{ import_id: number | null }>(`SELECT import_id FROM audit_log WHERE entity = 'visit' AND entity_id = ANY($1::text[]) AND action = 'delete'`, [visits.map(String)]);
    expect(deletions.rows).toEqual([{ import_id: null }]);
  });

  it('aggregate rows created set-based in SQL: each row’s audit row names the import; a later write on the same connection names none', async () => {
    const rows: Array<Array<string | number>> = [
      ['年份', '方向', '人员类别', '目的', '国家或地区', '单位', '人次', '数据来源'],
      [1985, '出访', '', '', '日本', 'A', 7, 'Yearbook 1985'],
      [1985, '来访', '', '', '法国', '', 4, 'Yearbook 1985'],
    ];
    const done = await commit('aggregates', 'counts-1985.xlsx', await xlsx(rows));
    const ids = done.records.map((r) => r.id);
    expect(ids).toHaveLength(rows.length - 1);
    expect(await importIdsOf('aggregate', ids)).toEqual(ids.map(() => done.importId));
    for (const id of ids)
      expect((await history('aggregate', id))[0]).toMatchObject({ action: 'create', import: { id: done.importId, fileName: 'counts-1985.xlsx', entity: 'aggregate_import' } });

    // The setting is the commit's transaction's alone: the next writes start without it.
    const typed = await (await t.as('officer')).post('/api/ledger/aggregates', { direction: 'outbound', who: 'staff', count: 2, category: 'all_purposes', countryCode: 'JP', startDate: '1986-01-01', endDate: '1986-12-31', sourceDocument: 'Yearbook 1986', unitId: t.units.a });
    expect(typed.statusCode, typed.body).toBe(201);
    expect(await importIdsOf('aggregate', [typed.json().id])).toEqual([null]);
  });
});
