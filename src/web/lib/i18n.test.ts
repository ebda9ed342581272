import { describe, expect, it } from 'vitest';
import { fill, translate } from './i18n.tsx';

describe('messages with a count', () => {
  it('take the word for the count in each language’s plural rules', () => {
    expect(translate('en', 'common.total', { total: 1 })).toBe('1 record');
    expect(translate('en', 'common.total', { total: 2 })).toBe('2 records');
    expect(translate('fr', 'figure.andMore', { n: 1 })).toBe('et 1 autre');
    expect(translate('fr', 'figure.andMore', { n: 0 })).toBe('et 0 autre');
    expect(translate('fr', 'figure.andMore', { n: 3 })).toBe('et 3 autres');
    expect(translate('zh', 'common.total', { total: 1 })).toBe('共 1 条');
  });

  it('leave a plural whose count is not given as written', () => {
    expect(fill('{n|one|more} of {m}', { m: 2 }, 'en')).toBe('{n|one|more} of 2');
  });
});
