import { describe, expect, it } from 'vitest';
import { HONOUR_KINDS, type Honour } from '../../../shared/contracts/honours.ts';
import { awardedBy, dateAsKnown, groupHonours, groupLine, KIND_ORDER, romanisedName } from './honours.rules.ts';

let nextId = 1;
function honour(personId: number, family: string, given: string, overrides: Partial<Honour> = {}): Honour {
  return {
    id: nextId++, personId, person: { familyName: family, givenName: given, nameZh: `${family}${given}`, title: null },
    kind: 'prize', nameOriginal: null, nameEn: 'Prize', nameZh: null, nameFr: null, awardingInstitutionId: null, awardingInstitution: null,
    awardingBody: null, awardingBodyZh: null, awardingBodyFr: null, countryCode: null, conferredOn: '2000-01-01', datePrecision: 'year', citation: null, notable: true, unitId: null,
    version: 1, createdAt: '', updatedAt: '', ...overrides,
  };
}

describe('honours grouped as the seed groups them', () => {
  it('puts the holders of one honour from one body on one line, in the order they received it', () => {
    const legion = { kind: 'decoration', nameEn: 'Legion of Honour', nameFr: 'Légion d’honneur', awardingBody: 'Government of the French Republic' } as const;
    const groups = groupHonours([
      honour(2, 'Wang', 'Zhen-yi', { ...legion, conferredOn: '1997-01-01' }),
      honour(1, 'Kuang', 'An-kun', { ...legion, conferredOn: '1986-01-01' }),
      honour(2, 'Wang', 'Zhen-yi', { nameEn: 'Kettering Prize', conferredOn: '1994-01-01' }),
      // The same name from another body is another honour.
      honour(3, 'Chen', 'Zhu', { ...legion, awardingBody: 'Another body', conferredOn: '2003-01-01' }),
    ]);
    expect(groups.map(groupLine)).toEqual([
      'Legion of Honour (Government of the French Republic): Kuang An-kun, Wang Zhen-yi',
      'Legion of Honour (Another body): Chen Zhu',
      'Kettering Prize: Wang Zhen-yi',
    ]);
    expect(groups[0]!.name).toEqual({ en: 'Legion of Honour', zh: 'Legion of Honour', fr: 'Légion d’honneur' });
  });

  it('names the awarding body in each language the office wrote it in, else as recorded, else as the institution is named', () => {
    const body = { awardingBody: 'Government of the French Republic', awardingBodyZh: '法兰西共和国政府', awardingBodyFr: null, awardingInstitution: null };
    expect(awardedBy(body)).toEqual({ en: 'Government of the French Republic', zh: '法兰西共和国政府', fr: 'Government of the French Republic' });
    const institution = { nameEn: 'The University of Sydney', nameZh: '悉尼大学', nameFr: 'Université de Sydney' };
    expect(awardedBy({ awardingBody: null, awardingBodyZh: '无效', awardingBodyFr: null, awardingInstitution: institution })).toEqual({ en: institution.nameEn, zh: '悉尼大学', fr: 'Université de Sydney' });
  });

  it('orders the kinds as the seed does, and knows every kind', () => {
    expect([...KIND_ORDER].sort()).toEqual([...HONOUR_KINDS].sort());
    const groups = groupHonours([
      honour(1, 'Chen', 'Guo-qiang', { kind: 'honorary_title', nameEn: 'Honorary professor', conferredOn: '1990-01-01' }),
      honour(1, 'Chen', 'Zhu', { kind: 'honorary_degree', nameEn: 'Honorary doctorate', conferredOn: '1991-01-01' }),
      honour(1, 'Chen', 'Zhu', { kind: 'academy_membership', nameEn: 'Foreign associate', conferredOn: '2010-01-01' }),
      honour(1, 'Shi', 'Ji-xiang', { kind: 'prize', nameEn: 'Evans Award', conferredOn: '2005-01-01' }),
    ]);
    expect(groups.map((g) => g.kind)).toEqual(['prize', 'academy_membership', 'honorary_degree', 'honorary_title']);
  });

  it('writes a Chinese name family name first, any other given name first', () => {
    expect(romanisedName({ familyName: 'Wang', givenName: 'Zhen-yi', nameZh: '王振义', title: null })).toBe('Wang Zhen-yi');
    expect(romanisedName({ familyName: 'Martin', givenName: 'Claire', nameZh: null, title: null })).toBe('Claire Martin');
  });

  it('gives a date as precisely as it is known', () => {
    expect([dateAsKnown('1994-10-05', 'day'), dateAsKnown('1994-10-01', 'month'), dateAsKnown('1994-01-01', 'year')]).toEqual(['1994-10-05', '1994-10', '1994']);
  });
});
