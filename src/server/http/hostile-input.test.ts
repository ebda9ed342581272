import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../test/harness.ts';
import { agreementBody, appointmentBody, conferenceBody, institutionBody, multipartFile, personBody, visitBody } from '../test/factories.ts';
import { addDays, officeToday } from '../../shared/calendar.ts';
import { visibleText } from '../security/visible-text.ts';
import { csvRows } from '../test/csv-rows.ts';
import { recordKindBody } from '../test/record-kind-samples.ts';
import { formFields } from '../../shared/kinds/record-kind.ts';
import { RECORD_KINDS } from '../../shared/kinds/record-kinds.ts';

// Issue 6, "Bad input": markup, SQL, bidirectional controls, emoji and very long text are stored
// as given, read back byte for byte, and leave every export as text — never as markup a browser
// runs, nor as a formula a spreadsheet runs.

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const SQL = "'; DROP TABLE people; --";
/** Right-to-left override and pop, marks, isolates: the text reads otherwise than it is. */
const BIDI = 'invoice\u202Efdp.exe\u202C \u200Fmark\u200E \u2067isolate\u2069';
/** A family (ZWJ sequence), a flag (ZWJ + variation selector), a skin tone. */
const EMOJI = '👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽';
const FORMULA = '=HYPERLINK("http://evil.example","click")';
/**
 * 10,000 characters of markup, accents and emoji. The contracts' limits count characters (code
 * points, as zod does), not UTF-16 units: this is 11,000 units, and 10,001 characters is refused.
 */
const LONG = '<b>é</b>🙂!'.repeat(1000);
/** 5,000 of the same, for fields whose limit is 5,000. */
const LONG_5000 = '<b>é</b>🙂!'.repeat(500);

const FORMULA_START = /^[=+\-@\t\r]/;
/** What reorders or hides text: exports leave it out (issue 15, finding 11). */
const REORDERING = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u200B\u2060]/;

let t: TestServer;
let officer: Client;
let dir: string;
const today = officeToday();
const ids = {} as Record<'unit' | 'institution' | 'person' | 'agreement' | 'visit' | 'appointment' | 'conference' | 'aggregate', number>;

beforeAll(async () => {
  t = await startTestServer();
  officer = await t.as('officer');
  dir = mkdtempSync(join(tmpdir(), 'interchange-hostile-'));
});
afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Creates with `body`, expecting 201, and returns the created record as the API answered. */
async function created(url: string, body: unknown, as: Client = officer): Promise<Record<string, unknown> & { id: number; version: number }> {
  const response = await as.post(url, body);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(201);
  return response.json();
}

/** Expects a 400 naming exactly `fields` as too long. */
async function refusedTooLong(url: string, body: unknown, fields: string[], as: Client = officer): Promise<void> {
  const response = await as.post(url, body, { 'accept-language': 'en' });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
  expect(response.json().error.fields).toEqual(fields.map((field) => ({ field, message: `${field}: is too long` })));
}

/** Steps a record through its lifecycle, each step 200. */
async function step(url: string, row: { version: number }, steps: Array<Record<string, unknown>>): Promise<{ version: number }> {
  let current = row;
  for (const s of steps) {
    const response = await officer.post(url, { ...s, version: current.version });
    expect(response.statusCode, `${url} ${JSON.stringify(s)}: ${response.body}`).toBe(200);
    current = response.json();
  }
  return current;
}

/** A cell as a spreadsheet shows it: a leading apostrophe only says "text". */
const shown = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r])/, '');

/**
 * Every cell of a table export, in each language, is inert text (nothing starts as a formula,
 * no formula cells, no bidi control or invisible character), and each of that language's
 * `expected` is there, as it reads, in some cell.
 */
async function checkTable(url: string, given: Record<'en' | 'zh' | 'fr', string[]>): Promise<void> {
  const expected = { en: given.en.map(visibleText), zh: given.zh.map(visibleText), fr: given.fr.map(visibleText) };
  for (const lang of ['en', 'zh', 'fr'] as const) {
    const csv = await officer.get(`${url}${url.includes('?') ? '&' : '?'}format=csv`, { 'accept-language': lang });
    expect(csv.statusCode, `${url} csv: ${csv.body.slice(0, 300)}`).toBe(200);
    const cells = csvRows(csv.body).flat();
    for (const cell of cells) expect(cell, `${url} csv ${lang}`).not.toMatch(FORMULA_START);
    for (const cell of cells) expect(cell, `${url} csv ${lang}`).not.toMatch(REORDERING);
    const text = cells.map(shown).join('\n');
    for (const s of expected[lang]) expect(text, `${url} csv ${lang}`).toContain(s);

    const xlsx = await officer.get(`${url}${url.includes('?') ? '&' : '?'}format=xlsx`, { 'accept-language': lang });
    expect(xlsx.statusCode, `${url} xlsx`).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values: string[] = [];
    workbook.worksheets[0]!.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, `${url} xlsx ${lang} ${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') {
          expect(cell.value, `${url} xlsx ${lang} ${cell.address}`).not.toMatch(FORMULA_START);
          expect(cell.value, `${url} xlsx ${lang} ${cell.address}`).not.toMatch(REORDERING);
          values.push(shown(cell.value));
        }
      }),
    );
    for (const s of expected[lang]) expect(values.join('\n'), `${url} xlsx ${lang}`).toContain(s);
  }
}

/** The text of a PDF as poppler reads it, or null where poppler-utils is not installed. */
function pdfText(pdf: Buffer): string | null {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return result.error ? null : result.stdout;
}

/** HTML escaping as the reports write it. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

describe('hostile text is stored as given', () => {
  it('in a unit, an institution and a person: names and notes come back byte for byte; too-long ones are 400 naming the field', async () => {
    const admin = await t.as('admin');
    await refusedTooLong('/api/units', { code: 'LONG', kind: 'school', nameEn: LONG, nameZh: LONG, parentId: t.units.root }, ['nameEn', 'nameZh'], admin);
    const unitBody = { code: 'HOSTILE', kind: 'school', nameEn: `${FORMULA} ${SCRIPT}`, nameZh: `${IMG}${EMOJI}`, nameFr: `${SQL} ${BIDI}`, parentId: t.units.root };
    const unit = await created('/api/units', unitBody, admin);
    ids.unit = unit.id;
    expect(await (await admin.get(`/api/units/${unit.id}`)).json()).toMatchObject({ nameEn: unitBody.nameEn, nameZh: unitBody.nameZh, nameFr: unitBody.nameFr });

    await refusedTooLong('/api/institutions', institutionBody({ nameEn: LONG, notes: LONG }), ['nameEn', 'notes']);
    const institution = {
      nameEn: `${FORMULA}${SCRIPT}`,
      nameZh: IMG,
      nameFr: SQL,
      nameLocal: BIDI,
      otherNames: [EMOJI, '+1 (555) 0100', '@SUM(A1:A9)', '-2+3'],
      city: `${EMOJI} ${BIDI}`.slice(0, 120),
      notes: LONG_5000,
    };
    const inst = await created('/api/institutions', institutionBody(institution));
    ids.institution = inst.id;
    expect((await officer.get(`/api/institutions/${inst.id}`)).json()).toMatchObject(institution);

    await refusedTooLong('/api/people', personBody({ familyName: LONG, notes: LONG }), ['familyName', 'notes']);
    const person = { familyName: SCRIPT, givenName: IMG, nameZh: `王\u202E振义${EMOJI}`, otherNames: [SQL, BIDI, FORMULA], title: '@Prof. -1', notes: LONG_5000, institutionId: inst.id };
    const p = await created('/api/people', personBody(person));
    ids.person = p.id;
    expect((await officer.get(`/api/people/${p.id}`)).json()).toMatchObject(person);
    // The SQL did nothing: the table is there, and the person is found by their own text.
    const found = await officer.get(`/api/search?q=${encodeURIComponent(SQL)}`);
    expect(found.statusCode, found.body).toBe(200);
    expect(JSON.stringify(found.json())).toContain(`"id":${p.id}`);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM people')).rows[0]!.n).toBeGreaterThan(0);
  });

  it('in an agreement, a visit, an appointment, a conference and its attendee list, and a ledger aggregate', async () => {
    await refusedTooLong('/api/agreements', agreementBody([ids.institution], { titleEn: LONG, notes: `${LONG}x` }), ['titleEn', 'notes']);
    const agreement = {
      titleEn: `${FORMULA} ${SCRIPT}`,
      titleZh: `${IMG}协议`,
      titleFr: `${BIDI} ${EMOJI}`,
      ourSignatory: SQL,
      partnerSignatory: '-1+1',
      notes: LONG,
      level: 'collegiate' as const,
      unitId: ids.unit,
      effectiveOn: '2024-01-01',
      signedOn: '2024-01-01',
      expiresOn: addDays(today, 90),
    };
    const a = await created('/api/agreements', agreementBody([ids.institution], agreement));
    ids.agreement = a.id;
    await step(`/api/agreements/${a.id}/transitions`, a, ['under_review', 'approved', 'signed', 'active'].map((to) => ({ to, on: '2024-01-01' })));
    const { level: _level, ...agreementText } = agreement;
    expect((await officer.get(`/api/agreements/${a.id}`)).json()).toMatchObject({ ...agreementText, partners: [{ institutionId: ids.institution, nameEn: `${FORMULA}${SCRIPT}` }] });

    await refusedTooLong('/api/visits', visitBody(ids.unit, [ids.person], { titleEn: LONG, notes: `${LONG}x` }), ['titleEn', 'notes']);
    const visit = { titleEn: `${FORMULA} ${IMG}`, titleZh: `${SCRIPT}来访`, receivingOfficial: `${SQL} ${BIDI}`, notes: LONG, protocolLevel: 'head_of_state_or_government' as const };
    const v = await created('/api/visits', { ...visitBody(ids.unit, [ids.person], visit), members: [{ personId: ids.person, roleInDelegation: EMOJI }] });
    ids.visit = v.id;
    await step(`/api/visits/${v.id}/transitions`, v, [{ to: 'approved' }, { to: 'held', on: '2024-05-10' }]);
    const visitBack = (await officer.get(`/api/visits/${v.id}`)).json();
    expect(visitBack).toMatchObject(visit);
    expect(visitBack.members[0]).toMatchObject({ personId: ids.person, roleInDelegation: EMOJI });

    await refusedTooLong('/api/appointments', appointmentBody(ids.person, ids.unit, { notes: `${LONG}x` }), ['notes']);
    const ap = await created('/api/appointments', appointmentBody(ids.person, ids.unit, { notes: LONG, startDate: '2024-01-01', endDate: addDays(today, 30) }));
    ids.appointment = ap.id;
    await step(`/api/appointments/${ap.id}/transitions`, ap, [{ to: 'appointed' }]);
    expect((await officer.get(`/api/appointments/${ap.id}`)).json()).toMatchObject({ notes: LONG });

    await refusedTooLong('/api/conferences', conferenceBody(ids.unit, { titleEn: LONG, titleZh: LONG, venue: LONG }), ['titleEn', 'titleZh', 'venue']);
    const conference = { titleEn: `${SCRIPT}${FORMULA}`, titleZh: IMG, titleFr: SQL, venue: `${BIDI} ${EMOJI}`, notes: LONG, summary: `${LONG}${LONG}` };
    const c = await created('/api/conferences', { ...conferenceBody(ids.unit, conference), partners: [{ institutionId: ids.institution, role: EMOJI }] });
    ids.conference = c.id;
    await step(`/api/conferences/${c.id}/transitions`, c, [{ to: 'approved' }, { to: 'held', on: '2024-05-10' }]);
    expect((await officer.get(`/api/conferences/${c.id}`)).json()).toMatchObject(conference);

    // The attendee list: hostile names import as given; one too long is named by its row.
    const csv = (names: string[]) => `name,country\r\n${names.map((n) => `"${n.replaceAll('"', '""')}",FR`).join('\r\n')}\r\n`;
    const names = [SCRIPT, IMG, SQL, BIDI, EMOJI, FORMULA, '+33 1 23', '@admin', '-minus'];
    const upload = async (text: string) => {
      const { payload, headers } = multipartFile('attendees.csv', Buffer.from(text, 'utf8'));
      return officer.post(`/api/imports/attendees/commit?conference=${c.id}`, payload, { ...headers, 'accept-language': 'en' });
    };
    const tooLong = await upload(csv([...names, LONG]));
    expect(tooLong.statusCode, tooLong.body).toBe(400);
    expect(tooLong.json().error.fields).toEqual([{ field: `rows.${names.length + 2}.name`, message: `rows.${names.length + 2}.name: is too long` }]);
    const imported = await upload(csv(names));
    expect(imported.statusCode, imported.body).toBe(201);
    const attendees = (await officer.get(`/api/conferences/${c.id}/attendees`)).json();
    const list: Array<{ fullName: string }> = Array.isArray(attendees) ? attendees : attendees.items;
    expect(list.map((x) => x.fullName).sort()).toEqual([...names].sort());

    await refusedTooLong('/api/ledger/aggregates', { direction: 'inbound', who: 'staff', count: 3, category: 'other', startDate: '1985-01-01', endDate: '1985-12-31', sourceDocument: LONG, notes: LONG }, ['sourceDocument', 'notes']);
    const aggregate = { sourceDocument: `${FORMULA} ${SCRIPT} ${IMG}`, notes: `${SQL} ${BIDI} ${EMOJI}` };
    const ag = await created('/api/ledger/aggregates', { direction: 'inbound', who: 'staff', count: 3, category: 'other', unitId: ids.unit, startDate: '1985-01-01', endDate: '1985-12-31', ...aggregate });
    ids.aggregate = ag.id;
    expect((await officer.get(`/api/ledger/aggregates/${ag.id}`)).json()).toMatchObject(aggregate);
  });

  it('in every kind described down to its fields: its names and texts come back byte for byte, too-long ones are 400 naming the field, its exports are inert', async () => {
    const hostile = [`${FORMULA} ${SCRIPT}`, `${IMG}${EMOJI}`, `${SQL} ${BIDI}`];
    for (const kind of RECORD_KINDS) {
      const texts = formFields(kind).filter((f) => f.type.is === 'name' || f.type.is === 'text');
      const body = recordKindBody(kind, { unitId: ids.unit, institutionId: ids.institution });
      const limit = (f: (typeof texts)[number]) => ('max' in f.type && f.type.max) || (f.type.is === 'name' ? 300 : 2000);
      await refusedTooLong(`/api/${kind.path}`, { ...body, ...Object.fromEntries(texts.map((f) => [f.name, 'é'.repeat(limit(f) + 1)])) }, texts.map((f) => f.name));
      const given = Object.fromEntries(texts.map((f, i) => [f.name, hostile[i % hostile.length]!]));
      const row = await created(`/api/${kind.path}`, { ...body, ...given });
      expect((await officer.get(`/api/${kind.path}/${row.id}`)).json(), kind.path).toMatchObject(given);
      const listed = texts.filter((f) => f.listed).map((f) => given[f.name]!);
      await checkTable(`/api/${kind.path}`, { en: listed, zh: listed, fr: listed });
    }
  });

  it('in the audit log, as given', async () => {
    const audit = (await officer.get(`/api/audit?entity=person&entityId=${ids.person}`)).json();
    const after = JSON.stringify(audit.items);
    for (const s of [SCRIPT, IMG, SQL, BIDI, EMOJI, FORMULA]) expect(after).toContain(JSON.stringify(s).slice(1, -1));
  });
});

describe('every export shows it as text', () => {
  it('the renewal watch, the experts\u2019 renewal list and the overdue visit reports, as CSV and xlsx: no cell is a formula nor reorders its text, every name is there', async () => {
    // The unit's name, the titles and the partner's name are each in the reader's language.
    const unit = { en: `${FORMULA} ${SCRIPT}`, zh: `${IMG}${EMOJI}`, fr: `${SQL} ${BIDI}` };
    await checkTable('/api/agreements/renewal-watch?months=12', {
      en: [unit.en, `${FORMULA} ${SCRIPT}`, `${FORMULA}${SCRIPT}`],
      zh: [unit.zh, `${IMG}协议`, IMG],
      fr: [unit.fr, `${BIDI} ${EMOJI}`, `${FORMULA}${SCRIPT}`],
    });
    const expert = [`${SCRIPT}, ${IMG}`, `王\u202E振义${EMOJI}`];
    await checkTable('/api/appointments/renewals?months=3', { en: [...expert, unit.en], zh: [...expert, unit.zh], fr: [...expert, unit.fr] });
    await checkTable('/api/visits/overdue-reports', { en: [unit.en, `${FORMULA} ${IMG}`], zh: [unit.zh, `${SCRIPT}来访`], fr: [unit.fr, `${FORMULA} ${IMG}`] });
    // The breakdowns hold codes and counts only, and go through the same table writer.
    await checkTable('/api/reports/breakdown?by=unit', { en: [String(ids.unit)], zh: [], fr: [] });
  });

  it('the fact sheet and the year in review as HTML: the visitor\u2019s name escaped, no tag of theirs', async () => {
    const urls = ['en', 'zh', 'fr'].flatMap((lang) => [`/api/reports/factsheet?format=html&lang=${lang}`, `/api/reports/year-in-review?year=2023&format=html&lang=${lang}`]);
    for (const url of urls) {
      const response = await officer.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      const html = response.body;
      expect(html, url).not.toMatch(/<script|<img|<b>/i);
      if (url.includes('factsheet')) expect(html.toLowerCase(), url).toContain(escapeHtml(SCRIPT).toLowerCase());
    }
  });

  it('the fact sheet as Markdown: the name is there with its markup escaped, so a Markdown viewer shows it as text', async () => {
    for (const lang of ['en', 'zh', 'fr']) {
      const response = await officer.get(`/api/reports/factsheet?format=md&lang=${lang}`);
      expect(response.statusCode).toBe(200);
      const md = response.body;
      expect(md, lang).not.toMatch(/(^|[^\\])<(script|img|\/script)/i);
      // Unescaped, it reads as the name.
      expect(md.replace(/\\(.)/g, '$1').toLowerCase(), lang).toContain(SCRIPT.toLowerCase());
    }
  });

  it('the fact sheet as PDF and the invitation letters: drawn, with the name as text', async () => {
    for (const lang of ['en', 'zh', 'fr']) {
      const pdf = await officer.get(`/api/reports/factsheet?format=pdf&lang=${lang}`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(pdf.rawPayload);
      if (text !== null) expect(text.replace(/\s+/g, '').toLowerCase(), lang).toContain('alert(1)</script>');
    }
    for (const lang of ['en', 'zh']) {
      const letter = await officer.get(`/api/visits/${ids.visit}/invitation-letter?lang=${lang}&memberId=${ids.person}`);
      expect(letter.statusCode, letter.body.slice(0, 200)).toBe(200);
      expect(letter.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(letter.rawPayload);
      if (text !== null) expect(text.replace(/\s+/g, '').toLowerCase(), lang).toContain(lang === 'en' ? SCRIPT.toLowerCase() : '振义');
      if (text !== null) expect(text, lang).not.toMatch(REORDERING);
    }
  });
});
