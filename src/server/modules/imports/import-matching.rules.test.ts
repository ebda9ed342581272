import { describe, expect, it } from 'vitest';
import { institutionKey, InstitutionMatcher, PersonMatcher } from './import-matching.ts';

describe('institutionKey', () => {
  it('is the same for the ways one institution is written', () => {
    const key = institutionKey('The University of Sydney');
    for (const name of ['Univ. of Sydney', 'University of Sydney', 'UNIVERSITY  OF SYDNEY', 'Sydney University', 'the univ of sydney']) expect(institutionKey(name), name).toBe(key);
  });
  it('tells different institutions apart', () => {
    expect(institutionKey('University of Sydney')).not.toBe(institutionKey('University of Technology Sydney'));
    expect(institutionKey('Université Paris Cité')).not.toBe(institutionKey('Université Paris-Saclay'));
  });
  it('folds traditional Chinese to simplified', () => {
    expect(institutionKey('悉尼大學')).toBe(institutionKey('悉尼大学'));
  });
});

describe('InstitutionMatcher', () => {
  const sydney = { id: 7, countryCode: 'AU', names: ['The University of Sydney', '悉尼大学'] };
  const uts = { id: 8, countryCode: 'AU', names: ['University of Technology Sydney', '悉尼科技大学'] };
  const matcher = new InstitutionMatcher([sydney, uts]);
  it.each([
    ['Univ. of Sydney', 'same_name_spelling'],
    ['The University of Sydney', 'same_name'],
    ['悉尼大学', 'same_name'],
    ['悉尼大學', 'same_name'],
  ])('%s is the University of Sydney (%s)', (name, reason) => {
    expect(matcher.find([name], 'AU')).toEqual([{ id: 7, reason }]);
  });
  it('finds by a name in the other script', () => {
    expect(matcher.find(['Some new name', '悉尼大学'], 'AU')).toEqual([{ id: 7, reason: 'same_name' }]);
  });
  it('does not match across countries, nor a different institution', () => {
    expect(matcher.find(['University of Sydney'], 'CA')).toEqual([]);
    expect(matcher.find(['University of Melbourne'], 'AU')).toEqual([]);
  });
  it('knows a record added during the import (the same row twice in a file)', () => {
    const m = new InstitutionMatcher([]);
    m.add({ id: -2, countryCode: 'FR', names: ['Université Paris Cité'] });
    expect(m.find(['Universite Paris Cite'], 'FR').map((x) => x.id)).toEqual([-2]);
  });
});

describe('PersonMatcher', () => {
  const wang = { id: 1, nationality: 'CN', email: 'zy.wang@example.org', familyName: 'Wang', givenName: 'Zhenyi', nameZh: '王振义', otherNames: [] };
  const li = { id: 2, nationality: 'CN', email: null, familyName: 'Li', givenName: 'Wei', nameZh: null, otherNames: [] };
  const matcher = new PersonMatcher([wang, li]);
  const row = (over: Partial<typeof wang>) => ({ nationality: null, familyName: '', givenName: null, nameZh: null, otherNames: [], ...over });
  it.each([
    [{ familyName: '王', givenName: '振义' }],
    [{ familyName: '王', givenName: '振義' }],
    [{ familyName: 'X', nameZh: '王振義' }],
    [{ familyName: 'Wang', givenName: 'Zhenyi' }],
    [{ familyName: 'WANG', givenName: 'Zhen-yi' }],
    [{ familyName: 'Zhenyi', givenName: 'Wang' }],
  ])('%o is Wang Zhenyi', (over) => {
    expect(matcher.find(row(over)).map((m) => m.id)).toEqual([1]);
  });
  it('gives the reason', () => {
    expect(matcher.find(row({ familyName: 'Wang', givenName: 'Zhenyi' }))[0]?.reason).toBe('same_name');
    expect(matcher.find(row({ familyName: '王', givenName: '振義' }))[0]?.reason).toBe('same_name');
    expect(matcher.find(row({ familyName: 'WANG', givenName: 'Zhen-yi' }))[0]?.reason).toBe('same_name');
    expect(matcher.find(row({ familyName: '李', givenName: '伟' }))).toEqual([{ id: 2, reason: 'same_name_other_script' }]);
  });
  it('does not match another person, nor one of another nationality', () => {
    expect(matcher.find(row({ familyName: 'Wang', givenName: 'Zhen' }))).toEqual([]);
    expect(matcher.find(row({ familyName: 'Wang', givenName: 'Zhenyi', nationality: 'FR' }))).toEqual([]);
  });
  it('finds the same person by e-mail whatever the case', () => {
    expect(matcher.byEmailAddress('ZY.Wang@example.org')).toEqual({ id: 1, reason: 'same_email' });
    expect(matcher.byEmailAddress(null)).toBeUndefined();
  });
});
