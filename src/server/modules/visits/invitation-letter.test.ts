import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { institutionBody, personBody, visitBody } from '../../test/factories.ts';

let t: TestServer;
let dir = '';
let chen: number;
let lefevre: number;
let visitId: number;
beforeAll(async () => {
  t = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'interchange-letter-'));
  const officer = await t.as('officer');
  const ntu = (await officer.post('/api/institutions', institutionBody({ nameEn: 'National Taiwan University', nameZh: '台湾大学', countryCode: 'TW' }))).json().id;
  chen = (await officer.post('/api/people', personBody({ familyName: 'Chen', givenName: 'Kuo-chiang', nameZh: '陳國強', gender: 'male', nationality: 'TW', institutionId: ntu, title: 'Professor', unitId: t.units.a }))).json().id;
  lefevre = (await officer.post('/api/people', personBody({ familyName: 'Lefèvre', givenName: 'Hélène', gender: 'female', nationality: 'FR', unitId: t.units.a }))).json().id;
  const visit = (
    await officer.post(
      '/api/visits',
      visitBody(t.units.a, [chen, lefevre], { titleEn: 'Haematology seminar', titleZh: '血液学研讨会', purpose: 'lecturing', receivingOfficial: '李副院长', startDate: '2024-05-10', endDate: '2024-05-12' }),
    )
  ).json();
  visitId = (await officer.post(`/api/visits/${visit.id}/transitions`, { to: 'approved', version: visit.version })).json().id;
});
afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The text of a PDF as poppler reads it, or null where poppler-utils is not installed. */
function pdfText(pdf: Buffer): string | null {
  const file = join(dir, `letter-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return result.error ? null : result.stdout;
}

describe('the invitation letter', () => {
  it('is a PDF in Chinese with the visitor\u2019s name in their own script, the dates, the purpose, the host unit and the receiving official', async () => {
    const response = await (await t.as('viewer')).get(`/api/visits/${visitId}/invitation-letter?lang=zh&memberId=${chen}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`invitation-${visitId}-${chen}-zh.pdf`);
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The Chinese font is embedded (as a subset): the standard PDF fonts have no Chinese.
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    const text = pdfText(pdf);
    if (text !== null) {
      const flat = text.replace(/\s+/g, '');
      for (const expected of ['陳國強', '尊敬的陳國強先生', '2024年5月10日至2024年5月12日', '讲学', '单位A', '李副院长', '邀请函']) expect(flat).toContain(expected);
    }
  });

  it('is a PDF in English naming the visitor in Latin script with their Chinese name beside, by default the head of the delegation', async () => {
    const response = await (await t.as('coordinatorA')).get(`/api/visits/${visitId}/invitation-letter`);
    expect(response.statusCode).toBe(200);
    const text = pdfText(response.rawPayload);
    if (text !== null) {
      expect(text).toContain('Kuo-chiang CHEN (陳國強)');
      expect(text).toContain('LETTER OF INVITATION');
      expect(text.replace(/\s+/g, ' ')).toContain('from 10 May 2024 to 12 May 2024 for lecturing');
    }
    const second = await (await t.as('officer')).get(`/api/visits/${visitId}/invitation-letter?lang=en&memberId=${lefevre}`);
    const secondText = pdfText(second.rawPayload);
    if (secondText !== null) {
      expect(secondText).toContain('Hélène LEFÈVRE');
      expect(secondText.replace(/\s+/g, ' ')).toContain('led by Kuo-chiang CHEN (陳國強)');
    }
  });

  it('is dated the day the office chooses, in the letter\u2019s language, and refuses a day that does not exist', async () => {
    const officer = await t.as('officer');
    const english = await officer.get(`/api/visits/${visitId}/invitation-letter?lang=en&date=2024-04-02`);
    expect(english.statusCode, english.body).toBe(200);
    const chinese = await officer.get(`/api/visits/${visitId}/invitation-letter?lang=zh&date=2024-04-02`);
    expect(chinese.statusCode, chinese.body).toBe(200);
    const [englishText, chineseText] = [pdfText(english.rawPayload), pdfText(chinese.rawPayload)];
    if (englishText !== null && chineseText !== null) {
      expect(englishText).toContain('2 April 2024');
      expect(chineseText.replace(/\s+/g, '')).toContain('2024年4月2日');
    }
    const impossible = await officer.get(`/api/visits/${visitId}/invitation-letter?date=2024-02-30`);
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().error.fields[0].field).toBe('date');
  });

  it('is issued only once the office has approved the visit (409), and only for one of its visitors (400)', async () => {
    const officer = await t.as('officer');
    const request = (await officer.post('/api/visits', visitBody(t.units.a, [chen]))).json();
    const early = await officer.get(`/api/visits/${request.id}/invitation-letter`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('visit_not_approved');
    const stranger = await officer.get(`/api/visits/${visitId}/invitation-letter?memberId=999999`);
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.fields[0].field).toBe('memberId');
    expect((await officer.get(`/api/visits/${visitId}/invitation-letter?lang=fr`)).statusCode).toBe(400);
    expect((await (await t.as('coordinatorB')).get(`/api/visits/${visitId}/invitation-letter`)).statusCode).toBe(404);
  });
});
