import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conferenceLedgerEntries, planConferenceStep, type ConferenceShape, type LedgerAttendee } from './conferences.rules.ts';
import { CONFERENCE_STATUSES, CONFERENCE_TRANSITIONS, LEDGER_CONFERENCE_STATUSES, OFFICE_CONFERENCE_STEPS } from '../../../shared/contracts/conferences.ts';
import { ROLES } from '../../../shared/roles.ts';

const shape = (status: ConferenceShape['status'], foreignParticipants: number | null = null): ConferenceShape => ({
  status, startDate: '2024-05-10', endDate: '2024-05-12', summary: 'Done', participants: null, foreignParticipants, hostUnitId: 7,
});

const attendee: fc.Arbitrary<LedgerAttendee> = fc
  .record({
    personId: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
    countryCode: fc.option(fc.constantFrom('FR', 'CN', 'JP', 'HK'), { nil: null }),
    nationality: fc.option(fc.constantFrom('FR', 'CN', 'US'), { nil: null }),
    institutionId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  })
  .map((a) => ({ ...a, isForeign: (a.countryCode ?? a.nationality ?? 'CN') !== 'CN' }));

describe('the conference lifecycle rules', () => {
  it('allows exactly the steps of the table, and the office alone approves or rejects', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CONFERENCE_STATUSES), fc.constantFrom(...CONFERENCE_STATUSES), fc.constantFrom(...ROLES), (from, to, role) => {
        const plan = planConferenceStep(shape(from), to, '2024-06-30', role);
        const legal = CONFERENCE_TRANSITIONS[from].includes(to);
        const office = role === 'admin' || role === 'officer';
        expect(plan.forbidden).toBe(legal && OFFICE_CONFERENCE_STEPS.includes(to) && !office);
        if (!plan.forbidden) expect(plan.problems.some((p) => p.reason === 'not_a_step')).toBe(!legal);
      }),
    );
  });

  it('holds on or after the first day, closes on or after the last with a summary', () => {
    expect(planConferenceStep(shape('approved'), 'held', '2024-05-09', 'officer')).toMatchObject({ problems: [{ field: 'on', reason: 'before_start' }] });
    expect(planConferenceStep(shape('approved'), 'held', '2024-05-10', 'officer')).toMatchObject({ problems: [] });
    expect(planConferenceStep({ ...shape('held'), summary: null }, 'closed', '2024-05-12', 'coordinator')).toMatchObject({ problems: [{ field: 'summary', reason: 'required' }] });
    expect(planConferenceStep(shape('held'), 'closed', '2024-05-11', 'coordinator')).toMatchObject({ problems: [{ field: 'on', reason: 'before_end' }] });
    expect(planConferenceStep({ ...shape('held'), summary: null }, 'closed', '2024-05-12', 'coordinator', 'New')).toEqual({
      forbidden: false, problems: [], values: { summary: 'New', summarySubmittedOn: '2024-05-12' },
    });
  });
});

describe('what a conference writes into the ledger', () => {
  it('counts every foreign attendee once, a person we know as a person-time, nobody else; nothing unless it took place', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CONFERENCE_STATUSES), fc.array(attendee, { minLength: 1, maxLength: 40 }), (status, attendees) => {
        const entries = conferenceLedgerEntries(shape(status, 500), attendees);
        if (!LEDGER_CONFERENCE_STATUSES.includes(status)) {
          expect(entries).toEqual([]);
          return;
        }
        const foreign = attendees.filter((a) => a.isForeign);
        expect(entries.reduce((n, e) => n + (e.personId ? 1 : (e.count ?? 1)), 0)).toBe(foreign.length);
        expect(entries.filter((e) => e.personId).length).toBe(foreign.filter((a) => a.personId !== null).length);
        for (const e of entries) expect(e).toMatchObject({ direction: 'inbound', who: 'visitor', category: 'conference', unitId: 7, startDate: '2024-05-10', endDate: '2024-05-12' });
        // One aggregate per country and institution.
        const keys = entries.filter((e) => !e.personId).map((e) => `${e.countryCode}|${e.institutionId}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });

  it('without an attendee list, writes the declared foreign participants as one aggregate with no country', () => {
    expect(conferenceLedgerEntries(shape('held', 42), [])).toEqual([
      { direction: 'inbound', who: 'visitor', category: 'conference', unitId: 7, startDate: '2024-05-10', endDate: '2024-05-12', count: 42, countryCode: null, institutionId: null },
    ]);
    expect(conferenceLedgerEntries(shape('held', 0), [])).toEqual([]);
    expect(conferenceLedgerEntries(shape('held', null), [])).toEqual([]);
  });

  it('gives a known person their attendee country, else their nationality', () => {
    const [entry] = conferenceLedgerEntries(shape('closed'), [{ personId: 3, countryCode: null, nationality: 'US', institutionId: null, isForeign: true }]);
    expect(entry).toMatchObject({ personId: 3, countryCode: 'US' });
  });
});
