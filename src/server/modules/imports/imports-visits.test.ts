import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { multipartFile, personBody } from '../../test/factories.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

async function send(step: 'preview' | 'commit', fileName: string, content: Buffer, query = '', language = 'en') {
  const { payload, headers } = multipartFile(fileName, content);
  return (await t.as('officer')).post(`/api/imports/visits/${step}${query ? `?${query}` : ''}`, payload, { ...headers, 'accept-language': language });
}

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
const gbk = (rows: string[][]) => iconv.encode(csv(rows), 'gbk');

async function count(table: string): Promise<number> {
  return (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
}

async function inboundPersonTimes(): Promise<number> {
  return (await (await t.as('officer')).get('/api/ledger/totals?direction=inbound')).json().personTimes;
}

/** A visit's person-times as the ledger holds them, without what names the source. */
async function ledgerOf(visitId: number) {
  const { rows } = await t.db.query(
    `SELECT direction, who, person_id AS "personId", count, category, country_code AS "countryCode", institution_id AS "institutionId", unit_id AS "unitId",
            start_date::text AS "startDate", end_date::text AS "endDate"
     FROM ledger WHERE source_module = 'visit' AND source_id = $1 ORDER BY person_id`,
    [visitId],
  );
  return rows;
}

/** The rows with every visit's title and every new visitor's name made the test's own (Dupont and Wang stay the people on file). */
const variant = (rows: string[][], tag: string) =>
  rows.map((r, i) => {
    if (i === 0) return r;
    const known = ['Dupont', 'WANG'].includes(r[5]!);
    return [`${tag} ${r[0]}`, ...r.slice(1, 5), known ? r[5]! : `${r[5]}-${tag}`, r[6]!, known ? r[7]! : '', ...r.slice(8)];
  });

const HEADER = ['来访标题（英文）', '接待单位', '开始日期', '结束日期', '状态', '姓', '名', '中文姓名', '国家或地区', '护照号码', '团内身份'];

describe('importing visits with their visitors', () => {
  let wang: number;
  let passportHolder: number;
  let unitA: string;

  beforeAll(async () => {
    const officer = await t.as('officer');
    wang = (await officer.post('/api/people', personBody({ familyName: 'Wang', givenName: 'Zhenyi', nameZh: '王振义', nationality: 'CN' }))).json().id;
    passportHolder = (await officer.post('/api/people', personBody({ familyName: 'Dupont', givenName: 'Anne', nationality: 'FR', passportNumber: '17AB12345' }))).json().id;
    unitA = 'A';
  });

  // Two visits of a GBK CSV as Chinese Excel writes it: a visitor known by her passport number
  // (written in lower case), one by his name in traditional characters, a region by its Chinese name.
  const rows = () => [
    HEADER,
    ['Sorbonne delegation', unitA, '2024/3/5', '2024/3/7', '已接待', 'Dupont', 'Anne', '', '法国', '17ab12345', '团长'],
    ['Sorbonne delegation', unitA, '2024/3/5', '2024/3/7', '', 'Leroy', 'Paul', '', '法国', '', ''],
    ['Sorbonne delegation', unitA, '2024/3/5', '2024/3/7', '', 'WANG', 'Zhen-yi', '王振義', '', '', ''],
    ['Taipei visit', unitA, '2024/4/1', '2024/4/2', '', 'Lin', 'Meiling', '林美玲', '臺灣', '', ''],
    ['Taipei visit', unitA, '2024/4/1', '2024/4/2', '', 'Chan', 'Kaming', '陳嘉明', '香港', '', ''],
  ];

  it('gives a template whose second sheet says how rows make visits, in the caller language', async () => {
    const response = await (await t.as('officer')).get('/api/imports/visits/template', { 'accept-language': 'fr' });
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect((book.worksheets[0]!.getRow(1).values as string[])[1]).toBe('Titre de la visite (anglais) / Visit title (English) / 来访标题（英文）');
    expect(String(book.worksheets[1]!.getCell('A1').value)).toContain('Une ligne par visiteur');
  });

  it('previews: visitors matched by passport number (without decrypting) and by name in another script, visits grouped, regions read as regions', async () => {
    const before = await count('visits');
    const response = await send('preview', '来访.csv', gbk(rows()), '', 'zh-CN');
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.encoding).toBe('gb18030');
    expect(preview.counts).toEqual({ new: 3, update: 1, duplicate: 1, error: 0 });
    const byRow = new Map(preview.rows.map((r: { rowNumber: number }) => [r.rowNumber, r]));
    expect(byRow.get(2)).toMatchObject({ class: 'update', matches: [{ id: passportHolder, reason: 'same_passport' }], group: { first: 2 } });
    expect(byRow.get(4)).toMatchObject({ class: 'duplicate', matches: [{ id: wang, reason: 'same_name' }], group: { first: 2 } });
    expect(byRow.get(5)).toMatchObject({ class: 'new', values: { nationality: 'TW' }, group: { first: 5 } });
    expect(byRow.get(6)).toMatchObject({ values: { nationality: 'HK' }, group: { first: 5 } });
    expect(await count('visits')).toBe(before);
  });

  it('commits: one visit per group, held, its person-times in the ledger exactly as a visit entered by hand; the same file again is recognised, not doubled', async () => {
    const file = gbk(rows());
    const visitorRows = rows().length - 1;
    const beforeTimes = await inboundPersonTimes();
    const beforePeople = await count('people');
    const response = await send('commit', '来访.csv', file, `decisions=${encodeURIComponent(JSON.stringify({ 4: wang }))}`);
    expect(response.statusCode, response.body).toBe(201);
    const outcome = response.json();
    const visitIds = outcome.records.filter((r: { entity: string }) => r.entity === 'visit').map((r: { id: number }) => r.id);
    expect(visitIds).toHaveLength(2);
    // Two visitors were on file: the rest are new people.
    expect(await count('people')).toBe(beforePeople + visitorRows - 2);
    expect(await inboundPersonTimes()).toBe(beforeTimes + visitorRows);

    const officer = await t.as('officer');
    const sorbonne = (await officer.get(`/api/visits/${visitIds[0]}`)).json();
    expect(sorbonne).toMatchObject({ titleEn: 'Sorbonne delegation', status: 'held', startDate: '2024-03-05', endDate: '2024-03-07', heldOn: '2024-03-05' });
    expect(sorbonne.members.map((m: { personId: number }) => m.personId).slice(0, 1)).toEqual([passportHolder]);
    expect(sorbonne.members.map((m: { personId: number }) => m.personId)).toContain(wang);
    expect(sorbonne.members[0].roleInDelegation).toBe('团长');

    // The same visit typed in the app: the same person-times.
    const typed = (
      await officer.post('/api/visits', {
        titleEn: 'Sorbonne delegation (typed)', hostUnitId: t.units.a, purpose: 'academic_exchange', startDate: '2024-03-05', endDate: '2024-03-07', requestedOn: '2024-03-05',
        members: sorbonne.members.map((m: { personId: number; roleInDelegation: string | null; countryCode: string }) => ({ personId: m.personId, roleInDelegation: m.roleInDelegation, countryCode: m.countryCode })),
      })
    ).json();
    let v = typed;
    for (const [to, on] of [['approved', '2024-03-05'], ['held', '2024-03-05']]) v = (await officer.post(`/api/visits/${typed.id}/transitions`, { to, on, version: v.version })).json();
    expect(v.status).toBe('held');
    expect(await ledgerOf(visitIds[0])).toEqual(await ledgerOf(typed.id));
    expect((await ledgerOf(visitIds[1])).map((r) => r.countryCode as string).sort()).toEqual(['HK', 'TW']);

    const again = await send('preview', '来访.csv', file);
    expect(again.json().counts).toEqual({ new: 0, update: 0, duplicate: visitorRows, error: 0 });
    expect(again.json().rows[0].matches[0]).toMatchObject({ id: visitIds[0], reason: 'same_visit' });
    const visits = await count('visits');
    const times = await inboundPersonTimes();
    const second = await send('commit', '来访.csv', file, 'onDuplicate=update');
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().records).toEqual([]);
    expect(await count('visits')).toBe(visits);
    expect(await inboundPersonTimes()).toBe(times);
  });

  it('creates its visits set-based exactly as the visits service leaves them step by step: the same rows, members, ledger rows, figures and history', async () => {
    const officer = await t.as('officer');
    const university = (await officer.post('/api/institutions', { kind: 'university', nameEn: 'Université de Lille', countryCode: 'FR', city: 'Lille' })).json();
    const header = ['Visit title (English)', 'Visit title (Chinese)', 'Host unit', 'First day', 'Last day', 'Receiving official', 'Status', 'Report', 'Visit notes', 'Family name', 'Given name', 'Country or region', 'Institution', 'Role in the delegation'];
    const file = Buffer.from(csv([
      header,
      ['Equal requested', '申请团', 'A', '2023-01-10', '2023-01-12', 'Li Wei', 'Invitation requested', '', 'asked by phone', 'Garnier', 'Luc', 'France', '', ''],
      ['Equal approved', '', 'A', '2023-02-01', '2023-02-03', '', 'Approved', '', '', 'Morel', 'Lea', 'France', '', 'head'],
      ['Equal held', '', 'A', '2023-03-01', '2023-03-04', '', '', '', '', 'Faure', 'Hugo', 'France', 'Université de Lille', 'head'],
      ['Equal held', '', 'A', '2023-03-01', '2023-03-04', '', '', '', 'second row', 'Yamada', 'Taro', 'Japan', '', ''],
      ['Equal closed', '', 'A', '2023-04-01', '2023-04-02', '', 'Closed (report filed)', 'Minutes of the visit', '', 'Rossi', 'Marco', 'Italy', '', ''],
    ]));
    const beforeTimes = await inboundPersonTimes();
    const response = await send('commit', 'equal.csv', file);
    expect(response.statusCode, response.body).toBe(201);
    const visitIds: number[] = response.json().records.filter((r: { entity: string }) => r.entity === 'visit').map((r: { id: number }) => r.id);
    expect(visitIds).toHaveLength(4);
    const imported = await Promise.all(visitIds.map(async (id) => (await officer.get(`/api/visits/${id}`)).json()));
    expect(imported.map((v) => v.status)).toEqual(['requested', 'approved', 'held', 'closed']);
    expect(imported[2].members.map((m: { institutionId: number | null }) => m.institutionId)).toEqual([university.id, null]);
    const importedTimes = (await inboundPersonTimes()) - beforeTimes;
    expect(importedTimes).toBe(3);

    // The same visits typed in the app, step by step on the days the import dates them.
    const typedIds: number[] = [];
    for (const v of imported) {
      let typed = (
        await officer.post('/api/visits', {
          titleEn: v.titleEn, titleZh: v.titleZh, hostUnitId: v.hostUnitId, purpose: v.purpose, startDate: v.startDate, endDate: v.endDate, protocolLevel: v.protocolLevel,
          receivingOfficial: v.receivingOfficial, notes: v.notes, requestedOn: v.requestedOn,
          members: v.members.map((m: { personId: number; roleInDelegation: string | null; institutionId: number | null; countryCode: string }) => ({ personId: m.personId, roleInDelegation: m.roleInDelegation, institutionId: m.institutionId, countryCode: m.countryCode })),
        })
      ).json();
      const steps = ({ requested: [], approved: ['approved'], held: ['approved', 'held'], closed: ['approved', 'held', 'closed'] } as Record<string, string[]>)[v.status]!;
      for (const to of steps) {
        const on = to === 'approved' ? v.requestedOn : to === 'held' ? v.startDate : v.endDate;
        const stepped = await officer.post(`/api/visits/${typed.id}/transitions`, { to, on, version: typed.version, ...(to === 'closed' ? { report: v.report } : {}) });
        expect(stepped.statusCode, stepped.body).toBe(200);
        typed = stepped.json();
      }
      typedIds.push(typed.id);
    }
    expect((await inboundPersonTimes()) - beforeTimes).toBe(2 * importedTimes);

    const stored = async (table: string, key: string, id: number) =>
      (await t.db.query(`SELECT * FROM ${table} WHERE ${key} = $1`, [id])).rows.map(({ id: _i, visit_id: _v, created_at: _c, updated_at: _u, ...rest }) => rest);
    const history = async (id: number) => (await officer.get(`/api/audit?entity=visit&entityId=${id}&order=asc`)).json().items as Array<{ action: string; after: Record<string, unknown> }>;
    const withoutTimes = ({ id: _i, createdAt: _c, updatedAt: _u, ...rest }: Record<string, unknown>) => rest;
    for (const [i, id] of visitIds.entries()) {
      const typedId = typedIds[i]!;
      expect(await stored('visits', 'id', id)).toEqual(await stored('visits', 'id', typedId));
      expect(await stored('visit_members', 'visit_id', id)).toEqual(await stored('visit_members', 'visit_id', typedId));
      expect(await ledgerOf(id)).toEqual(await ledgerOf(typedId));
      expect(withoutTimes((await officer.get(`/api/visits/${id}`)).json())).toEqual(withoutTimes((await officer.get(`/api/visits/${typedId}`)).json()));
      // One audit row for the imported visit, holding the visit as the last step left the typed one.
      const [created, ...more] = await history(id);
      expect(more).toEqual([]);
      expect(created!.action).toBe('create');
      expect(withoutTimes(created!.after)).toEqual(withoutTimes((await history(typedId)).at(-1)!.after));
    }
  });

  it("names the row of a visit the visits service refuses in a batch (a step it cannot take, another unit's visit for a coordinator), writing nothing", async () => {
    const visits = await count('visits');
    const people = await count('people');
    const header = ['Visit title (English)', 'Host unit', 'First day', 'Last day', 'Status', 'Report', 'Family name', 'Country or region'];
    const unreported = csv([
      header,
      ['Refused fine', 'A', '2023-05-01', '2023-05-02', '', '', 'Blanc', 'France'],
      ['Refused closed', 'A', '2023-06-01', '2023-06-02', 'Closed (report filed)', '', 'Noir', 'France'],
    ]);
    const closed = await send('commit', 'refused.csv', Buffer.from(unreported));
    expect(closed.statusCode, closed.body).toBe(400);
    expect(closed.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['rows.3.Report']);
    const elsewhere = csv([
      header,
      ['Own unit', 'A', '2023-05-01', '2023-05-02', 'Invitation requested', '', 'Blanc', 'France'],
      ['Other unit', 'B', '2023-06-01', '2023-06-02', 'Invitation requested', '', 'Noir', 'France'],
    ]);
    const { payload, headers } = multipartFile('elsewhere.csv', Buffer.from(elsewhere));
    const coordinator = await (await t.as('coordinatorA')).post('/api/imports/visits/commit', payload, headers);
    expect(coordinator.statusCode, coordinator.body).toBe(400);
    expect(coordinator.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['rows.3.Host unit']);
    expect(await count('visits')).toBe(visits);
    expect(await count('people')).toBe(people);
  });

  it('refuses bad files, naming the column and the reason, and writes nothing', async () => {
    const visits = await count('visits');
    const people = await count('people');
    // A GBK file declared UTF-8.
    const wrong = await send('preview', 'v.csv', gbk(rows()), 'encoding=utf-8');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([{ field: 'file', message: expect.stringMatching(/not in the encoding chosen/) }]);
    // No first-day column.
    const missing = await send('preview', 'v.csv', gbk(rows().map((r) => r.filter((_, i) => i !== 2))));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([{ field: 'columns.startDate', message: expect.stringMatching(/missing from the header row/) }]);
    // A visitor without a name, and a visit whose last day is before its first.
    const bad = [HEADER, ['Bad visit', 'A', '2024/5/9', '2024/5/1', '', 'Roux', '', '', '法国', '', ''], ['Other visit', 'A', '2024/5/1', '2024/5/2', '', '', '', '', '法国', '', '']];
    const preview = await send('preview', 'v.csv', gbk(bad), '', 'fr');
    expect(preview.statusCode).toBe(200);
    const [first, second] = preview.json().rows;
    expect(first).toMatchObject({ class: 'error', problems: [{ field: 'endDate', column: '结束日期', reason: 'end_before_start' }] });
    expect(second).toMatchObject({ class: 'error', problems: [{ field: 'familyName', column: '姓', reason: 'required' }] });
    expect(second.problems[0].message).not.toBe('');
    const commit = await send('commit', 'v.csv', gbk(bad));
    expect(commit.statusCode).toBe(400);
    expect(commit.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['rows.2.结束日期', 'rows.3.姓']);
    expect(await count('visits')).toBe(visits);
    expect(await count('people')).toBe(people);
  });

  it('undoes an import: its visits and new visitors deleted, the figure back, people on file kept, audited; only once, by the office', async () => {
    const file = gbk(variant(rows(), 'Undo'));
    const beforeTimes = await inboundPersonTimes();
    const beforePeople = await count('people');
    const committed = (await send('commit', 'undo.csv', file, `decisions=${encodeURIComponent(JSON.stringify({ 4: wang }))}`)).json();
    expect(await inboundPersonTimes()).toBe(beforeTimes + rows().length - 1);
    const officer = await t.as('officer');
    const kept = (await officer.get(`/api/imports/history/${committed.importId}`)).json();
    expect(kept).toMatchObject({ kind: 'visits', fileName: 'undo.csv', undoneAt: null });
    expect(kept.outcome.records.map((r: { entity: string }) => r.entity).sort()).toEqual(['person', 'person', 'person', 'visit', 'visit']);

    expect((await (await t.as('coordinatorA')).post(`/api/imports/history/${committed.importId}/undo`, {})).statusCode).toBe(403);
    const undone = await officer.post(`/api/imports/history/${committed.importId}/undo`, {});
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json().undoneAt).toEqual(expect.any(String));
    expect(await inboundPersonTimes()).toBe(beforeTimes);
    expect(await count('people')).toBe(beforePeople);
    for (const r of kept.outcome.records) expect((await officer.get(`/api/${r.entity === 'visit' ? 'visits' : 'people'}/${r.id}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/people/${wang}`)).statusCode).toBe(200);
    const audits = await t.db.query<{ entity: string; action: string }>(
      `SELECT entity, action FROM audit_log WHERE (entity = 'visit' AND entity_id = ANY($1::text[]) AND action = 'delete') OR (entity = 'visit_import' AND entity_id = $2 AND action = 'update')`,
      [kept.outcome.records.filter((r: { entity: string }) => r.entity === 'visit').map((r: { id: number }) => String(r.id)), String(committed.importId)],
    );
    expect(audits.rows.length).toBe(3);
    const twice = await officer.post(`/api/imports/history/${committed.importId}/undo`, {});
    expect(twice.statusCode).toBe(409);
  });

  it('refuses to undo an import whose visit was changed since, naming it, and deletes nothing', async () => {
    const file = gbk(variant(rows(), 'Changed'));
    const committed = (await send('commit', 'changed.csv', file, `decisions=${encodeURIComponent(JSON.stringify({ 4: wang }))}`)).json();
    const visitId = committed.records.find((r: { entity: string }) => r.entity === 'visit').id;
    const officer = await t.as('officer');
    const visit = (await officer.get(`/api/visits/${visitId}`)).json();
    expect((await officer.patch(`/api/visits/${visitId}`, { version: visit.version, receivingOfficial: 'Vice-president Li' })).statusCode).toBe(200);
    const times = await inboundPersonTimes();
    const visits = await count('visits');
    const refused = await officer.post(`/api/imports/history/${committed.importId}/undo`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields).toEqual([{ field: `visit.${visitId}`, message: expect.stringContaining('has been changed since the import') }]);
    expect(await count('visits')).toBe(visits);
    expect(await inboundPersonTimes()).toBe(times);
    expect((await officer.get(`/api/imports/history/${committed.importId}`)).json().undoneAt).toBeNull();
  });
});
