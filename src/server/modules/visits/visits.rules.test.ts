import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../shared/contracts/common.ts';
import { LEDGER_CATEGORIES } from '../../../shared/contracts/ledger.ts';
import {
  levelsAtOrAbove,
  PROTOCOL_LEVELS,
  VISIT_PURPOSES,
  VISIT_STATUSES,
  VISIT_TRANSITIONS,
  type Visit,
  type VisitStatus,
} from '../../../shared/contracts/visits.ts';
import { FIELD_REASONS } from '../../../shared/i18n/errors.ts';
import { PROTOCOL_LEVEL_LABELS, VISIT_PURPOSE_LABELS, VISIT_STATUS_LABELS } from '../../../shared/i18n/visit-labels.ts';
import { planVisitTransition, resolveMembers, visitLedgerEntries } from './visits.rules.ts';
import { chineseLetterName, letterDate, letterName, letterText, type LetterContent } from './invitation-letter.ts';

const status = fc.constantFrom(...VISIT_STATUSES);
const day = fc.integer({ min: 0, max: 20000 }).map((n) => new Date(Date.UTC(1980, 0, 1) + n * 86400000).toISOString().slice(0, 10));

describe('the visit workflow', () => {
  it('allows exactly the steps of the table, and refuses the others on the field `to`', () => {
    fc.assert(
      fc.property(status, status, day, (from, to, on) => {
        const { problems } = planVisitTransition({ status: from, startDate: '1970-01-01', report: 'Minutes' }, { to, on, onGiven: true, report: null });
        if (VISIT_TRANSITIONS[from].includes(to)) expect(problems).toEqual([]);
        else expect(problems).toEqual([{ field: 'to', reason: 'illegal_transition' }]);
      }),
    );
  });

  it('every status can be reached from a request, and rejected, closed and cancelled are final', () => {
    const reached = new Set<VisitStatus>(['requested']);
    for (let i = 0; i < VISIT_STATUSES.length; i++) for (const s of [...reached]) for (const t of VISIT_TRANSITIONS[s]) reached.add(t);
    expect([...reached].sort()).toEqual([...VISIT_STATUSES].sort());
    for (const final of ['rejected', 'closed', 'cancelled'] as const) expect(VISIT_TRANSITIONS[final]).toEqual([]);
  });

  it('holds a visit only from its first day on', () => {
    fc.assert(
      fc.property(day, day, (start, on) => {
        const { problems, values } = planVisitTransition({ status: 'approved', startDate: start, report: null }, { to: 'held', on, onGiven: true, report: null });
        expect(problems.length === 0).toBe(on >= start);
        if (on >= start) expect(values).toEqual({ status: 'held', heldOn: on });
      }),
    );
    const implicit = planVisitTransition({ status: 'approved', startDate: '2999-01-01', report: null }, { to: 'held', on: '2024-01-01', onGiven: false, report: null });
    expect(implicit.problems).toEqual([{ field: 'to', reason: 'visit_not_started' }]);
  });

  it('closes only with a report, given now or drafted before, and dates its submission', () => {
    const held = { status: 'held' as const, startDate: '2024-01-01', report: null };
    expect(planVisitTransition(held, { to: 'closed', on: '2024-02-01', onGiven: true, report: null }).problems).toEqual([{ field: 'report', reason: 'required' }]);
    expect(planVisitTransition(held, { to: 'closed', on: '2024-02-01', onGiven: true, report: 'Minutes' }).values).toEqual({
      status: 'closed',
      closedOn: '2024-02-01',
      report: 'Minutes',
      reportSubmittedOn: '2024-02-01',
    });
    expect(planVisitTransition({ ...held, report: 'Draft' }, { to: 'closed', on: '2024-02-02', onGiven: true, report: null }).values.report).toBe('Draft');
  });
});

describe('members and person-times', () => {
  const facts = {
    people: new Map([
      [1, { nationality: 'FR', institutionId: 10 }],
      [2, { nationality: null, institutionId: null }],
    ]),
    institutions: new Set([10, 11]),
    countries: new Set(['FR', 'BE']),
  };

  it('a visitor comes from their own institution and country unless the visit says otherwise', () => {
    const { members, problems } = resolveMembers(
      [
        { personId: 1, roleInDelegation: 'head' },
        { personId: 2, roleInDelegation: null, institutionId: 11, countryCode: 'BE' },
      ],
      facts,
    );
    expect(problems).toEqual([]);
    expect(members).toEqual([
      { personId: 1, roleInDelegation: 'head', institutionId: 10, countryCode: 'FR' },
      { personId: 2, roleInDelegation: null, institutionId: 11, countryCode: 'BE' },
    ]);
    expect(resolveMembers([{ personId: 1, roleInDelegation: null, institutionId: null }], facts).members[0]!.institutionId).toBeNull();
  });

  it('names each member field that refers to nothing, is missing, or repeats a person', () => {
    const { problems } = resolveMembers(
      [
        { personId: 2, roleInDelegation: null },
        { personId: 99, roleInDelegation: null },
        { personId: 1, roleInDelegation: null, institutionId: 12, countryCode: 'XX' },
        { personId: 1, roleInDelegation: null },
      ],
      facts,
    );
    expect(problems).toEqual([
      { field: 'members.0.countryCode', reason: 'required' },
      { field: 'members.1.personId', reason: 'unknown_reference' },
      { field: 'members.2.institutionId', reason: 'unknown_reference' },
      { field: 'members.2.countryCode', reason: 'unknown_reference' },
      { field: 'members.3.personId', reason: 'duplicate' },
    ]);
  });

  it('each visitor is one inbound person-time while the visit is held or closed, none otherwise', () => {
    const member = (personId: number) => ({ personId, familyName: 'X', givenName: null, nameZh: null, title: null, roleInDelegation: null, institutionId: 10, institutionNameEn: null, institutionNameZh: null, countryCode: 'FR' });
    fc.assert(
      fc.property(status, fc.constantFrom(...VISIT_PURPOSES), fc.integer({ min: 1, max: 12 }), (s, purpose, n) => {
        const visit: Pick<Visit, 'status' | 'purpose' | 'hostUnitId' | 'startDate' | 'endDate' | 'members'> = {
          status: s,
          purpose,
          hostUnitId: 7,
          startDate: '2024-01-01',
          endDate: '2024-01-03',
          members: Array.from({ length: n }, (_, i) => member(i + 1)),
        };
        const rows = visitLedgerEntries(visit);
        expect(rows.length).toBe(s === 'held' || s === 'closed' ? n : 0);
        for (const row of rows) expect(row).toMatchObject({ direction: 'inbound', who: 'visitor', category: purpose, unitId: 7, countryCode: 'FR', institutionId: 10 });
      }),
    );
  });
});

describe('vocabulary', () => {
  it('every purpose is a ledger category, and protocol levels rank highest first', () => {
    for (const purpose of VISIT_PURPOSES) expect(LEDGER_CATEGORIES).toContain(purpose);
    expect(levelsAtOrAbove('minister')).toEqual(['head_of_state_or_government', 'minister']);
    expect(levelsAtOrAbove('other')).toEqual([...PROTOCOL_LEVELS]);
  });

  it('every status, purpose, level and new reason reads in English, Chinese and French', () => {
    for (const locale of LOCALES) {
      for (const s of VISIT_STATUSES) expect(VISIT_STATUS_LABELS[s][locale]).toBeTruthy();
      for (const p of VISIT_PURPOSES) expect(VISIT_PURPOSE_LABELS[p][locale]).toBeTruthy();
      for (const l of PROTOCOL_LEVELS) expect(PROTOCOL_LEVEL_LABELS[l][locale]).toBeTruthy();
      expect(FIELD_REASONS.visit_not_started![locale]).toBeTruthy();
    }
  });
});

describe('the invitation letter text', () => {
  const content = (lang: 'en' | 'zh', overrides: Partial<LetterContent['visitor']> = {}): LetterContent => ({
    lang,
    issuedOn: '2024-04-02',
    reference: 'V1-1',
    university: { nameEn: 'Shanghai Jiao Tong University School of Medicine', nameZh: '上海交通大学医学院' },
    office: null,
    hostUnit: { nameEn: 'Ruijin Hospital', nameZh: '瑞金医院' },
    visitor: { familyName: 'Chen', givenName: 'Kuo-chiang', nameZh: '陳國強', title: 'Professor', gender: 'male', institutionNameEn: 'National Taiwan University', institutionNameZh: null, countryNameEn: 'Taiwan', countryNameZh: '中国台湾', ...overrides },
    delegation: { size: 1, visitorIsHead: true, headName: null },
    visit: { titleEn: 'Haematology seminar', titleZh: '血液学研讨会', purpose: 'lecturing', startDate: '2024-05-10', endDate: '2024-05-12', receivingOfficial: 'Prof. Li' },
  });

  it('names the visitor in their own script, with the dates, purpose, host unit and receiving official', () => {
    const en = letterText(content('en'));
    expect(en.address[0]).toBe('Kuo-chiang CHEN (陳國強)');
    expect(en.body.join(' ')).toContain('On behalf of Ruijin Hospital, Shanghai Jiao Tong University School of Medicine');
    expect(en.body.join(' ')).toContain('from 10 May 2024 to 12 May 2024 for lecturing');
    expect(en.body.join(' ')).toContain('received by Prof. Li');
    const zh = letterText(content('zh'));
    expect(zh.salutation).toBe('尊敬的陳國強先生：');
    expect(zh.body[0]).toContain('2024年5月10日至2024年5月12日');
    expect(zh.body[0]).toContain('讲学');
    expect(letterText(content('zh', { nameZh: null, gender: 'female' })).salutation).toBe('尊敬的Kuo-chiang CHEN女士：');
  });

  it('greets by the Latin name in Chinese when the "Chinese name" is in another script, and lists the delegation one name to a line', () => {
    const arabic = { familyName: 'Al-Rashid', givenName: 'Fatima', nameZh: 'فاطمة الراشد', gender: 'female' };
    expect(letterText(content('zh', arabic)).salutation).toBe('尊敬的Fatima AL-RASHID女士：');
    expect(letterText(content('en', arabic)).address[0]).toBe('Fatima AL-RASHID (فاطمة الراشد)');
    expect(chineseLetterName({ familyName: 'Chen', givenName: 'Kuo-chiang', nameZh: '陳國強' })).toBe('陳國強');
    // A name in Hangul or Chinese characters is written family name first, unspaced; others as on a passport.
    expect(letterName('민준', '김')).toBe('김민준');
    expect(letterName('Анна', 'Иванова')).toBe('Анна ИВАНОВА');
    const members = [
      { name: 'Fatima AL-RASHID (فاطمة الراشد)', role: 'Head' },
      { name: 'נועה כהן', role: null },
    ];
    const withMembers = (lang: 'en' | 'zh') => letterText({ ...content(lang, arabic), delegation: { size: 2, visitorIsHead: true, headName: null, members } });
    expect(withMembers('en').members).toEqual({ heading: 'Members of the delegation', lines: ['1. Fatima AL-RASHID (فاطمة الراشد), Head', '2. נועה כהן'] });
    expect(withMembers('zh').members?.heading).toBe('附：代表团成员名单');
    expect(letterText(content('en')).members).toBeNull();
  });

  it('writes dates as letters do', () => {
    expect(letterDate('2024-01-09', 'en')).toBe('9 January 2024');
    expect(letterDate('2024-12-31', 'zh')).toBe('2024年12月31日');
  });
});
