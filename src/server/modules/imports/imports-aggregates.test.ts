import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { multipartFile } from '../../test/factories.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

async function xlsx(rows: Array<Array<string | number>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('历年统计');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function send(role: 'officer' | 'coordinatorA', step: 'preview' | 'commit', content: Buffer, language = 'en') {
  const { payload, headers } = multipartFile('1990-1999.xlsx', content);
  return (await t.as(role)).post(`/api/imports/aggregates/${step}`, payload, { ...headers, 'accept-language': language });
}

/** The aggregate person-times of a direction as the ledger and its rollups hold them, summed in SQL. */
async function aggregateTimes(direction: 'inbound' | 'outbound'): Promise<{ ledger: number; rollup: number }> {
  const ledger = await t.db.query<{ n: number }>(`SELECT COALESCE(sum(count), 0)::int AS n FROM ledger WHERE is_aggregate AND direction = $1`, [direction]);
  const rollup = await t.db.query<{ n: number }>(`SELECT COALESCE(sum(person_times), 0)::int AS n FROM ledger_rollup WHERE is_aggregate AND direction = $1`, [direction]);
  return { ledger: ledger.rows[0]!.n, rollup: rollup.rows[0]!.n };
}

async function totals(direction: 'inbound' | 'outbound', year: number) {
  return (await (await t.as('officer')).get(`/api/ledger/totals?direction=${direction}&from=${year}-01-01&to=${year}-12-31`)).json();
}

const HEADER = ['年份', '方向', '人员类别', '目的', '国家或地区', '单位', '人次', '数据来源'];
const SOURCE = '外事年鉴 1990–1999';

/** Counts as an office keeps them: a year's outbound staff by country, inbound visitors, a count written with a thousands comma. */
const rows = (year: number): Array<Array<string | number>> => [
  HEADER,
  [year, '出访', '', '参加国际会议', '日本', 'A', 12, SOURCE],
  [year, '出访', '教职工', '', '美国', '', 30, SOURCE],
  [year, '来访', '', '', '香港', '', '1,204', SOURCE],
];
const outboundOf = (r: Array<Array<string | number>>) => r.slice(1).filter((row) => row[1] === '出访').reduce((n, row) => n + Number(String(row[6]).replace(/,/g, '')), 0);
const inboundOf = (r: Array<Array<string | number>>) => r.slice(1).filter((row) => row[1] === '来访').reduce((n, row) => n + Number(String(row[6]).replace(/,/g, '')), 0);

describe('importing the ledger’s aggregate rows', () => {
  it('previews: rows read as a year’s counts, a bad count named in Chinese, nothing written', async () => {
    const before = await aggregateTimes('outbound');
    const response = await send('officer', 'preview', await xlsx([...rows(1991), [1991, '出访', '', '', 'FR', '', '十二', SOURCE]]), 'zh-CN');
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.counts).toEqual({ new: 3, update: 0, duplicate: 0, error: 1 });
    expect(preview.rows[0].values).toMatchObject({ year: 1991, direction: 'outbound', category: 'conference', countryCode: 'JP', unitId: t.units.a, count: 12 });
    expect(preview.rows[2].values).toMatchObject({ direction: 'inbound', countryCode: 'HK', count: 1204 });
    expect(preview.rows[3]).toMatchObject({ class: 'error', problems: [{ field: 'count', column: '人次', reason: 'not_a_whole_number' }] });
    expect(preview.rows[3].problems[0].message).toMatch(/不是整数/);
    expect(await aggregateTimes('outbound')).toEqual(before);
  });

  it('commits through the aggregates service: the ledger, its rollups and the totals move by exactly the imported counts; the same file again changes nothing; undo takes them back', async () => {
    const file = await xlsx(rows(1992));
    const [outBefore, inBefore, totalBefore] = [await aggregateTimes('outbound'), await aggregateTimes('inbound'), await totals('outbound', 1992)];
    const response = await send('officer', 'commit', file);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ created: rows(1992).length - 1 });
    const outAfter = await aggregateTimes('outbound');
    expect(outAfter).toEqual({ ledger: outBefore.ledger + outboundOf(rows(1992)), rollup: outBefore.rollup + outboundOf(rows(1992)) });
    expect((await aggregateTimes('inbound')).ledger).toBe(inBefore.ledger + inboundOf(rows(1992)));
    const totalAfter = await totals('outbound', 1992);
    expect(totalAfter.personTimes).toBe(totalBefore.personTimes + outboundOf(rows(1992)));
    expect(totalAfter.aggregatePersonTimes).toBe(totalBefore.aggregatePersonTimes + outboundOf(rows(1992)));
    const stored = await t.db.query<{ who: string; start_date: string; end_date: string; category: string }>(
      `SELECT who, start_date::text AS start_date, end_date::text AS end_date, category FROM ledger_aggregates WHERE id = $1`,
      [response.json().records[2].id],
    );
    expect(stored.rows[0]).toEqual({ who: 'visitor', start_date: '1992-01-01', end_date: '1992-12-31', category: 'all_purposes' });
    // Written set-based in one statement, each entry still has its ledger row (its source, its document) and its audit row
    // holding the entry as the API reads it, by the officer who imported it.
    const officer = await t.as('officer');
    for (const record of response.json().records as Array<{ id: number }>) {
      const entry = (await officer.get(`/api/ledger/aggregates/${record.id}`)).json();
      const audit = await t.db.query<{ after: unknown; actor_id: number; unit_id: number | null }>(
        `SELECT after, actor_id, unit_id FROM audit_log WHERE entity = 'aggregate' AND entity_id = $1 AND action = 'create'`,
        [String(record.id)],
      );
      expect(audit.rows).toHaveLength(1);
      expect(audit.rows[0]!.after).toEqual(entry);
      expect(audit.rows[0]!.unit_id).toBe(entry.unitId);
      expect(Number(audit.rows[0]!.actor_id)).toBe(t.userIds.officer);
      const ledger = await t.db.query<{ count: number; source_document: string; is_aggregate: boolean }>(
        `SELECT count, source_document, is_aggregate FROM ledger WHERE source_module = 'aggregate' AND source_id = $1`,
        [record.id],
      );
      expect(ledger.rows).toEqual([{ count: entry.count, source_document: SOURCE, is_aggregate: true }]);
    }

    const again = (await send('officer', 'preview', file)).json();
    expect(again.counts).toEqual({ new: 0, update: rows(1992).length - 1, duplicate: 0, error: 0 });
    expect(again.rows[0].matches[0].reason).toBe('same_aggregate');
    const second = await send('officer', 'commit', file);
    expect(second.json()).toMatchObject({ created: 0, updated: 0, unchanged: rows(1992).length - 1 });
    expect(await aggregateTimes('outbound')).toEqual(outAfter);

    const undone = await (await t.as('officer')).post(`/api/imports/history/${response.json().importId}/undo`, {});
    expect(undone.statusCode, undone.body).toBe(200);
    expect(await aggregateTimes('outbound')).toEqual(outBefore);
    expect(await aggregateTimes('inbound')).toEqual(inBefore);
  });

  it('updates a count on file from a corrected file: the figure moves by the difference', async () => {
    await send('officer', 'commit', await xlsx(rows(1993)));
    const before = await aggregateTimes('outbound');
    const corrected = rows(1993).map((r, i) => (i === 1 ? [...r.slice(0, 6), Number(r[6]) + 3, SOURCE] : r));
    const difference = outboundOf(corrected) - outboundOf(rows(1993));
    const response = await send('officer', 'commit', await xlsx(corrected));
    expect(response.json()).toMatchObject({ created: 0, updated: 1 });
    expect(await aggregateTimes('outbound')).toEqual({ ledger: before.ledger + difference, rollup: before.rollup + difference });
  });

  it('is the office’s: a coordinator may not import counts', async () => {
    const response = await send('coordinatorA', 'preview', await xlsx(rows(1994)));
    expect(response.statusCode).toBe(403);
  });
});
