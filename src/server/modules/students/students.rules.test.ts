import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STUDENT_STATUSES, STUDENT_TRANSITIONS, type StudentStatus } from '../../../shared/contracts/students.ts';
import { checkEnrolmentDates, planStudentTransition, tallyStudents } from './students.rules.ts';

const day = fc.date({ min: new Date('1975-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const status = fc.constantFrom(...STUDENT_STATUSES);

describe('the enrolment workflow', () => {
  it('allows exactly the steps of the table, and nothing from a final status', () => {
    fc.assert(
      fc.property(status, status, day, (from, to, on) => {
        const current = { status: from, admittedOn: '1970-01-01', enrolledOn: from === 'admitted' || from === 'withdrawn' ? null : '1970-01-02' };
        const { values, problems } = planStudentTransition(current, { to, on, onGiven: true, degreeAwarded: null });
        const allowed = STUDENT_TRANSITIONS[from].includes(to);
        expect(problems.length === 0, `${from} → ${to}`).toBe(allowed);
        if (allowed) expect(values.status).toBe(to);
        else expect(problems).toEqual([{ field: 'to', reason: 'illegal_transition' }]);
      }),
    );
    for (const final of ['graduated', 'withdrawn', 'transferred'] as StudentStatus[]) expect(STUDENT_TRANSITIONS[final]).toEqual([]);
  });

  it('dates registration once: resuming after a suspension keeps it', () => {
    const admitted = { status: 'admitted' as const, admittedOn: '2020-07-01', enrolledOn: null };
    expect(planStudentTransition(admitted, { to: 'enrolled', on: '2020-09-01', onGiven: true, degreeAwarded: null }).values).toEqual({ status: 'enrolled', enrolledOn: '2020-09-01' });
    const suspended = { status: 'suspended' as const, admittedOn: '2020-07-01', enrolledOn: '2020-09-01' };
    expect(planStudentTransition(suspended, { to: 'enrolled', on: '2022-03-01', onGiven: true, degreeAwarded: null }).values).toEqual({ status: 'enrolled', suspendedOn: null });
  });

  it('never dates a step before the registration (or, before it, the admission), naming `on` if given', () => {
    fc.assert(
      fc.property(day, day, (admittedOn, on) => {
        const { problems } = planStudentTransition({ status: 'admitted', admittedOn, enrolledOn: null }, { to: 'enrolled', on, onGiven: true, degreeAwarded: null });
        expect(problems.length === 0).toBe(on >= admittedOn);
      }),
    );
    const enrolled = { status: 'enrolled' as const, admittedOn: '2020-07-01', enrolledOn: '2020-09-01' };
    expect(planStudentTransition(enrolled, { to: 'graduated', on: '2020-08-31', onGiven: false, degreeAwarded: null }).problems).toEqual([{ field: 'to', reason: 'before_enrolment' }]);
    expect(planStudentTransition(enrolled, { to: 'graduated', on: '2026-07-01', onGiven: true, degreeAwarded: 'MBBS' }).values).toEqual({ status: 'graduated', completedOn: '2026-07-01', degreeAwarded: 'MBBS' });
  });

  it('checks that the dates fit the status after an edit', () => {
    const base = { status: 'graduated' as const, admittedOn: '2020-07-01', enrolledOn: '2020-09-01', completedOn: '2025-07-01', leftOn: null, expectedCompletionOn: null };
    expect(checkEnrolmentDates(base)).toEqual([]);
    expect(checkEnrolmentDates({ ...base, completedOn: null }).map((p) => p.field)).toEqual(['completedOn']);
    expect(checkEnrolmentDates({ ...base, enrolledOn: '2020-06-30' }).map((p) => p.reason)).toEqual(['before_admission']);
    expect(checkEnrolmentDates({ ...base, status: 'withdrawn', completedOn: null, enrolledOn: null }).map((p) => p.field)).toEqual(['leftOn']);
  });
});

describe('the students tally', () => {
  it('counts a student once, in each level studied, countries apart from regions', () => {
    const t = tallyStudents([
      { personId: 1, level: 'bachelor', countryCode: 'VN', isRegion: false, continent: 'X' },
      { personId: 1, level: 'master', countryCode: 'VN', isRegion: false, continent: 'X' },
      { personId: 2, level: 'doctorate', countryCode: 'FR', isRegion: false, continent: 'X' },
      { personId: 3, level: 'bachelor', countryCode: 'HK', isRegion: true, continent: 'Asia' },
    ]);
    expect(t.students).toBe(3);
    expect(t.byLevel).toEqual({ bachelor: 2, master: 1, doctorate: 1 });
    expect(t.countries).toEqual([{ code: 'FR', continent: 'X', students: 1 }, { code: 'VN', continent: 'X', students: 1 }]);
    expect(t.regions).toEqual([{ code: 'HK', continent: 'Asia', students: 1 }]);
  });

  it('never counts more students than enrolments, nor levels fewer than students', () => {
    const row = fc.record({ personId: fc.integer({ min: 1, max: 20 }), level: fc.constantFrom('bachelor', 'master', 'doctorate'), countryCode: fc.constantFrom('FR', 'VN', 'HK', 'NG'), isRegion: fc.constant(false), continent: fc.constant('Europe') });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const fixed = rows.map((r) => ({ ...r, isRegion: r.countryCode === 'HK' }));
        const t = tallyStudents(fixed);
        expect(t.students).toBe(new Set(fixed.map((r) => r.personId)).size);
        expect(t.byLevel.bachelor + t.byLevel.master + t.byLevel.doctorate).toBeGreaterThanOrEqual(t.students);
        expect(t.countries.every((c) => c.code !== 'HK')).toBe(true);
      }),
    );
  });
});
