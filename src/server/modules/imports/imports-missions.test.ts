import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { missionBody, multipartFile, personBody } from '../../test/factories.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

async function send(step: 'preview' | 'commit', fileName: string, content: Buffer, query = '', language = 'en') {
  const { payload, headers } = multipartFile(fileName, content);
  return (await t.as('officer')).post(`/api/imports/missions/${step}${query ? `?${query}` : ''}`, payload, { ...headers, 'accept-language': language });
}

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
const gb18030 = (rows: string[][]) => iconv.encode(csv(rows), 'gb18030');

async function count(table: string): Promise<number> {
  return (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
}

/** Outbound person-times as the ledger holds them, summed in SQL. */
async function outboundInLedger(): Promise<number> {
  return (await t.db.query<{ n: number }>(`SELECT COALESCE(sum(count), 0)::int AS n FROM ledger WHERE direction = 'outbound'`)).rows[0]!.n;
}

async function outboundTotal(): Promise<number> {
  return (await (await t.as('officer')).get('/api/ledger/totals?direction=outbound')).json().personTimes;
}

/** A mission's person-times as the ledger holds them, without what names the source. */
async function ledgerOf(missionId: number) {
  const { rows } = await t.db.query(
    `SELECT direction, who, person_id AS "personId", count, category, country_code AS "countryCode", institution_id AS "institutionId", unit_id AS "unitId",
            start_date::text AS "startDate", end_date::text AS "endDate"
     FROM ledger WHERE source_module = 'mission' AND source_id = $1 ORDER BY person_id`,
    [missionId],
  );
  return rows;
}

const HEADER = ['团组名称（英文）', '派出单位', '出访任务', '出访日期', '回国日期', '出访国家（地区）', '批件号', '状态', '姓', '名', '中文姓名', '护照号码', '团内身份'];

/** Two missions: a member known by passport (written in lower case), one by her name in traditional characters, two new; a mission through two places, one a region. */
const rows = (tag = '') => [
  HEADER,
  [`${tag}Lyon congress`, 'A', '参加国际会议', '2023/9/4', '2023/9/9', '法国', `JW-2023-${tag}17`, '已出访', 'Zhang', 'Wei', '张伟', 'e12345678', '团长'],
  [`${tag}Lyon congress`, 'A', '', '2023/9/4', '2023/9/9', '', '', '', 'LI', 'Na', '李娜', '', ''],
  [`${tag}Lyon congress`, 'A', '', '2023/9/4', '2023/9/9', '', '', '', `Chen${tag}`, 'Jing', '', '', '翻译'],
  [`${tag}Hong Kong and Taipei tour`, 'A', '考察', '2023/11/20', '2023/11/24', '香港; 臺灣', `JW-2023-${tag}88`, '', `Zhou${tag}`, 'Min', '', '', '团长'],
];

describe('importing outbound missions with their members', () => {
  let zhang: number;
  let li: number;

  beforeAll(async () => {
    const officer = await t.as('officer');
    zhang = (await officer.post('/api/people', personBody({ familyName: 'Zhang', givenName: 'Wei', nameZh: '张伟', unitId: t.units.a, passportNumber: 'E12345678' }))).json().id;
    li = (await officer.post('/api/people', personBody({ familyName: 'Li', givenName: 'Na', nameZh: '李娜', unitId: t.units.a }))).json().id;
  });

  it('gives a template in the caller language whose second sheet says how rows make missions', async () => {
    const response = await (await t.as('officer')).get('/api/imports/missions/template', { 'accept-language': 'zh-CN' });
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect((book.worksheets[0]!.getRow(1).values as string[])[1]).toBe('团组名称（英文） / Mission title (English) / Titre de la mission (anglais)');
    expect(String(book.worksheets[1]!.getCell('A1').value)).toContain('每位团员一行');
  });

  it('previews a GB18030 CSV: members matched by passport number and by name in another script, missions grouped, a bad row named in Chinese', async () => {
    const before = await count('missions');
    const file = gb18030([...rows(), ['Bad mission', 'A', '', '2023/12/1', '2023/12/3', '火星', 'JW-X', '', 'Wu', 'Lei', '', '', '']]);
    const response = await send('preview', '出访.csv', file, '', 'zh-CN');
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.encoding).toBe('gb18030');
    expect(preview.counts).toEqual({ new: 2, update: 1, duplicate: 1, error: 1 });
    const byRow = new Map(preview.rows.map((r: { rowNumber: number }) => [r.rowNumber, r]));
    expect(byRow.get(2)).toMatchObject({ class: 'update', matches: [{ id: zhang, reason: 'same_passport' }], group: { first: 2 }, values: { purpose: 'conference', status: 'travelled', role: 'leader', countries: ['FR'] } });
    expect(byRow.get(3)).toMatchObject({ class: 'duplicate', matches: [{ id: li, reason: 'same_name' }], group: { first: 2 } });
    expect(byRow.get(4)).toMatchObject({ class: 'new', values: { role: 'interpreter' }, group: { first: 2 } });
    expect(byRow.get(5)).toMatchObject({ class: 'new', values: { countries: ['HK', 'TW'], purpose: 'investigation_tour' }, group: { first: 5 } });
    expect(byRow.get(6)).toMatchObject({ class: 'error', problems: [{ field: 'countries', column: '出访国家（地区）', reason: 'unknown_country' }] });
    expect((byRow.get(6) as { problems: Array<{ message: string }> }).problems[0]!.message).toMatch(/不是已知的国家或地区/);
    expect(await count('missions')).toBe(before);
  });

  it('commits: one mission per group, travelled, its person-times in the ledger exactly as a mission typed in; the same file again changes nothing', async () => {
    const file = gb18030(rows());
    const memberRows = rows().length - 1;
    const [beforeLedger, beforeTotal, beforePeople] = [await outboundInLedger(), await outboundTotal(), await count('people')];
    const response = await send('commit', '出访.csv', file, `decisions=${encodeURIComponent(JSON.stringify({ 3: li }))}`);
    expect(response.statusCode, response.body).toBe(201);
    const missionIds = response.json().records.filter((r: { entity: string }) => r.entity === 'mission').map((r: { id: number }) => r.id);
    expect(missionIds).toHaveLength(2);
    // Two members were on file: the others are new people, of the sending unit.
    expect(await count('people')).toBe(beforePeople + memberRows - 2);
    expect(await outboundInLedger()).toBe(beforeLedger + memberRows);
    expect(await outboundTotal()).toBe(beforeTotal + memberRows);

    const officer = await t.as('officer');
    const lyon = (await officer.get(`/api/missions/${missionIds[0]}`)).json();
    expect(lyon).toMatchObject({ titleEn: 'Lyon congress', status: 'travelled', startDate: '2023-09-04', endDate: '2023-09-09', approvalDocumentNo: 'JW-2023-17', travelledOn: '2023-09-04' });
    expect(lyon.members.map((m: { personId: number; role: string }) => [m.personId, m.role]).slice(0, 2)).toEqual([[zhang, 'leader'], [li, 'member']]);
    const tour = (await officer.get(`/api/missions/${missionIds[1]}`)).json();
    expect(tour.destinations.map((d: { countryCode: string }) => d.countryCode)).toEqual(['HK', 'TW']);
    const created = (await officer.get(`/api/people/${lyon.members[2].personId}`)).json();
    expect(created).toMatchObject({ familyName: 'Chen', unitId: t.units.a });

    // The same mission typed in the app: the same person-times.
    const typed = (
      await officer.post('/api/missions', missionBody(t.units.a, lyon.members.map((m: { personId: number }) => m.personId), {
        titleEn: 'Lyon congress (typed)', startDate: '2023-09-04', endDate: '2023-09-09', requestedOn: '2023-09-04', purpose: 'conference', approvalDocumentNo: 'JW-2023-T', destinations: [{ countryCode: 'FR' }],
        members: lyon.members.map((m: { personId: number; role: 'leader' | 'member' | 'interpreter' }) => ({ personId: m.personId, role: m.role })),
      }))
    ).json();
    let m = typed;
    for (const [to, on] of [['approved', '2023-09-04'], ['travelled', '2023-09-04']]) m = (await officer.post(`/api/missions/${typed.id}/transitions`, { to, on, version: m.version })).json();
    expect(m.status).toBe('travelled');
    expect(await ledgerOf(missionIds[0])).toEqual(await ledgerOf(typed.id));

    const again = (await send('preview', '出访.csv', file)).json();
    expect(again.counts).toEqual({ new: 0, update: 0, duplicate: memberRows, error: 0 });
    expect(again.rows[0].matches[0]).toMatchObject({ id: missionIds[0], reason: 'same_mission' });
    const [missions, ledger] = [await count('missions'), await outboundInLedger()];
    const second = await send('commit', '出访.csv', file, 'onDuplicate=update');
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().records).toEqual([]);
    expect(await count('missions')).toBe(missions);
    expect(await outboundInLedger()).toBe(ledger);
  });

  it('refuses a mission the service refuses (approved without its approval number), naming row and column, and writes nothing', async () => {
    const [missions, people] = [await count('missions'), await count('people')];
    const bad = [HEADER, ['Unapproved trip', 'A', '', '2023/6/1', '2023/6/3', 'FR', '', '已出访', 'Sun', 'Li', '', '', '']];
    const response = await send('commit', 'bad.csv', gb18030(bad), '', 'zh-CN');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ field: 'rows.2.批件号', message: expect.any(String) }]);
    expect(await count('missions')).toBe(missions);
    expect(await count('people')).toBe(people);
  });

  it('undoes an import: its missions and new members deleted, the figure back, people on file kept', async () => {
    const file = gb18030(rows('U'));
    const [ledger, people] = [await outboundInLedger(), await count('people')];
    const committed = (await send('commit', 'undo.csv', file, `decisions=${encodeURIComponent(JSON.stringify({ 3: li }))}`)).json();
    expect(await outboundInLedger()).toBe(ledger + rows().length - 1);
    const officer = await t.as('officer');
    const undone = await officer.post(`/api/imports/history/${committed.importId}/undo`, {});
    expect(undone.statusCode, undone.body).toBe(200);
    expect(await outboundInLedger()).toBe(ledger);
    expect(await count('people')).toBe(people);
    for (const r of committed.records) expect((await officer.get(`/api/${r.entity === 'mission' ? 'missions' : 'people'}/${r.id}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/people/${zhang}`)).statusCode).toBe(200);
  });
});
