import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { appointmentBody, conferenceBody, multipartFile, personBody, visitBody } from '../../test/factories.ts';
import { findSoffice } from './pdf-converter.ts';

let t: TestServer;
let dir = '';
let visitId: number;
const OFFICIAL_ZH = '上海交通大学医学院附属瑞金医院';
const fixture = readFileSync(new URL('./fixtures/delegation-letter.docx', import.meta.url));

// A delegation whose names are in four scripts: Arabic, Thai, Chinese, Cyrillic.
const DELEGATION = [
  { familyName: 'الفارسي', givenName: 'أحمد', nationality: 'EG', passportNumber: 'A12345678' },
  { familyName: 'ใจดี', givenName: 'สมชาย', nationality: 'TH', passportNumber: 'AA1234567' },
  { familyName: 'Chen', givenName: 'Kuo-chiang', nameZh: '陳國強', nationality: 'TW', passportNumber: '301234567' },
  { familyName: 'Петров', givenName: 'Иван', nationality: 'RU', passportNumber: '752345678' },
];
/** Each member as a letter names them in English and French (given name, family name in capitals) and in Chinese. */
const LATIN_NAMES = ['أحمد الفارسي', 'สมชาย ใจดี', 'Kuo-chiang CHEN', 'Иван ПЕТРОВ'];
const CHINESE_NAMES = ['أحمد الفارسي', 'สมชาย ใจดี', '陳國強', 'Иван ПЕТРОВ'];

beforeAll(async () => {
  t = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'interchange-documents-'));
  const officer = await t.as('officer');
  // The school and its hospital as the demo has them: the hospital's full name says the school's.
  const root = (await officer.get(`/api/units/${t.units.root}`)).json();
  expect((await officer.patch(`/api/units/${t.units.root}`, { nameZh: '上海交通大学医学院', version: root.version })).statusCode).toBe(200);
  const unit = (await officer.get(`/api/units/${t.units.a}`)).json();
  const renamed = await officer.patch(`/api/units/${t.units.a}`, { officialNameZh: OFFICIAL_ZH, officialNameEn: 'Ruijin Hospital, Unit A', version: unit.version });
  expect(renamed.statusCode, renamed.body).toBe(200);
  const ids: number[] = [];
  for (const person of DELEGATION) {
    const created = await officer.post('/api/people', personBody({ ...person, unitId: t.units.a }));
    expect(created.statusCode, created.body).toBe(201);
    ids.push(created.json().id);
  }
  const visit = (await officer.post('/api/visits', visitBody(t.units.a, ids, { titleEn: 'Haematology seminar', titleZh: '血液学研讨会', purpose: 'lecturing' }))).json();
  visitId = (await officer.post(`/api/visits/${visit.id}/transitions`, { to: 'approved', version: visit.version })).json().id;
});
afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The body text of a .docx, its runs joined (a name cut across runs reads whole). */
function docxText(docx: Buffer): string {
  return new PizZip(docx)
    .file('word/document.xml')!
    .asText()
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

const upload = async (role: Parameters<TestServer['as']>[0], kind: string, lang: string, content: Buffer, headers: Record<string, string> = {}) => {
  const { payload, headers: multipart } = multipartFile('letter.docx', content);
  return (await t.as(role)).post(`/api/document-templates/${kind}/${lang}`, payload, { ...multipart, ...headers });
};

describe('document templates', () => {
  it('the administrator uploads one (audited); the office cannot', async () => {
    expect((await upload('officer', 'invitation_letter', 'en', fixture)).statusCode).toBe(403);
    const response = await upload('admin', 'invitation_letter', 'en', fixture);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().placeholders).toContain('visitorName');
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'document_template' AND entity_id = 'invitation_letter/en'`);
    expect(audit.rows.map((r) => r.action)).toContain('create');
    const list = (await (await t.as('viewer')).get('/api/document-templates')).json();
    expect(list.items.find((i: { kind: string; lang: string }) => i.kind === 'invitation_letter' && i.lang === 'en').template.fileName).toBe('letter.docx');
  });

  it('refuses an unknown placeholder by its name, in the uploader’s language', async () => {
    const typo = new PizZip(fixture);
    typo.file('word/document.xml', typo.file('word/document.xml')!.asText().replace('{visitTitle}', '{visitTitel}'));
    const response = await upload('admin', 'invitation_letter', 'zh', typo.generate({ type: 'nodebuffer' }), { 'accept-language': 'zh' });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.fields).toEqual([{ field: 'file', message: expect.stringContaining('{visitTitel}') }]);
    expect(response.json().error.fields[0].message).toContain('占位符');
  });

  it('refuses a zip bomb with 413 and stores nothing', async () => {
    const bomb = new PizZip(fixture);
    bomb.file('word/media/bomb.bin', Buffer.alloc(40 * 1024 * 1024));
    const response = await upload('admin', 'appointment_letter', 'en', bomb.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(response.statusCode, response.body).toBe(413);
    expect(response.json().error.fields[0].field).toBe('file');
    expect((await t.db.query(`SELECT 1 FROM document_templates WHERE kind = 'appointment_letter'`)).rowCount).toBe(0);
  });
});

describe('a document filled from a visit', () => {
  const url = (kind: string, lang: string, format = 'docx') => `/api/documents/${kind}?recordId=${visitId}&lang=${lang}&date=2026-12-06&format=${format}`;

  it('names every member in their own script, dated in English, through the uploaded template', async () => {
    const response = await (await t.as('coordinatorA')).get(url('invitation_letter', 'en'));
    expect(response.statusCode, response.body).toBe(200);
    const text = docxText(response.rawPayload);
    for (const name of LATIN_NAMES) expect(text).toContain(name);
    expect(text).toContain('6 December 2026');
    expect(text).toContain('Ruijin Hospital, Unit A');
  });

  it('in Chinese and French through the built-in template, with the host unit’s full name in Chinese', async () => {
    const zh = docxText((await (await t.as('officer')).get(url('invitation_letter', 'zh'))).rawPayload);
    for (const name of CHINESE_NAMES) expect(zh).toContain(name);
    expect(zh).toContain('2026年12月6日');
    expect(zh).toContain(OFFICIAL_ZH);
    const fr = docxText((await (await t.as('officer')).get(url('invitation_letter', 'fr'))).rawPayload);
    for (const name of LATIN_NAMES) expect(fr).toContain(name);
    expect(fr).toContain('6 décembre 2026');
  });

  it('is not given to a coordinator of another unit', async () => {
    expect((await (await t.as('coordinatorB')).get(url('invitation_letter', 'en'))).statusCode).toBe(404);
    expect((await (await t.as('coordinatorB')).get(url('visa_support_letter', 'en'))).statusCode).toBe(403);
  });

  it('carries passport numbers in the visa support letter only, for roles that may see them', async () => {
    expect((await (await t.as('coordinatorA')).get(url('visa_support_letter', 'en'))).statusCode).toBe(403);
    const visa = docxText((await (await t.as('officer')).get(url('visa_support_letter', 'en'))).rawPayload);
    for (const person of DELEGATION) expect(visa).toContain(person.passportNumber);
    const invitation = docxText((await (await t.as('officer')).get(url('invitation_letter', 'zh'))).rawPayload);
    for (const person of DELEGATION) expect(invitation).not.toContain(person.passportNumber);
  });

  it('the built-in Chinese PDF invitation letter says the host unit’s full official name', async () => {
    const response = await (await t.as('officer')).get(url('invitation_letter', 'zh', 'pdf'));
    expect(response.statusCode, response.body).toBe(200);
    const file = join(dir, 'zh.pdf');
    writeFileSync(file, response.rawPayload);
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text.error).toBeUndefined();
    const flat = text.stdout.replace(/\s+/g, '');
    expect(flat).toContain(`我谨代表${OFFICIAL_ZH}，`);
    // The full name already says the school: it is not followed by the school's name again.
    expect(flat).not.toContain(`${OFFICIAL_ZH}上海交通大学医学院`);
  });

  // LibreOffice is installed on this machine and by .ci/run: this test runs, it never skips.
  it('is converted to PDF by LibreOffice, the names read back by pdftotext', { timeout: 180_000 }, async () => {
    expect(findSoffice(), 'LibreOffice (soffice) is not installed: apt-get install -y libreoffice-writer-nogui (.ci/run installs it)').not.toBeNull();
    const response = await (await t.as('officer')).get(url('invitation_letter', 'fr', 'pdf'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const file = join(dir, 'fr.pdf');
    writeFileSync(file, response.rawPayload);
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text.error).toBeUndefined();
    const flat = text.stdout.normalize('NFC');
    for (const name of ['Kuo-chiang CHEN', 'Иван ПЕТРОВ']) expect(flat).toContain(name);
    expect(flat).toContain('6 décembre 2026');
    // Arabic and Thai come back from pdftotext as their letters, whatever order it reads them in.
    for (const letters of ['الفارسي', 'ใจดี']) expect(flat.replace(/\s+/g, '')).toMatch(new RegExp([...letters.replace(/\s+/g, '')].slice(0, 3).join('')));
  });
});

describe('documents filled from other records', () => {
  it('an expert appointment letter in French, with the term dated in French, not to another unit', async () => {
    const officer = await t.as('officer');
    const expert = (await officer.post('/api/people', personBody({ familyName: 'Петрова', givenName: 'Анна', nationality: 'RU', unitId: t.units.a }))).json().id;
    const appointment = await officer.post('/api/appointments', appointmentBody(expert, t.units.a, { title: 'honorary_professor', startDate: '2027-01-01', endDate: '2029-12-31' }));
    expect(appointment.statusCode, appointment.body).toBe(201);
    const url = `/api/documents/appointment_letter?recordId=${appointment.json().id}&lang=fr&date=2026-12-06`;
    const text = docxText((await (await t.as('coordinatorA')).get(url)).rawPayload);
    for (const expected of ['Анна ПЕТРОВА', '1er janvier 2027', '31 décembre 2029', '6 décembre 2026']) expect(text).toContain(expected);
    expect((await (await t.as('coordinatorB')).get(url)).statusCode).toBe(404);
  });

  it('a certificate of attendance in Chinese, naming the attendee as given', async () => {
    const officer = await t.as('officer');
    const conference = (await officer.post('/api/conferences', conferenceBody(t.units.a, { titleZh: '国际血液学研讨会', startDate: '2026-12-06', endDate: '2026-12-08', venue: '上海' }))).json();
    const added = await officer.post(`/api/conferences/${conference.id}/attendees`, { fullName: 'فاطمة الراشد', institutionName: 'Cairo University', countryCode: 'EG', role: 'speaker', version: conference.version });
    expect(added.statusCode, added.body).toBe(201);
    const response = await officer.get(`/api/documents/attendance_certificate?recordId=${conference.id}&memberId=${added.json().id}&lang=zh&date=2026-12-10`);
    expect(response.statusCode, response.body).toBe(200);
    const text = docxText(response.rawPayload);
    for (const expected of ['فاطمة الراشد', '国际血液学研讨会', '2026年12月6日至2026年12月8日', '2026年12月10日']) expect(text).toContain(expected);
  });
});
