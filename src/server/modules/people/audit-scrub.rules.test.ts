import { describe, expect, it } from 'vitest';
import { distinctiveNames, scrubPersonRecord, scrubValue, type ErasedPerson } from './audit-scrub.rules.ts';

const person: ErasedPerson = {
  id: 7,
  values: new Set(['Li', 'Na', '李娜', 'Professor of surgery', 'li.na@example.org']),
  distinctive: distinctiveNames({ familyName: 'Li', givenName: 'Na', nameZh: '李娜', otherNames: [], email: 'li.na@example.org', listed: ['LI Na'] }),
  names: ['李娜', 'Li', 'Na'],
  placeholder: 'Erased person 7',
};

describe('audit scrubbing rules', () => {
  it('keeps full names, the Chinese name and the email as distinctive, not a two-letter family name alone', () => {
    expect(person.distinctive).toEqual(expect.arrayContaining(['Na Li', 'Li Na', 'LI Na', '李娜', 'li.na@example.org']));
    expect(person.distinctive).not.toContain('Li');
  });

  it("scrubs the person's own record whole, and a linked member's names and values, leaving the rest of the row", () => {
    const record = { id: 7, familyName: 'Li', givenName: 'Na', nameZh: '李娜', title: 'Professor of surgery', nationality: 'CN', birthDate: '[personal data]', otherNames: ['Nana'] };
    expect(scrubPersonRecord(record, person)).toEqual({ id: 7, familyName: 'Erased person 7', givenName: null, nameZh: null, title: null, nationality: 'CN', birthDate: null, otherNames: [] });

    const visit = {
      titleEn: 'Delegation from Lille, led by Li Na',
      members: [
        { personId: 7, familyName: 'Li', givenName: 'Na', title: 'Professor of surgery', roleInDelegation: 'head', institutionNameEn: 'Université de Lille' },
        { personId: 8, familyName: 'Li', givenName: 'Wei', title: 'Professor of surgery', roleInDelegation: 'Li Na’s deputy' },
      ],
    };
    expect(scrubValue(visit, person)).toEqual({
      titleEn: 'Delegation from Lille, led by Erased person 7',
      members: [
        { personId: 7, familyName: 'Erased person 7', givenName: null, title: null, roleInDelegation: 'head', institutionNameEn: 'Université de Lille' },
        // Another person's copy is theirs, even when it mentions the erased one.
        { personId: 8, familyName: 'Li', givenName: 'Wei', title: 'Professor of surgery', roleInDelegation: 'Li Na’s deputy' },
      ],
    });
  });

  it('replaces bare names inside the texts of a linked record only, as whole words', () => {
    const document = { personId: 7, notes: 'Copy of Li’s permit, sent to Lille', nested: { comment: 'Na signed' } };
    expect(scrubValue(document, person)).toEqual({ personId: 7, notes: 'Copy of Erased person 7’s permit, sent to Lille', nested: { comment: 'Erased person 7 signed' } });
    expect(scrubValue({ note: 'Li signed' }, person)).toEqual({ note: 'Li signed' });
    // An attendee list as imported: rows of [full name, country, institution, role, person].
    expect(scrubValue({ attendees: [['LI Na', 'CN', null, 'speaker', 7], ['WANG Wei', 'CN', null, 'participant', null]] }, person)).toEqual({
      attendees: [['Erased person 7', 'CN', null, 'speaker', 7], ['WANG Wei', 'CN', null, 'participant', null]],
    });
  });
});
