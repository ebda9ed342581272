import { describe, expect, it } from 'vitest';
import { aboutText, aboutValue, formatCount, joinList, manyText, percentText } from './wording.rules.ts';

describe('the seed\u2019s "about" rounding', () => {
  it('rounds as the seed does', () => {
    expect(aboutText(49_873, 'en')).toBe('about 50,000');
    expect(aboutText(201, 'en')).toBe('about 200');
    expect(aboutText(16_920, 'en')).toBe('about 17,000');
    expect(aboutText(16_920, 'zh')).toBe('约17,000');
    expect(aboutText(16_920, 'fr')).toBe('environ 17\u00a0000');
  });

  it('keeps two significant figures from 1,000, the nearest 50 from 100, the nearest 10 from 10, exact below', () => {
    expect([1_234, 9_960, 123_456, 999, 226, 174, 95, 44, 7, 0].map(aboutValue)).toEqual([1_200, 10_000, 120_000, 1_000, 250, 150, 100, 40, 7, 0]);
  });

  it('is never off by more than 5% from 1,000 up, nor by more than 25 below', () => {
    for (let n = 1_000; n < 200_000; n += 37) expect(Math.abs(aboutValue(n) - n) / n).toBeLessThanOrEqual(0.05);
    for (let n = 0; n < 1_000; n++) expect(Math.abs(aboutValue(n) - n)).toBeLessThanOrEqual(25);
  });

  it('writes counts, shares and lists in each language', () => {
    expect(formatCount(489, 'fr')).toBe('489');
    expect(formatCount(50_000, 'fr')).toBe('50\u00a0000');
    expect(percentText(186 / 286, 'en')).toBe('65%');
    expect(percentText(0.65, 'fr')).toBe('65\u00a0%');
    expect(joinList(['A', 'B', 'C'], 'en')).toBe('A, B and C');
    expect(joinList(['甲', '乙', '丙'], 'zh')).toBe('甲、乙和丙');
    expect(joinList(['A', 'B'], 'fr')).toBe('A et B');
  });

  it('says "dozens" from two dozen to 99, the number below, and more above', () => {
    expect([23, 24, 99, 100, 199, 200].map((n) => manyText(n, 'en'))).toEqual(['23', 'dozens of', 'dozens of', 'over a hundred', 'over a hundred', 'hundreds of']);
    expect([5, 48].map((n) => manyText(n, 'zh'))).toEqual(['5位', '数十位']);
    expect([5, 48, 150].map((n) => manyText(n, 'fr'))).toEqual(['5', 'des dizaines de', 'plus d’une centaine de']);
  });
});
