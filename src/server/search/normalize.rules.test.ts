import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchText, searchTokens } from './normalize.ts';

// Folding invariants of the search normalisation: what a person may type differently for the
// same name (case, accents, punctuation, traditional or simplified characters) becomes the same
// query, and a query made of normalised tokens is a fixed point. (That a name is found by itself
// and that nothing throws on any text are in normalize.test.ts.)

const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789');
const word = fc.string({ unit: letter, minLength: 1, maxLength: 8 });
const words = fc.array(word, { minLength: 1, maxLength: 5 });
const separator = fc.constantFrom(' ', '  ', '-', ', ', '.', '/', "'", '(', ')', '\u00a0', '\u3000', '·');
const accent = fc.constantFrom('\u0300', '\u0301', '\u0302', '\u0303', '\u0308', '\u030a', '\u0327', '\u030c');
/** Traditional characters and their simplified forms, as OpenCC converts them. */
const HAN_PAIRS: Array<[string, string]> = [['醫', '医'], ['學', '学'], ['義', '义'], ['國', '国'], ['東', '东'], ['華', '华'], ['大', '大'], ['院', '院'], ['陳', '陈'], ['張', '张']];

const joinWith = (parts: string[], seps: string[]) => parts.map((p, i) => (i === 0 ? p : `${seps[i % seps.length] ?? ' '}${p}`)).join('');

describe('search folding', () => {
  it('ignores case, and the punctuation and spacing between words', () => {
    fc.assert(
      fc.property(words, fc.array(separator, { minLength: 1, maxLength: 5 }), fc.array(fc.boolean(), { maxLength: 40 }), (ws, seps, upper) => {
        const plain = ws.join(' ');
        const typed = joinWith(ws, seps)
          .split('')
          .map((c, i) => (upper[i % Math.max(upper.length, 1)] ? c.toUpperCase() : c))
          .join('');
        expect(searchTokens(typed)).toEqual(searchTokens(plain));
      }),
      { numRuns: 500 },
    );
  });

  it('ignores accents, written composed or decomposed', () => {
    fc.assert(
      fc.property(words, fc.array(fc.option(accent, { nil: '' }), { minLength: 1, maxLength: 40 }), (ws, accents) => {
        const plain = ws.join(' ');
        const decomposed = plain
          .split('')
          .map((c, i) => (/[a-z]/.test(c) ? `${c}${accents[i % accents.length]}` : c))
          .join('');
        expect(searchTokens(decomposed)).toEqual(searchTokens(plain));
        expect(searchTokens(decomposed.normalize('NFC'))).toEqual(searchTokens(plain));
      }),
      { numRuns: 500 },
    );
  });

  it('reads traditional characters as their simplified forms, in names and in queries', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...HAN_PAIRS), { minLength: 1, maxLength: 6 }), (pairs) => {
        const traditional = pairs.map(([t]) => t).join('');
        const simplified = pairs.map(([, s]) => s).join('');
        expect(searchTokens(traditional)).toEqual(searchTokens(simplified));
        expect(searchText(traditional)).toBe(searchText(simplified));
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: the normalised tokens of a query, typed again, give the same query', () => {
    const anyText = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: fc.constantFrom('王', '振', '義', '吕', 'é', 'ß', 'Æ', '-', ' ', 'A', 'ｱ', '가', 'İ', 'ǅ', 'ﬁ', '①', '😀'), maxLength: 20 }),
    );
    fc.assert(
      fc.property(anyText, (query) => {
        const groups = searchTokens(query);
        const again = searchTokens(groups.map((alternatives) => alternatives[0]).join(' '));
        expect(again).toEqual(groups);
      }),
      { numRuns: 1000 },
    );
  });
});
