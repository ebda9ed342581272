import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.ts';
import { DOCUMENT_KINDS } from '../../../shared/contracts/documents.ts';
import { LOCALES } from '../../../shared/contracts/common.ts';
import { fieldReason } from '../../../shared/i18n/errors.ts';
import { builtinTemplate } from './builtin-templates.ts';
import { buildDocx } from './docx-build.ts';
import { checkDocx, DOCX_LIMITS } from './docx-limits.ts';
import { checkTemplate, fillTemplate, knownTags } from './docx-fill.ts';
import { documentDate } from './document-dates.ts';

const fixture = readFileSync(new URL('./fixtures/delegation-letter.docx', import.meta.url));

/** The text of a filled document's body, as Word would show it (the runs joined). */
function documentText(docx: Buffer): string {
  const xml = new PizZip(docx).file('word/document.xml')!.asText();
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** The refusal a call throws, or fails. */
function refusal(f: () => unknown): DomainError {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function asyncRefusal(f: () => Promise<unknown>): Promise<DomainError> {
  try {
    await f();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const members = [
  { name: 'أحمد الفارسي', country: 'مصر' },
  { name: 'สมชาย ใจดี', country: 'ประเทศไทย' },
  { name: '陳國強', country: '台湾' },
  { name: 'Иван ПЕТРОВ', country: 'Россия' },
];

describe('a template filled for a delegation', () => {
  it('is checked on upload: it uses known placeholders only, read across Word’s runs', () => {
    const used = checkTemplate('invitation_letter', fixture);
    expect(used).toContain('visitorName');
    expect(used).toContain('members');
    for (const tag of used) expect(knownTags('invitation_letter').has(tag), tag).toBe(true);
  });

  for (const lang of LOCALES) {
    it(`names every member in their own script and dates the letter in ${lang}`, () => {
      const date = documentDate('2026-12-06', lang);
      const filled = fillTemplate('invitation_letter', fixture, {
        hostUnit: '上海交通大学医学院附属瑞金医院',
        reference: 'V1-2',
        date,
        visitorName: members[0]!.name,
        startDate: documentDate('2027-05-10', lang),
        endDate: documentDate('2027-05-12', lang),
        visitTitle: 'Haematology seminar',
        delegationSize: String(members.length),
        members,
      });
      const text = documentText(filled);
      expect(text).toContain(`Dear ${members[0]!.name},`);
      for (const m of members) expect(text).toContain(`${m.name} (${m.country})`);
      expect(text).toContain(date);
      expect(text).toContain('上海交通大学医学院附属瑞金医院');
      expect(text).not.toMatch(/[{}]/);
    });
  }

  it('writes dates as each language does', () => {
    expect(documentDate('2026-12-06', 'zh')).toBe('2026年12月6日');
    expect(documentDate('2026-12-06', 'en')).toBe('6 December 2026');
    expect(documentDate('2026-12-06', 'fr')).toBe('6 décembre 2026');
    expect(documentDate('2027-03-01', 'fr')).toBe('1er mars 2027');
    expect(documentDate(null, 'en')).toBe('');
  });
});

describe('a template refused', () => {
  it('names an unknown placeholder, in the user’s language', () => {
    const docx = buildDocx([{ text: 'Dear {visitorNmae}, welcome to {hostUnit}.' }], 'typo');
    const error = refusal(() => checkTemplate('invitation_letter', docx));
    expect(error.code).toBe('validation_failed');
    expect(error.extra.fields).toEqual([{ field: 'file', reason: 'unknown_placeholder:visitorNmae' }]);
    expect(fieldReason(error.extra.fields![0]!.reason, 'zh')).toContain('{visitorNmae}');
    expect(fieldReason(error.extra.fields![0]!.reason, 'fr')).toContain('{visitorNmae}');
  });

  it('refuses a placeholder of another kind of document', () => {
    const docx = buildDocx([{ text: '{#members}{passportNumber}{/members}' }], 'passport');
    expect(refusal(() => checkTemplate('invitation_letter', docx)).extra.fields).toEqual([{ field: 'file', reason: 'unknown_placeholder:passportNumber' }]);
    expect(checkTemplate('visa_support_letter', docx)).toContain('passportNumber');
  });

  it('names an unclosed tag', () => {
    const docx = buildDocx([{ text: 'Dear {visitorName, welcome.' }], 'unclosed');
    const error = refusal(() => checkTemplate('invitation_letter', docx));
    expect(error.extra.fields?.[0]?.reason).toMatch(/^template_syntax:/);
  });

  it('refuses a file that is not a Word document', async () => {
    expect((await asyncRefusal(() => checkDocx(Buffer.from('%PDF-1.7 not a zip')))).extra.fields).toEqual([{ field: 'file', reason: 'template_not_docx' }]);
    const zip = new PizZip();
    zip.file('hello.txt', 'a zip, not a docx');
    expect((await asyncRefusal(() => checkDocx(zip.generate({ type: 'nodebuffer' })))).extra.fields).toEqual([{ field: 'file', reason: 'template_not_docx' }]);
  });

  it('refuses a zip bomb by what it inflates to, before docxtemplater reads it', async () => {
    const zip = new PizZip(fixture);
    zip.file('word/media/bomb.bin', Buffer.alloc(DOCX_LIMITS.inflatedBytes + 1));
    const bomb = zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(DOCX_LIMITS.bytes);
    const error = await asyncRefusal(() => checkDocx(bomb));
    expect(error.kind).toBe('too_large');
    expect(error.extra.fields).toEqual([{ field: 'file', reason: 'template_inflated_too_large' }]);
  });

  it('refuses an oversized file and one of too many parts', async () => {
    expect((await asyncRefusal(() => checkDocx(Buffer.alloc(DOCX_LIMITS.bytes + 1)))).extra.fields).toEqual([{ field: 'file', reason: 'template_too_large' }]);
    const zip = new PizZip(fixture);
    for (let i = 0; i < DOCX_LIMITS.parts; i++) zip.file(`word/media/p${i}.txt`, 'x');
    expect((await asyncRefusal(() => checkDocx(zip.generate({ type: 'nodebuffer' })))).extra.fields).toEqual([{ field: 'file', reason: 'template_too_many_parts' }]);
  });
});

describe('the built-in templates', () => {
  for (const kind of DOCUMENT_KINDS)
    for (const lang of LOCALES)
      it(`${kind} in ${lang} passes the upload check and fills every placeholder`, async () => {
        const docx = builtinTemplate(kind, lang);
        await checkDocx(docx);
        const used = checkTemplate(kind, docx);
        expect(used).toContain('hostUnit');
        const item = { name: 'Ива́н', role: 'r', institution: 'i', country: 'c', nationality: 'n', passportNumber: 'P1', birthDate: 'b', programme: 'p', departureDate: 'd', returnDate: 'e' };
        const data = Object.fromEntries(used.map((tag) => [tag, tag === 'members' || tag === 'nominees' ? [item] : `«${tag}»`]));
        const text = documentText(fillTemplate(kind, docx, data));
        expect(text).not.toMatch(/[{}]/);
        expect(text).toContain('«hostUnit»');
      });
});
