import { createRequire } from 'node:module';
import type bidiFactory from 'bidi-js';
import type { FontKey } from './font-files.ts';

/** A stretch of text drawn in one font at one bidi level. */
export interface TextRun {
  /** The characters as the font is given them: logical order (the font reverses right-to-left letters itself). */
  text: string;
  font: FontKey;
  /** The bidi embedding level: odd is right to left. */
  level: number;
}

/** Scripts read right to left: fontkit lays a run of them out reversed, already in visual order. */
export const RTL_FONTS: ReadonlySet<FontKey> = new Set(['arabic', 'hebrew']);

/** Scripts whose glyphs are reordered or fused by shaping, so the PDF must say what text they stand for. */
export const SHAPED_FONTS: ReadonlySet<FontKey> = new Set([
  'arabic', 'hebrew', 'thai', 'lao', 'khmer', 'myanmar', 'sinhala', 'devanagari', 'bengali', 'gurmukhi', 'gujarati', 'oriya', 'tamil', 'telugu', 'kannada', 'malayalam',
]);

const SCRIPTS: Array<[RegExp, FontKey]> = [
  [/[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u, 'latin'],
  // CJK punctuation and full-width forms are "Common", but only the Chinese font draws them as Chinese text expects.
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/u, 'han'],
  [/\p{Script=Hangul}/u, 'hangul'],
  [/\p{Script=Arabic}/u, 'arabic'],
  [/\p{Script=Hebrew}/u, 'hebrew'],
  [/\p{Script=Thai}/u, 'thai'],
  [/\p{Script=Lao}/u, 'lao'],
  [/\p{Script=Khmer}/u, 'khmer'],
  [/\p{Script=Myanmar}/u, 'myanmar'],
  [/\p{Script=Sinhala}/u, 'sinhala'],
  [/\p{Script=Ethiopic}/u, 'ethiopic'],
  [/\p{Script=Devanagari}/u, 'devanagari'],
  [/\p{Script=Bengali}/u, 'bengali'],
  [/\p{Script=Gurmukhi}/u, 'gurmukhi'],
  [/\p{Script=Gujarati}/u, 'gujarati'],
  [/\p{Script=Oriya}/u, 'oriya'],
  [/\p{Script=Tamil}/u, 'tamil'],
  [/\p{Script=Telugu}/u, 'telugu'],
  [/\p{Script=Kannada}/u, 'kannada'],
  [/\p{Script=Malayalam}/u, 'malayalam'],
  [/\p{Script=Armenian}/u, 'armenian'],
  [/\p{Script=Georgian}/u, 'georgian'],
];

/** Letters of the right-to-left scripts. */
const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]/u;

/** Marks and joiners belong to the letter before them, whatever their own script. */
const ATTACHED = /\p{M}|\u200c|\u200d/u;

/** The font of a character's own script; null for punctuation, digits, spaces and marks, which take their neighbours'. */
export function scriptFont(char: string): FontKey | null {
  for (const [pattern, key] of SCRIPTS) if (pattern.test(char)) return key;
  return null;
}

let loadedBidi: ReturnType<typeof bidiFactory> | null = null;

/** The bidi algorithm, loaded by the first text that has a right-to-left letter: the server's start does not pay for it. */
function bidi(): ReturnType<typeof bidiFactory> {
  loadedBidi ??= (createRequire(import.meta.url)('bidi-js') as typeof bidiFactory)();
  return loadedBidi;
}

const RLI = '\u2067';
const PDI = '\u2069';
/** A right-to-left phrase: from a right-to-left letter to the last one, with the spaces, marks, digits and word punctuation between. */
const RTL_PHRASE = new RegExp(`${RIGHT_TO_LEFT.source}(?:[${RIGHT_TO_LEFT.source.slice(1, -1)}\\p{M}\\p{Nd}\\s'\\-.\u060c\u061b\u061f\u066b\u066c]*${RIGHT_TO_LEFT.source})?`, 'gu');

/**
 * Splits a paragraph into runs of one font and one bidi level, in the order they are drawn left
 * to right. Each character takes its script's font; punctuation, digits and spaces take the font
 * of the letter before them (else after them) at the same bidi level when it draws them, else
 * `fallback`; marks stay with their letter. The bidi levels (Unicode's algorithm, bidi-js) then
 * order the runs. Each right-to-left phrase is isolated first, as if written between RLI and
 * PDI: an Arabic name in an English sentence is one run, laid out right to left by the font, and
 * two right-to-left names in a list ("فاطمة الراشد, נועה כהן") keep the list's order instead of
 * being read as one right-to-left sentence; a number inside Arabic text is its own run, placed
 * where Arabic readers expect it. Ordering is per paragraph: a right-to-left phrase of several
 * runs that wraps over a line end keeps the paragraph's order.
 */
export function textRuns(text: string, options: { has: (font: FontKey, codePoint: number) => boolean; fallback?: FontKey; direction?: 'ltr' | 'rtl' }): TextRun[] {
  if (!text) return [];
  const fallback = options.fallback ?? 'latin';
  const direction = options.direction ?? 'ltr';
  // Text without a right-to-left letter is one left-to-right level: the bidi algorithm is skipped.
  const rtl = RIGHT_TO_LEFT.test(text);
  const isolated = rtl ? text.replace(RTL_PHRASE, (phrase) => `${RLI}${phrase}${PDI}`) : text;
  const levels = direction === 'ltr' && !rtl ? new Uint8Array(isolated.length) : bidi().getEmbeddingLevels(isolated, direction).levels;
  const chars: Array<{ char: string; level: number; font: FontKey | null; own: boolean; attached: boolean }> = [];
  let index = 0;
  for (const char of isolated) {
    if (char !== RLI && char !== PDI) {
      const font = scriptFont(char);
      chars.push({ char, level: levels[index] ?? 0, font, own: !!font, attached: ATTACHED.test(char) });
    }
    index += char.length;
  }
  const fits = (neighbour: (typeof chars)[number] | undefined, c: (typeof chars)[number]) =>
    !!neighbour?.font && neighbour.level === c.level && (c.attached || options.has(neighbour.font, c.char.codePointAt(0)!));
  // Neutral characters take the font before them, or after them, at their own level.
  chars.forEach((c, i) => {
    if (!c.font && fits(chars[i - 1], c)) c.font = chars[i - 1]!.font;
  });
  for (let i = chars.length - 1; i >= 0; i--) {
    const c = chars[i]!;
    if (!c.font) c.font = fits(chars[i + 1], c) ? chars[i + 1]!.font : fallback;
  }
  const runs: TextRun[] = [];
  for (const c of chars) {
    const last = runs[runs.length - 1];
    if (last && last.font === c.font && last.level === c.level) last.text += c.char;
    else runs.push({ text: c.char, font: c.font!, level: c.level });
  }
  return visualOrder(runs);
}

/**
 * Orders runs for drawing (rule L2 of the bidi algorithm, applied to whole runs): from the
 * highest level down to the lowest odd one, every stretch at that level or above is reversed.
 * Inside a run, a right-to-left script is reversed by the font's layout; any other run at an odd
 * level (spaces, brackets between right-to-left words) is reversed here, brackets mirrored.
 */
function visualOrder(runs: TextRun[]): TextRun[] {
  const max = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 ? r.level : r.level + 1)));
  const ordered = [...runs];
  for (let level = max; level >= lowestOdd; level--) {
    for (let i = 0; i < ordered.length; ) {
      if (ordered[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < ordered.length && ordered[j]!.level >= level) j++;
      ordered.splice(i, j - i, ...ordered.slice(i, j).reverse());
      i = j;
    }
  }
  return ordered.map((run) =>
    run.level % 2 && !RTL_FONTS.has(run.font) && !/\p{L}/u.test(run.text)
      ? { ...run, text: Array.from(run.text, (ch) => bidi().getMirroredCharacter(ch) ?? ch).reverse().join('') }
      : run,
  );
}
