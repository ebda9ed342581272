import type PDFDocument from 'pdfkit';
import { visibleText } from '../security/visible-text.ts';
import { loadFont, type FontKey, type Weight } from './font-files.ts';
import { MYANMAR_FEATURES, myanmarDrawingOrder } from './myanmar-order.ts';
import { RTL_FONTS, SHAPED_FONTS, textRuns, type TextRun } from './script-runs.ts';

type Doc = InstanceType<typeof PDFDocument>;
export type WriteOptions = PDFKit.Mixins.TextOptions & { weight?: Weight };

const registered = new WeakMap<Doc, Set<string>>();

/** The font that draws `key` text: its own, else the Latin one, else the Chinese one (which has Latin letters too). */
function resolve(key: FontKey, weight: Weight): { key: FontKey; font: NonNullable<ReturnType<typeof loadFont>> } {
  for (const candidate of [key, 'latin', 'han'] as const) {
    const font = loadFont(candidate, weight);
    if (font) return { key: candidate, font };
  }
  throw new Error('No PDF font: the Chinese font of @embedpdf/fonts-sc is missing');
}

/** Registers a script's font with the document the first time the document uses it, and names it. */
function useFont(doc: Doc, key: FontKey, weight: Weight): string {
  const { key: actual, font } = resolve(key, weight);
  const name = `${actual}-${weight}`;
  let names = registered.get(doc);
  if (!names) registered.set(doc, (names = new Set()));
  if (!names.has(name)) {
    // pdfkit takes a parsed fontkit font as it is (its types only list files and buffers).
    doc.registerFont(name, font as unknown as Buffer);
    names.add(name);
  }
  return name;
}

const has = (key: FontKey, codePoint: number) => resolve(key, 'regular').font.hasGlyphForCodePoint(codePoint);

/**
 * Writes text in any script, as pdfkit's `text` would: split into runs of one script, each in
 * its Noto font and in the order the bidi algorithm draws it (`script-runs.ts`); fontkit shapes
 * each run (joined Arabic, Indic conjuncts and reordered vowels). A run of a shaped script is
 * marked with its text (/ActualText), so that copying or extracting it gives the characters in
 * logical order, not the glyphs' visual order. Bidi controls and invisible characters are
 * dropped first: a printed page has no isolation. `continued` joins the next call's text.
 */
export function writeText(doc: Doc, text: string, options: WriteOptions = {}): Doc {
  const { weight = 'regular', continued = false, ...rest } = options;
  const runs = textRuns(visibleText(text), { has });
  if (runs.length === 0) return doc.font(useFont(doc, 'latin', weight)).text('', { ...rest, continued });
  const features = (run: TextRun) => (RTL_FONTS.has(run.font) ? [] : run.font === 'myanmar' ? (MYANMAR_FEATURES as PDFKit.Mixins.OpenTypeFeatures[]) : undefined);
  // Every run sits on the Latin font's baseline: pdfkit would hang each font from its own ascender, and scripts would step up and down.
  const latin = resolve('latin', weight).font;
  const fontSize = (doc as unknown as { _fontSize: number })._fontSize;
  rest.baseline ??= -((latin.ascent / latin.unitsPerEm) * fontSize);
  // pdfkit centres or right-aligns each continued call on its own: a line of several runs is
  // placed here, as a whole, when it fits on one line.
  const { align } = rest;
  if ((align === 'center' || align === 'right') && runs.length > 1 && !continued) {
    const widths = runs.map((run) => doc.font(useFont(doc, run.font, weight)).widthOfString(drawn(run), { ...rest, features: features(run) }));
    const total = widths.reduce((a, b) => a + b, 0);
    const left = doc.page.margins.left;
    const room = doc.page.width - left - doc.page.margins.right;
    if (total <= room) {
      const x = left + (align === 'center' ? (room - total) / 2 : room - total);
      runs.forEach((run, i) => {
        drawRun(doc, run, weight, { ...rest, align: 'left', lineBreak: false, continued: i < runs.length - 1 }, features(run), i === 0 ? x : undefined);
      });
      doc.x = left;
      doc.moveDown();
      return doc;
    }
  }
  runs.forEach((run, i) => drawRun(doc, run, weight, { ...rest, continued: i < runs.length - 1 || continued }, features(run)));
  return doc;
}

/** The characters given to the font: Burmese in drawing order (`myanmar-order.ts`), every other script as stored. */
const drawn = (run: TextRun) => (run.font === 'myanmar' ? myanmarDrawingOrder(run.text) : run.text);

/** Draws one run in its font, marked with its text when shaping reorders its glyphs. */
function drawRun(doc: Doc, run: TextRun, weight: Weight, options: PDFKit.Mixins.TextOptions, features: PDFKit.Mixins.TextOptions['features'], x?: number): void {
  doc.font(useFont(doc, run.font, weight));
  // Right-to-left runs are not marked: poppler and viewers read their glyphs back in logical order as they are.
  const marked = SHAPED_FONTS.has(run.font) && !RTL_FONTS.has(run.font);
  if (marked) doc.markContent('Span', { actual: run.text });
  // With features given, pdfkit lays the run out whole instead of word by word, so that a
  // right-to-left run is reversed as a whole, not each word in place.
  if (x === undefined) doc.text(drawn(run), { ...options, features });
  else doc.text(drawn(run), x, doc.y, { ...options, features });
  if (marked) doc.endMarkedContent();
}
