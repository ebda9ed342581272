import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Noto Sans SC (Simplified Chinese, with Latin, French accents and traditional characters) from
 * npm (`@embedpdf/fonts-sc`, OFL): the PDF standard fonts have no Chinese, and a fresh server has
 * no system fonts. Read once; pdfkit embeds only the glyphs a document uses. Every PDF Interchange
 * draws (invitation letters, fact sheets) reads its font here.
 */
export const cjkFonts = (() => {
  let loaded: { regular: Buffer; bold: Buffer } | null = null;
  return () => {
    if (!loaded) {
      const dir = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
      loaded = { regular: readFileSync(join(dir, 'NotoSansHans-Regular.otf')), bold: readFileSync(join(dir, 'NotoSansHans-Bold.otf')) };
    }
    return loaded;
  };
})();
