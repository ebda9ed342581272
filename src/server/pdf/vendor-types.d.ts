// The little of fontkit (pdfkit's font engine) and bidi-js that the PDF text writer uses; neither ships types.

declare module 'fontkit' {
  /** A parsed font; pdfkit takes it as it is, shapes with it and subsets it into each PDF. */
  export interface Font {
    postscriptName: string;
    ascent: number;
    unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string, features?: string[]): unknown;
  }
  /** Parses a font file; `postscriptName` picks one face of a collection (.ttc). */
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}

declare module 'bidi-js' {
  export interface EmbeddingLevels {
    levels: Uint8Array;
    paragraphs: Array<{ start: number; end: number; level: number }>;
  }
  export interface Bidi {
    getEmbeddingLevels(text: string, direction?: 'ltr' | 'rtl'): EmbeddingLevels;
    getMirroredCharacter(char: string): string | null;
  }
  export default function bidiFactory(): Bidi;
}
