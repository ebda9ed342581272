import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderInvitationLetter } from '../modules/visits/invitation-letter.ts';
import { renderPdf } from '../reports/factsheet/render-pdf.ts';
import type { ReportDocument } from '../reports/factsheet/report-document.ts';
import { pagePictures, pictureDifference, poppler, readGreyPng } from '../test/page-pictures.ts';
import { SCRIPT_DELEGATION } from '../test/script-names.ts';
import { scriptLetter } from '../test/script-letter.ts';
import { FONT_KEYS, fontLoads, loadFont, type FontKey } from './font-files.ts';
import { MYANMAR_FEATURES, myanmarDrawingOrder } from './myanmar-order.ts';
import { scriptFont, textRuns } from './script-runs.ts';

// Reading the fonts (the Chinese one is 8 MB) and running poppler take seconds on a loaded machine.
const PDF_TIMEOUT = 60_000;
const REFERENCE = join(dirname(fileURLToPath(import.meta.url)), 'reference');

// Text as pdftotext gives it, without the direction marks it puts around right-to-left words, one space between words.
const plain = (text: string) => text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');

/** The PostScript names pdffonts lists as embedded and subset ("ABCDEF+NotoSansArabic-Regular … yes yes yes"). */
function embeddedSubsets(pdf: Buffer): string[] {
  return poppler('pdffonts', pdf)
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length > 5 && cols.at(-5) === 'yes' && cols.at(-4) === 'yes')
    .map((cols) => cols[0]!.replace(/^[A-Z]{6}\+/, ''));
}

/**
 * Compares each page with its committed picture (`reference/NAME-N.png`, drawn by pdftoppm at
 * 50 dpi in grey): block means of 6×6 pixels may differ by 40 shades at most, 1.5 on average.
 * UPDATE_PDF_REFERENCES=1 writes the pictures instead; a missing one fails.
 */
function expectPagesLike(pdf: Buffer, name: string) {
  const pages = pagePictures(pdf);
  pages.forEach((png, i) => {
    const file = join(REFERENCE, `${name}-${i + 1}.png`);
    if (process.env.UPDATE_PDF_REFERENCES === '1') {
      mkdirSync(REFERENCE, { recursive: true });
      writeFileSync(file, png);
    }
    expect(existsSync(file), `${file} is missing: run with UPDATE_PDF_REFERENCES=1, look at it and commit it`).toBe(true);
    const difference = pictureDifference(readGreyPng(png), readGreyPng(readFileSync(file)));
    expect(difference.max, `${name} page ${i + 1}`).toBeLessThanOrEqual(40);
    expect(difference.mean, `${name} page ${i + 1}`).toBeLessThanOrEqual(1.5);
  });
  expect(existsSync(join(REFERENCE, `${name}-${pages.length + 1}.png`)), `${name} has fewer pages than its reference`).toBe(false);
}

/** The fonts a text in these people's scripts needs, by PostScript name. */
function neededFonts(keys: FontKey[]): string[] {
  return [...new Set(keys)].map((key) => loadFont(key, 'regular')!.postscriptName);
}

describe('fonts', { timeout: PDF_TIMEOUT }, () => {
  it('reads no font until a PDF needs one, and each font once', async () => {
    expect(fontLoads()).toBe(0);
    await renderInvitationLetter(scriptLetter('en'));
    const once = fontLoads();
    expect(once).toBeGreaterThan(5);
    await renderInvitationLetter(scriptLetter('en'));
    expect(fontLoads()).toBe(once);
  });
});

describe('the font table', { timeout: PDF_TIMEOUT }, () => {
  const SAMPLE: Record<FontKey, string> = {
    latin: 'A', han: '中', hangul: '한', arabic: 'ب', hebrew: 'ש', thai: 'ก', lao: 'ກ', khmer: 'ក', myanmar: 'က', sinhala: 'ක', ethiopic: 'አ',
    devanagari: 'क', bengali: 'ক', gurmukhi: 'ਕ', gujarati: 'ક', oriya: 'କ', tamil: 'க', telugu: 'క', kannada: 'ಕ', malayalam: 'ക', armenian: 'Ա', georgian: 'ა',
  };

  it('sends each script to its font, which has its letters in both weights', () => {
    for (const key of FONT_KEYS) {
      expect(scriptFont(SAMPLE[key]), key).toBe(key);
      for (const weight of ['regular', 'bold'] as const) expect(loadFont(key, weight)?.hasGlyphForCodePoint(SAMPLE[key].codePointAt(0)!), `${key} ${weight}`).toBe(true);
    }
  });
});

describe('shaping', { timeout: PDF_TIMEOUT }, () => {
  type Laid = { glyphs: Array<{ id: number; codePoints: number[] }> };
  const layout = (key: FontKey, text: string, features?: string[]) => loadFont(key, 'regular')!.layout(text, features) as Laid;
  const first = (key: FontKey, text: string, features?: string[]) => layout(key, text, features).glyphs[0]!.codePoints;

  it('draws each script as it is read: joined Arabic right to left, vowels before their consonant, conjuncts as one glyph', () => {
    const fatima = layout('arabic', 'فاطمة', []).glyphs;
    expect(fatima[0]!.codePoints).toEqual([0x629]); // the last letter is drawn first, leftmost
    expect(fatima.at(-1)!.id).not.toBe(layout('arabic', 'ف', []).glyphs[0]!.id); // ف in its initial form, not alone
    const priya = layout('devanagari', 'प्रिया').glyphs;
    expect(priya[0]!.codePoints).toEqual([0x93f]); // the vowel sign I before प्र
    expect(priya[1]!.codePoints).toEqual([0x92a, 0x94d, 0x930]); // प्र one glyph
    expect(first('bengali', 'চৌধুরী')).toEqual([0x9c7]); // the left part of AU before চ
    expect(first('sinhala', 'පෙරේරා')).toEqual([0xdd9]); // the vowel sign E before ප
    expect(first('khmer', 'សេង')).toEqual([0x17c1]); // the vowel sign E before ស
    // Burmese in drawing order: the medial RA first, in the form the font's features pick for its consonant.
    const ra = layout('myanmar', myanmarDrawingOrder('ကြ'), MYANMAR_FEATURES).glyphs[0]!;
    expect(ra.codePoints).toEqual([0x103c]);
    expect(ra.id).not.toBe(layout('myanmar', '\u103c').glyphs[0]!.id);
  });
});

describe('text runs', { timeout: PDF_TIMEOUT }, () => {
  const has = (font: FontKey, codePoint: number) => loadFont(font, 'regular')!.hasGlyphForCodePoint(codePoint);

  it('gives each script its font, punctuation and marks the font of their letter', () => {
    expect(textRuns('王振义（Wang Zhenyi）：', { has }).map((r) => [r.text, r.font])).toEqual([
      ['王振义（', 'han'],
      ['Wang Zhenyi', 'latin'],
      ['）：', 'han'],
    ]);
    // A decomposed Vietnamese letter keeps its marks; a Sinhala conjunct keeps its joiner.
    expect(textRuns('Nguye\u0302\u0303n', { has })).toEqual([{ text: 'Nguye\u0302\u0303n', font: 'latin', level: 0 }]);
    expect(textRuns('ශ්\u200dරී', { has }).map((r) => r.font)).toEqual(['sinhala']);
  });

  it('orders right-to-left text for drawing: a name is one run, a number inside it keeps its own place', () => {
    const runs = textRuns('Dear فاطمة الراشد, welcome', { has });
    expect(runs.map((r) => [r.text, r.level])).toEqual([
      ['Dear ', 0],
      ['فاطمة الراشد', 1],
      [', welcome', 0],
    ]);
    // "Street 12, Riyadh" in Arabic: drawn left to right as Riyadh, 12, Street (the font reverses each Arabic run).
    expect(textRuns('شارع 12 الرياض', { has }).map((r) => r.text.trim())).toEqual(['الرياض', '12', 'شارع']);
    // Burmese goes to the font in drawing order: the vowel sign E and the medial RA before their consonant.
    expect(myanmarDrawingOrder('အောင် ကြည်')).toBe('\u1031\u1021\u102c\u1004\u103a \u103c\u1000\u100a\u103a');
    // Two right-to-left names in a list keep the list's order.
    expect(textRuns('فاطمة الراشد, נועה כהן', { has }).map((r) => r.text)).toEqual(['فاطمة الراشد', ', ', 'נועה כהן']);
  });
});

describe('PDFs in every script', { timeout: PDF_TIMEOUT }, () => {
  it('draws the English letter of a delegation with one person per script: each name extracted in logical order, each font embedded and subset, the pages as their pictures', async () => {
    const pdf = await renderInvitationLetter(scriptLetter('en'));
    const text = plain(poppler('pdftotext', pdf));
    expect(text).toContain('Fatima AL-RASHID');
    for (const person of SCRIPT_DELEGATION) expect(text, person.script).toContain(person.printed);
    const fonts = embeddedSubsets(pdf);
    for (const needed of neededFonts(['latin', 'han', ...SCRIPT_DELEGATION.map((p) => p.font)])) expect(fonts, needed).toContain(needed);
    expectPagesLike(pdf, 'letter-en');
  });

  it('draws the Chinese letter: the salutation falls back to the Latin name when the "Chinese name" is in Arabic', async () => {
    const pdf = await renderInvitationLetter(scriptLetter('zh'));
    const text = plain(poppler('pdftotext', pdf));
    expect(text).toContain('尊敬的Fatima AL-RASHID女士');
    for (const person of SCRIPT_DELEGATION.filter((p) => p.script !== 'Arabic')) expect(text, person.script).toContain(person.printed);
    expectPagesLike(pdf, 'letter-zh');
  });

  it('draws a fact sheet naming people in their scripts, and says figures link only when they do', async () => {
    const names = SCRIPT_DELEGATION.map((p) => p.printed).join(', ');
    const doc = (href: string | null): ReportDocument => ({
      lang: 'en',
      title: 'Shanghai Jiao Tong University School of Medicine: international exchange and cooperation',
      subtitle: 'Figures as of 2026-11-02',
      sections: [
        { heading: 'Outbound staff and honours', paragraphs: [['Since 1980, ', { text: '14 people', href, key: 'honours.people' }, ` have been honoured by partners abroad, among them ${names}.`]] },
        { heading: 'Visitors', paragraphs: [['Visitors came from ', { text: '13 countries', href, key: 'inbound.countries' }, ': Saudi Arabia, Israel, Thailand, India, Bangladesh, Cambodia, Laos, Myanmar, Sri Lanka, Ethiopia, Korea, Russia and Viet Nam.']] },
      ],
      note: 'Person-times count trips: a visitor who came five times counts five.',
      linksNote: 'Every figure links to the records it counts.',
    });
    const unlinked = await renderPdf(doc('/records?figure=honours.people'));
    const text = plain(poppler('pdftotext', unlinked));
    for (const person of SCRIPT_DELEGATION) expect(text, person.script).toContain(person.printed);
    expect(text).toContain('counts five.');
    expect(text).not.toContain('Every figure links');
    const fonts = embeddedSubsets(unlinked);
    for (const needed of neededFonts(['latin', ...SCRIPT_DELEGATION.map((p) => p.font)])) expect(fonts, needed).toContain(needed);
    expectPagesLike(unlinked, 'factsheet-en');
    expect(plain(poppler('pdftotext', await renderPdf(doc('https://interchange.example.edu/records?figure=honours.people'))))).toContain('Every figure links to the records it counts.');
  });
});
