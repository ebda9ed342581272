import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { moeCountryMatcher } from './moe-country-names.ts';
import { readCount } from './moe-tw-file.ts';
import { MOE_FILES, records } from '../../test/moe-tw-data.ts';

const countries = JSON.parse(readFileSync(new URL('../../../../reference/countries.json', import.meta.url), 'utf8'));
const match = moeCountryMatcher(countries);

describe("the ministry's country names", () => {
  it('matches names as Taiwan writes them to ISO codes, and Hong Kong and Macao as regions', () => {
    expect(match('越南')).toEqual({ code: 'VN', isRegion: false });
    expect(match('義大利')?.code).toBe('IT');
    expect(match('紐西蘭')?.code).toBe('NZ');
    expect(match('南韓')?.code).toBe('KR');
    expect(match('獅子山共和國')?.code).toBe('SL');
    expect(match('剛果')?.code).toBe('CG');
    expect(match('剛果民主共和國')?.code).toBe('CD');
    expect(match('香港')).toEqual({ code: 'HK', isRegion: true });
    expect(match('澳門')).toEqual({ code: 'MO', isRegion: true });
  });

  it('leaves a name the countries list does not know unmatched rather than guessing', () => {
    expect(match('索馬利蘭共和國')).toBeUndefined();
    expect(match('亞特蘭提斯')).toBeUndefined();
  });

  it('matches all but a few of the names of the real file, never two names of one file to different places by accident', () => {
    const rows = records(MOE_FILES.regular);
    const name = rows[0]!.indexOf('國別名稱');
    const names = [...new Set(rows.slice(1).map((r) => r[name]!))];
    const unmatched = names.filter((n) => !match(n));
    expect(unmatched.length).toBeLessThan(names.length / 50);
    const codes = names.map((n) => match(n)?.code).filter(Boolean);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('a count as the ministry writes it', () => {
  it('reads trailing spaces, " -" and blanks as numbers, and nothing else', () => {
    expect([readCount('1 '), readCount(' -'), readCount(''), readCount('1,234'), readCount('0')]).toEqual([1, 0, 0, 1234, 0]);
    expect([readCount('abc'), readCount('1.5'), readCount('-3')]).toEqual([undefined, undefined, undefined]);
  });
});
