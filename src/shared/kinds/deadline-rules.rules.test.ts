import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../calendar.ts';
import { deadlineRules, deadlineStanding, DEADLINE_KEYS, owes, todoGroupOf, type DeadlineRule } from './deadline-rules.ts';
import { KINDS } from './kinds.ts';
import { CALENDAR_TEXT } from '../i18n/calendar-messages.ts';
import { DIGEST_TEXT, digestKindName } from '../i18n/digest-messages.ts';
import type { Locale } from '../contracts/common.ts';

const rule = (key: string, leads?: Record<string, unknown>): DeadlineRule => {
  const found = deadlineRules(leads).find((r) => r.key === key);
  if (!found) throw new Error(`no rule ${key}`);
  return found;
};

/** The standing on the day before `day`, on it and the day after. */
const around = (r: DeadlineRule, from: string, day: string) => [-1, 0, 1].map((n) => deadlineStanding(r, from, addDays(day, n)));

describe('the deadline rules', () => {
  it('hold every deadline of every description, each once, with its lead time from the description', () => {
    const declared = Object.entries(KINDS).flatMap(([kind, d]) => d.deadlines.map((x) => `${kind}.${x.what}`));
    expect(DEADLINE_KEYS).toEqual(declared);
    expect(new Set(DEADLINE_KEYS).size).toBe(DEADLINE_KEYS.length);
    for (const key of ['missions.report', 'visits.report', 'conferences.summary', 'agreements.renewal', 'appointments.renewal', 'appointments.documentExpiry', 'hospital-memoranda.renewal', 'students.completion', 'exchange-opportunities.allocation']) expect(DEADLINE_KEYS).toContain(key);
    for (const r of deadlineRules()) expect(r.lead, r.key).toBe(r.defaultLead);
  });

  it('a trip report: due the 30th day after return, in time that day, late the day after', () => {
    const r = rule('missions.report');
    expect([r.direction, r.unit, r.lead]).toEqual(['after', 'days', 30]);
    const returned = '2026-02-27';
    const due = addDays(returned, r.lead);
    expect(due).toBe('2026-03-29');
    const [before, on, after] = around(r, returned, due);
    expect([before!.late, on!.late, after!.late]).toEqual([false, false, true]);
    expect(on!.dueOn).toBe(due);
    // listed from the day of return, not during the trip
    expect(deadlineStanding(r, returned, addDays(returned, -1)).listed).toBe(false);
    expect(deadlineStanding(r, returned, returned).listed).toBe(true);
  });

  it('a visit report and a conference summary: 30 days, and two months clamped to the month end', () => {
    const visit = rule('visits.report');
    const [b, o, a] = around(visit, '2026-12-15', '2027-01-14');
    expect([b!.late, o!.late, a!.late]).toEqual([false, false, true]);
    const summary = rule('conferences.summary');
    expect([summary.direction, summary.unit, summary.lead]).toEqual(['after', 'months', 2]);
    // 31 December + 2 months is the last day of February
    expect(deadlineStanding(summary, '2026-12-31', '2027-02-28')).toMatchObject({ dueOn: '2027-02-28', late: false });
    expect(deadlineStanding(summary, '2026-12-31', '2027-03-01').late).toBe(true);
  });

  it('an agreement ending: listed from six months before its end, due on its last day, late the day after', () => {
    const r = rule('agreements.renewal');
    expect([r.direction, r.unit, r.lead]).toEqual(['before', 'months', 6]);
    const ends = '2027-06-30';
    const opens = addMonths(ends, -6);
    const [dayBefore, first, second] = around(r, ends, opens);
    expect([dayBefore!.listed, first!.listed, second!.listed]).toEqual([false, true, true]);
    const [b, o, a] = around(r, ends, ends);
    expect([b!.late, o!.late, a!.late]).toEqual([false, false, true]);
    expect(o!.dueOn).toBe(ends);
  });

  it('an expert document: listed from 60 days before it expires, late the day after', () => {
    const r = rule('appointments.documentExpiry');
    expect([r.direction, r.unit, r.lead, r.deadline.part]).toEqual(['before', 'days', 60, 'documents']);
    const expires = '2027-03-01';
    const [b, o, a] = around(r, expires, addDays(expires, -60));
    expect([b!.listed, o!.listed, a!.listed]).toEqual([false, true, true]);
    const [x, y, z] = around(r, expires, expires);
    expect([x!.late, y!.late, z!.late]).toEqual([false, false, true]);
  });

  it("a student's expected end: listed from 60 days before it while enrolled or suspended, late the day after, owed no more once graduated", () => {
    const r = rule('students.completion');
    expect([r.direction, r.unit, r.lead]).toEqual(['before', 'days', 60]);
    const ends = '2027-07-01';
    const [b, o, a] = around(r, ends, '2027-05-02');
    expect([b!.listed, o!.listed, a!.listed]).toEqual([false, true, true]);
    const [x, y, z] = around(r, ends, ends);
    expect([x!.late, y!.late, z!.late]).toEqual([false, false, true]);
    expect(['admitted', 'enrolled', 'suspended', 'graduated', 'withdrawn', 'transferred'].filter((s) => owes(r, s))).toEqual(['enrolled', 'suspended']);
  });

  it("an exchange's places: listed the day after applications close, due 14 days after closing, late the day after; a decision waiting, owed only while applications wait and nothing was allocated", () => {
    const r = rule('exchange-opportunities.allocation');
    expect([r.direction, r.unit, r.lead, r.fromNextDay]).toEqual(['after', 'days', 14, true]);
    const closes = '2026-11-20';
    // applications are still taken on the closing day: listed from the next
    const [dayBefore, closing, dayAfter] = around(r, closes, closes);
    expect([dayBefore!.listed, closing!.listed, dayAfter!.listed]).toEqual([false, false, true]);
    expect(dayAfter!.late).toBe(false);
    const due = addDays(closes, r.lead);
    expect(deadlineStanding(r, closes, due)).toMatchObject({ dueOn: due, listed: true, late: false });
    expect(deadlineStanding(r, closes, addDays(due, 1)).late).toBe(true);
    expect(todoGroupOf(r)).toBe('approvals');
    expect(['open', 'waiting', 'allocated'].filter((s) => owes(r, s))).toEqual(['waiting']);
    // an office lead time moves the due day, never the first day listed
    const longer = rule('exchange-opportunities.allocation', { 'exchange-opportunities.allocation': 30 });
    expect(deadlineStanding(longer, closes, addDays(closes, 1))).toMatchObject({ listed: true, dueOn: addDays(closes, 30) });
    // the other rules keep their groups by span
    expect(todoGroupOf(rule('missions.report'))).toBe('reports');
    expect(todoGroupOf(rule('agreements.renewal'))).toBe('renewals');
  });

  it('have their words in the calendar feed and the daily digest in every language', () => {
    for (const text of Object.values(CALENDAR_TEXT)) for (const r of deadlineRules()) expect(text.owed[r.deadline.what], r.key).toBeTruthy();
    for (const [locale, text] of Object.entries(DIGEST_TEXT))
      for (const r of deadlineRules()) {
        expect(text.owed[r.deadline.what], `${locale} ${r.key}`).toBeTruthy();
        expect(digestKindName(r.kind, locale as Locale), `${locale} ${r.kind}`).not.toBe(r.kind);
      }
  });

  it('take the office lead time when one is set, and ignore one that is not a positive whole number', () => {
    expect(rule('missions.report', { 'missions.report': 45 }).lead).toBe(45);
    expect(deadlineStanding(rule('missions.report', { 'missions.report': 45 }), '2026-01-01', '2026-02-15').late).toBe(false);
    expect(deadlineStanding(rule('missions.report', { 'missions.report': 45 }), '2026-01-01', '2026-02-16').late).toBe(true);
    for (const bad of [0, -3, 2.5, '40', null]) expect(rule('missions.report', { 'missions.report': bad }).lead).toBe(30);
    const soon = rule('agreements.renewal', { 'agreements.renewal': 1 });
    expect(deadlineStanding(soon, '2027-06-30', '2027-05-29').listed).toBe(false);
    expect(deadlineStanding(soon, '2027-06-30', '2027-05-30').listed).toBe(true);
  });

  it('are owed only in the states the description names: a closed mission owes no report', () => {
    const r = rule('missions.report');
    expect(owes(r, 'travelled')).toBe(true);
    expect(owes(r, 'closed')).toBe(false);
    expect(owes(rule('agreements.renewal'), 'active')).toBe(true);
    expect(owes(rule('agreements.renewal'), 'expired')).toBe(false);
  });
});
