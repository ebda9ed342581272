import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/** The fonts a PDF draws with: one per script family, Noto throughout. */
export const FONT_KEYS = [
  'latin',
  'han',
  'hangul',
  'arabic',
  'hebrew',
  'thai',
  'lao',
  'khmer',
  'myanmar',
  'sinhala',
  'ethiopic',
  'devanagari',
  'bengali',
  'gurmukhi',
  'gujarati',
  'oriya',
  'tamil',
  'telugu',
  'kannada',
  'malayalam',
  'armenian',
  'georgian',
] as const;
export type FontKey = (typeof FONT_KEYS)[number];
export type Weight = 'regular' | 'bold';

/** Where Debian's fonts-noto-core and fonts-noto-cjk put their files. */
const NOTO_CORE = '/usr/share/fonts/truetype/noto';
const NOTO_CJK = '/usr/share/fonts/opentype/noto';

interface Source {
  file: string;
  /** The face inside a collection (.ttc). */
  face?: string;
}

/** The Chinese font comes from npm (`@embedpdf/fonts-sc`), so that a Chinese letter prints on a server without any system font. */
function hanSource(weight: Weight): Source {
  const dir = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  return { file: join(dir, weight === 'bold' ? 'NotoSansHans-Bold.otf' : 'NotoSansHans-Regular.otf') };
}

const FILE_STEM: Record<Exclude<FontKey, 'latin' | 'han' | 'hangul'>, string> = {
  arabic: 'NotoSansArabic',
  hebrew: 'NotoSansHebrew',
  thai: 'NotoSansThai',
  lao: 'NotoSansLao',
  khmer: 'NotoSansKhmer',
  myanmar: 'NotoSansMyanmar',
  sinhala: 'NotoSansSinhala',
  ethiopic: 'NotoSansEthiopic',
  devanagari: 'NotoSansDevanagari',
  bengali: 'NotoSansBengali',
  gurmukhi: 'NotoSansGurmukhi',
  gujarati: 'NotoSansGujarati',
  oriya: 'NotoSansOriya',
  tamil: 'NotoSansTamil',
  telugu: 'NotoSansTelugu',
  kannada: 'NotoSansKannada',
  malayalam: 'NotoSansMalayalam',
  armenian: 'NotoSansArmenian',
  georgian: 'NotoSansGeorgian',
};

/** The file (and face) of a script's font: Debian's Noto for every script but Chinese. */
export function fontSource(key: FontKey, weight: Weight): Source {
  const suffix = weight === 'bold' ? 'Bold' : 'Regular';
  if (key === 'han') return hanSource(weight);
  if (key === 'hangul') return { file: join(NOTO_CJK, `NotoSansCJK-${suffix}.ttc`), face: `NotoSansCJKkr-${suffix}` };
  if (key === 'latin') return { file: join(NOTO_CORE, `NotoSans-${suffix}.ttf`) };
  return { file: join(NOTO_CORE, `${FILE_STEM[key]}-${suffix}.ttf`) };
}

const loaded = new Map<string, fontkit.Font | null>();
const warned = new Set<string>();
let reads = 0;

/** How many font files this process has read: none before the first PDF, each at most once. */
export function fontLoads(): number {
  return reads;
}

/**
 * The parsed font of a script, or null when its package is not installed. Read and parsed on
 * the first PDF that needs it and kept (a PDF then costs its layout, not a parse of megabytes):
 * nothing is read when the server starts. A missing file is said once on stderr, and the text
 * falls back to the Latin or Chinese font (its letters print as boxes).
 */
export function loadFont(key: FontKey, weight: Weight): fontkit.Font | null {
  const id = `${key}:${weight}`;
  if (loaded.has(id)) return loaded.get(id)!;
  const source = fontSource(key, weight);
  let font: fontkit.Font | null = null;
  if (existsSync(source.file)) {
    reads++;
    font = fontkit.create(readFileSync(source.file), source.face);
  }
  else if (weight === 'bold') font = loadFont(key, 'regular');
  else if (!warned.has(source.file)) {
    warned.add(source.file);
    process.emitWarning(`PDF font for ${key} text not found at ${source.file}: install Debian's fonts-noto-core and fonts-noto-cjk`, 'InterchangeFontWarning');
  }
  loaded.set(id, font);
  return font;
}
