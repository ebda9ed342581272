import { describe, expect, it } from 'vitest';
import { visibleText } from './visible-text.ts';

// Issue 15, finding 11: bidi overrides and zero-width characters passed into exports and PDFs.

describe('visibleText', () => {
  it('removes bidi overrides, embeddings, isolates and marks', () => {
    expect(visibleText('invoice\u202Efdp.exe\u202C \u200Fmark\u200E \u2067isolate\u2069 \u202Aa\u202B\u202D\u061C')).toBe('invoicefdp.exe mark isolate a');
  });

  it('removes zero-width spaces, word joiners, byte-order marks and stray joiners', () => {
    expect(visibleText('Zh\u200Bang\u2060 W\uFEFFei\u180E')).toBe('Zhang Wei');
    expect(visibleText('\u200DAlice \u200C\u200DBob\u200D')).toBe('Alice Bob');
  });

  it('keeps what has a use: emoji sequences, joiners inside a word, every script', () => {
    for (const text of ['👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽', 'क्‍ष', 'می‌خواهم', '王振义', 'Ève Müller-Łukasz', 'عربي עברית']) expect(visibleText(text)).toBe(text);
  });
});
