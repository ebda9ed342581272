import { existsSync } from 'node:fs';
import { FONT_KEYS, fontSource } from '../pdf/font-files.ts';
import { finding, type Finding } from './findings.ts';

/**
 * Whether the PDFs can print every script: each script's Noto font file is where the PDF writer
 * looks for it (Debian's fonts-noto-core and fonts-noto-cjk). A missing one is a warning, not a
 * failure: letters still print, with that script's names as boxes.
 */
export function checkPdfFonts(exists: (file: string) => boolean = existsSync): Finding {
  const missing = FONT_KEYS.filter((key) => !exists(fontSource(key, 'regular').file));
  if (missing.length === 0) return finding('PDF fonts', 'ok', `a Noto font for each of the ${FONT_KEYS.length} script families letters and fact sheets print`);
  return finding(
    'PDF fonts',
    'warn',
    `no font for ${missing.join(', ')} text: names in these scripts print as boxes in letters and fact sheets; install Debian's fonts-noto-core and fonts-noto-cjk`,
  );
}
