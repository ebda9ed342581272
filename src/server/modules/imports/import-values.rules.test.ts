import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CountryEntry } from './import-values.ts';
import { choiceReader, countryReader, dayOrderOf, readDate, readPartialDate, statusReader, unitReader } from './import-values.ts';
import { VISIT_KIND } from '../../../shared/kinds/visit.ts';

const countries = JSON.parse(readFileSync(new URL('../../../../reference/countries.json', import.meta.url), 'utf8')) as CountryEntry[];

describe('readDate', () => {
  it.each([
    ['2019-03-05', 'day-first', '2019-03-05'],
    ['2019/3/5', 'day-first', '2019-03-05'],
    ['2019.3.5', 'month-first', '2019-03-05'],
    ['2019年3月5日', 'day-first', '2019-03-05'],
    ['２０１９年３月５日', 'day-first', '2019-03-05'],
    ['5/3/2019', 'day-first', '2019-03-05'],
    ['5/3/2019', 'month-first', '2019-05-03'],
    ['05.03.2019', 'day-first', '2019-03-05'],
    ['2019-03-05 14:30', 'day-first', '2019-03-05'],
    ['2019-03-05T00:00:00.000Z', 'day-first', '2019-03-05'],
    ['43529', 'day-first', '2019-03-05'],
    ['43529.5', 'day-first', '2019-03-05'],
    ['61', 'day-first', '1900-03-01'],
    ['2020/2/29', 'day-first', '2020-02-29'],
  ] as const)('%s read %s is %s', (cell, order, expected) => {
    expect(readDate(cell, order)).toBe(expected);
  });

  it.each(['', '2019-02-30', '2019/13/1', '31/31/2019', 'March 5', '5 mars 2019', '12', '99999999', '2019年13月1日', '2019-3'])('%s is not a date', (cell) => {
    expect(readDate(cell, 'day-first')).toBeUndefined();
  });
});

describe('dayOrderOf', () => {
  it('reads the order from a date that can only be one', () => {
    expect(dayOrderOf(['1/2/2019', '25/12/2019'])).toBe('day-first');
    expect(dayOrderOf(['1/2/2019', '12/25/2019'])).toBe('month-first');
  });
  it('says nothing when every date could be either, or the file says both', () => {
    expect(dayOrderOf(['1/2/2019', '2019-03-05'])).toBeUndefined();
    expect(dayOrderOf(['25/12/2019', '12/25/2019'])).toBeUndefined();
  });
});

describe('countryReader', () => {
  const country = countryReader(countries);
  it.each([
    ['FR', 'FR'], ['fra', 'FR'], ['France', 'FR'], ['法国', 'FR'], ['  france ', 'FR'],
    ["Côte d'Ivoire", 'CI'], ['cote divoire', 'CI'], ['Allemagne', 'DE'], ['Viet Nam', 'VN'], ['越南', 'VN'], ['USA', 'US'], ['美國', 'US'],
    ['台湾', 'TW'], ['臺灣', 'TW'], ['中国台湾', 'TW'], ['Taiwan', 'TW'], ['Taïwan', 'TW'],
    ['香港', 'HK'], ['中国香港', 'HK'], ['Hong Kong SAR', 'HK'], ['澳门', 'MO'], ['澳門', 'MO'], ['Macau', 'MO'],
  ])('%s is %s', (cell, code) => {
    expect(country(cell)).toBe(code);
  });
  it('keeps Taiwan, Hong Kong and Macao regions', () => {
    for (const cell of ['臺灣', '香港', '澳门']) expect(countries.find((c) => c.code === country(cell))?.isRegion).toBe(true);
  });
  it.each(['', 'Atlantis', 'XX', '火星'])('%s is no country', (cell) => {
    expect(country(cell)).toBeUndefined();
  });
});

describe('unitReader', () => {
  const unit = unitReader([
    { id: 1, code: 'IO', nameEn: 'International Office', nameZh: '国际交流处', nameFr: 'Bureau international' },
    { id: 2, code: 'RJH', nameEn: 'Ruijin Hospital', nameZh: '瑞金医院', nameFr: 'Hôpital Ruijin' },
  ]);
  it.each([['IO', 1], ['io', 1], ['国际交流处', 1], ['Bureau International', 1], ['RJH', 2], ['瑞金医院', 2], ['hopital ruijin', 2]])('%s is unit %s', (cell, id) => {
    expect(unit(cell)).toBe(id);
  });
  it('knows no other', () => expect(unit('Huashan Hospital')).toBeUndefined());
});

describe('statusReader', () => {
  const status = statusReader(VISIT_KIND.statusLabels);
  it('reads a state by its name or its label in each language', () => {
    for (const state of VISIT_KIND.states) {
      expect(status(state)).toBe(state);
      for (const locale of ['en', 'zh', 'fr'] as const) expect(status(VISIT_KIND.statusLabels[state][locale])).toBe(state);
    }
  });
  it('knows no other', () => expect(status('teleported')).toBeUndefined());
});

describe('choiceReader', () => {
  it('reads a choice by its labels', () => {
    const kind = choiceReader({ university: { en: 'University', zh: '大学', fr: 'Université' }, hospital: { en: 'Hospital', zh: '医院', fr: 'Hôpital' } });
    expect([kind('大学'), kind('hopital'), kind('HOSPITAL'), kind('castle')]).toEqual(['university', 'hospital', 'hospital', undefined]);
  });
});

describe('readPartialDate', () => {
  it('reads a year, a month or a day, as offices write what they know of a date', () => {
    expect(readPartialDate('2019')).toBe('2019');
    expect(readPartialDate('2019年')).toBe('2019');
    expect(readPartialDate('2019-03')).toBe('2019-03');
    expect(readPartialDate('2019年3月')).toBe('2019-03');
    expect(readPartialDate('3/2019')).toBe('2019-03');
    expect(readPartialDate('2019/3/5')).toBe('2019-03-05');
    expect(readPartialDate('5/3/2019', 'month-first')).toBe('2019-05-03');
  });

  it('refuses what is no date', () => {
    expect(readPartialDate('2019-13')).toBeUndefined();
    expect(readPartialDate('spring 2019')).toBeUndefined();
    expect(readPartialDate('19')).toBeUndefined();
  });
});
