import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, succeeded, type TestServer } from '../../test/harness.ts';
import { agreementBody, institutionBody, personBody, visitBody } from '../../test/factories.ts';
import { foreignKeysTo, rowsNaming } from '../../test/foreign-keys.ts';
import { verifyLedgerRollups } from '../ledger/ledger-verify.service.ts';
import { INSTITUTION_LEDGER_REFERENCE, INSTITUTION_REFERENCES } from './institution-references.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

const count = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(sql, params)).rows[0]!.n;
const institutions = () => count('SELECT count(*)::int AS n FROM institutions');

describe('adding an institution already on file', () => {
  it('refuses the catalogue entry of an institution on file by its website domain, naming it in the caller’s language, unless confirmed', async () => {
    const officer = await t.as('officer');
    const ki = await succeeded(officer.post('/api/institutions', institutionBody({ nameEn: 'Karolinska Institutet', nameZh: '卡罗林斯卡学院', nameFr: 'Institut Karolinska', countryCode: 'SE', website: 'http://www.ki.se/', referenceRef: 'hipo:7845' })));
    const before = await institutions();
    // The catalogue's other entry for the same school: another reference, its website written another way.
    const eche = { kind: 'university', nameEn: 'KAROLINSKA INSTITUTET', countryCode: 'SE', website: 'https://ki.se/en', referenceRef: 'eche:S  STOCKHO03' };
    const chinese = await officer.post('/api/institutions', eche, { 'accept-language': 'zh-CN' });
    expect(chinese.statusCode).toBe(409);
    const error = chinese.json().error;
    expect(error.code).toBe('institution_exists');
    expect(error.current).toMatchObject({ id: ki.id, reasons: ['website'] });
    expect(error.fields).toEqual([{ field: 'website', message: expect.stringContaining('卡罗林斯卡学院') }]);
    const french = (await officer.post('/api/institutions', eche, { 'accept-language': 'fr' })).json().error;
    expect(french.fields[0].message).toContain('Institut Karolinska');
    // Without a website of its own, the catalogue entry's (www.ki.se) is compared.
    const { website: _website, ...withoutWebsite } = eche;
    expect((await officer.post('/api/institutions', withoutWebsite)).json().error.current.id).toBe(ki.id);
    expect(await institutions()).toBe(before);
    const anyway = await officer.post('/api/institutions', { ...eche, createAnyway: true });
    expect(anyway.statusCode).toBe(201);
    expect(await institutions()).toBe(before + 1);
  });

  it('refuses the same catalogue entry or identifier, whatever its spacing or case, and lets other sites of one country suffix through', async () => {
    const officer = await t.as('officer');
    const paris = await succeeded(officer.post('/api/institutions', institutionBody({ nameEn: 'Université Paris Cité', referenceRef: 'eche:F  PARIS482', erasmusCode: 'F  PARIS482', pic: '999900001', ror: '05f82e368' })));
    const again = (await officer.post('/api/institutions', institutionBody({ referenceRef: 'eche:F  PARIS482' }))).json().error;
    // The catalogue entry brings its own website and Erasmus code, which match too.
    expect(again).toMatchObject({ code: 'institution_exists', current: { id: paris.id } });
    expect(again.current.reasons).toEqual(expect.arrayContaining(['referenceRef', 'erasmusCode']));
    const spaced = (await officer.post('/api/institutions', institutionBody({ erasmusCode: 'f paris482' }))).json().error;
    expect(spaced.fields.map((f: { field: string }) => f.field)).toEqual(['erasmusCode']);
    expect((await officer.post('/api/institutions', institutionBody({ pic: '999900001' }))).json().error.current.reasons).toEqual(['pic']);
    expect((await officer.post('/api/institutions', institutionBody({ ror: '05f82e368' }))).json().error.current.reasons).toEqual(['ror']);
    expect((await officer.post('/api/institutions', institutionBody({ nameEn: 'University of Oxford', countryCode: 'GB', website: 'https://www.ox.ac.uk/' }))).statusCode).toBe(201);
    expect((await officer.post('/api/institutions', institutionBody({ nameEn: 'University of Cambridge', countryCode: 'GB', website: 'https://www.cam.ac.uk/' }))).statusCode).toBe(201);
    expect((await officer.post('/api/institutions', institutionBody({ nameEn: 'Oxford again', countryCode: 'GB', website: 'http://medsci.ox.ac.uk' }))).statusCode).toBe(409);
  });
});

describe('merging two institutions', () => {
  it('lists every foreign key to institutions in the merge, so a new table cannot be forgotten', async () => {
    const listed = [...INSTITUTION_REFERENCES, INSTITUTION_LEDGER_REFERENCE].map((r) => `${r.table}.${r.column}`).sort();
    expect(listed).toEqual(await foreignKeysTo(t.db, 'institutions'));
  });

  it('moves every reference to the survivor in one write, keeps the figures, leaves a redirect and the names, audited on both', async () => {
    const officer = await t.as('officer');
    const survivor = await succeeded(officer.post('/api/institutions', institutionBody({ nameEn: 'Kyoto University', nameZh: '京都大学', countryCode: 'JP' })));
    const merged = await succeeded(officer.post('/api/institutions', institutionBody({ nameEn: 'Kyoto Univ. Graduate School of Medicine', nameFr: 'Université de Kyoto (médecine)', countryCode: 'JP', erasmusCode: 'JP KYOTO-TEST', website: 'https://www.med.kyoto-u.ac.jp/' })));
    const onlyMerged = await succeeded(officer.post('/api/agreements', agreementBody([merged.id])));
    const withBoth = await succeeded(officer.post('/api/agreements', agreementBody([survivor.id, merged.id])));
    const visitor = await succeeded(officer.post('/api/people', personBody({ nationality: 'JP', institutionId: merged.id, unitId: t.units.a })));
    let visit = await succeeded(officer.post('/api/visits', visitBody(t.units.a, [visitor.id])));
    visit = await succeeded(officer.post(`/api/visits/${visit.id}/transitions`, { to: 'approved', version: visit.version }));
    await succeeded(officer.post(`/api/visits/${visit.id}/transitions`, { to: 'held', on: '2024-05-10', version: visit.version }));
    await succeeded(officer.post('/api/ledger/aggregates', { direction: 'inbound', who: 'visitor', count: 12, category: 'all_purposes', countryCode: 'JP', institutionId: merged.id, startDate: '1995-01-01', endDate: '1995-12-31', sourceDocument: 'Yearbook 1995', unitId: t.units.a }));

    const ledgerTotal = () => count('SELECT coalesce(sum(count), 0)::int AS n FROM ledger');
    const ofInstitution = (id: number) => count('SELECT coalesce(sum(count), 0)::int AS n FROM ledger WHERE institution_id = $1', [id]);
    const totalBefore = await ledgerTotal();
    const [survivorBefore, mergedBefore] = [await ofInstitution(survivor.id), await ofInstitution(merged.id)];
    expect(mergedBefore).toBeGreaterThan(0);

    const preview = (await officer.get(`/api/institutions/${merged.id}/merge?into=${survivor.id}`)).json();
    expect(preview.moves).toMatchObject({ agreements: 2, people: 1, visits: 1, aggregates: 1, ledger: await count('SELECT count(*)::int AS n FROM ledger WHERE institution_id = $1', [merged.id]) });
    expect(preview.both).toEqual({ agreements: 1 });

    const body = { into: survivor.id, version: merged.version, intoVersion: survivor.version };
    for (const role of ['coordinatorA', 'viewer', 'leader'] as const) expect((await (await t.as(role)).post(`/api/institutions/${merged.id}/merge`, body)).statusCode).toBe(403);
    expect((await officer.post(`/api/institutions/${merged.id}/merge`, { ...body, version: merged.version + 1 })).statusCode).toBe(409);
    expect((await officer.post(`/api/institutions/${merged.id}/merge`, { ...body, into: merged.id })).json().error.fields[0].field).toBe('into');
    expect(Object.keys(await rowsNaming(t.db, 'institutions', merged.id)).length).toBeGreaterThan(0);

    const response = await officer.post(`/api/institutions/${merged.id}/merge`, body);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().moved).toEqual(preview.moves);
    expect(await rowsNaming(t.db, 'institutions', merged.id)).toEqual({});
    expect(await ledgerTotal()).toBe(totalBefore);
    expect(await ofInstitution(survivor.id)).toBe(survivorBefore + mergedBefore);
    const verified = await verifyLedgerRollups(t.db);
    expect(verified.cellDifferences).toEqual([]);
    expect(verified.figureDifferences).toEqual([]);

    const partners = async (id: number) => (await officer.get(`/api/agreements/${id}`)).json().partners.map((p: { institutionId: number }) => p.institutionId);
    expect(await partners(onlyMerged.id)).toEqual([survivor.id]);
    expect(await partners(withBoth.id)).toEqual([survivor.id]);
    expect((await officer.get(`/api/people/${visitor.id}`)).json().institutionId).toBe(survivor.id);

    const old = await officer.get(`/api/institutions/${merged.id}`);
    expect(old.statusCode).toBe(404);
    expect(old.json().error).toMatchObject({ code: 'record_merged', current: { id: survivor.id } });
    const kept = (await officer.get(`/api/institutions/${survivor.id}`)).json();
    expect(kept).toMatchObject({ nameEn: 'Kyoto University', erasmusCode: 'JP KYOTO-TEST', website: 'https://www.med.kyoto-u.ac.jp/', otherNames: ['Kyoto Univ. Graduate School of Medicine', 'Université de Kyoto (médecine)'] });
    const found = (await officer.get(`/api/institutions?q=${encodeURIComponent('universite de kyoto medecine')}`)).json().items.map((i: { id: number }) => i.id);
    expect(found).toEqual([survivor.id]);

    const history = (await officer.get(`/api/audit?entity=institution&entityId=${survivor.id}&order=asc&pageSize=50`)).json().items;
    expect(history.map((h: { entityId: string; action: string }) => `${h.entityId}:${h.action}`)).toEqual(
      expect.arrayContaining([`${merged.id}:create`, `${merged.id}:merge`, `${survivor.id}:merge`]),
    );
    const survivorRow = history.find((h: { entityId: string; action: string }) => h.entityId === String(survivor.id) && h.action === 'merge');
    expect(survivorRow.after).toMatchObject({ mergedFrom: merged.id, moved: preview.moves });
  });

  it('answers 404 for an unknown institution and 400 naming `into` for an unknown survivor', async () => {
    const officer = await t.as('officer');
    const one = await succeeded(officer.post('/api/institutions', institutionBody()));
    expect((await officer.post('/api/institutions/99999999/merge', { into: one.id, version: 1, intoVersion: 1 })).statusCode).toBe(404);
    const unknownInto = await officer.post(`/api/institutions/${one.id}/merge`, { into: 99999999, version: 1, intoVersion: 1 });
    expect(unknownInto.statusCode).toBe(400);
    expect(unknownInto.json().error.fields[0].field).toBe('into');
  });
});
