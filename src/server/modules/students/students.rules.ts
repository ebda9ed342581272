import type { FieldProblem } from '../../core/errors.ts';
import { planStep } from '../../workflow/plan-step.ts';
import { STUDENT_KIND } from '../../../shared/kinds/student.ts';
import { DEGREE_LEVELS, type DegreeLevel, type StudentStatus } from '../../../shared/contracts/students.ts';

/** What a step looks at: the status and the dates already recorded. */
export interface EnrolmentShape {
  status: StudentStatus;
  admittedOn: string;
  enrolledOn: string | null;
}

/** The columns a step writes. */
export interface EnrolmentStepValues {
  status?: StudentStatus;
  enrolledOn?: string;
  suspendedOn?: string | null;
  completedOn?: string;
  degreeAwarded?: string;
  leftOn?: string;
}

/**
 * What an enrolment's step writes beyond its description: no step is dated before the
 * registration (before the admission when never registered); registering (the first
 * enrolment) dates it, resuming after a suspension keeps that date and clears the suspension;
 * graduating records the degree when given.
 */
export function enrolmentStepValues(current: EnrolmentShape, step: { to: StudentStatus; on: string; onGiven: boolean; degreeAwarded?: string | null | undefined }): { values: EnrolmentStepValues; problems: FieldProblem[] } {
  const { to, on } = step;
  const earliest = current.enrolledOn ?? current.admittedOn;
  if (on < earliest) return { values: {}, problems: [{ field: step.onGiven ? 'on' : 'to', reason: current.enrolledOn ? 'before_enrolment' : 'before_admission' }] };
  const values: EnrolmentStepValues = {};
  if (to === 'enrolled') {
    if (current.status === 'admitted') values.enrolledOn = on;
    else values.suspendedOn = null;
  }
  if (to === 'graduated' && step.degreeAwarded) values.degreeAwarded = step.degreeAwarded;
  return { values, problems: [] };
}

/**
 * Checks one step taken on `on` and returns what it writes: the steps of the enrolment's
 * description (shared/kinds/student.ts: graduating, suspending, withdrawing and transferring
 * are dated) and its own rules (enrolmentStepValues).
 */
export function planStudentTransition(current: EnrolmentShape, step: { to: StudentStatus; on: string; onGiven: boolean; degreeAwarded: string | null }): { values: EnrolmentStepValues; problems: FieldProblem[] } {
  const plan = planStep(STUDENT_KIND, current, step);
  if (plan.kind !== 'planned') return { values: {}, problems: plan.kind === 'illegal' ? plan.problems : [] };
  const own = enrolmentStepValues(current, step);
  if (own.problems.length) return own;
  return { values: { ...(plan.values as EnrolmentStepValues), ...own.values }, problems: plan.problems };
}

/** The dates of an enrolment as they would stand after an edit. */
export interface EnrolmentDates {
  status: StudentStatus;
  admittedOn: string;
  enrolledOn: string | null;
  completedOn: string | null;
  leftOn: string | null;
  expectedCompletionOn: string | null;
}

/**
 * Names each date that does not fit the others or the status: registration not before
 * admission, graduation and departure not before registration, and the dates a status stands
 * on (registration past admission, graduation, departure) not emptied.
 */
export function checkEnrolmentDates(d: EnrolmentDates): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const registered = !['admitted', 'withdrawn'].includes(d.status);
  if (registered && !d.enrolledOn) problems.push({ field: 'enrolledOn', reason: 'required' });
  if (d.enrolledOn && d.enrolledOn < d.admittedOn) problems.push({ field: 'enrolledOn', reason: 'before_admission' });
  if (d.status === 'graduated' && !d.completedOn) problems.push({ field: 'completedOn', reason: 'required' });
  if (d.completedOn && (!d.enrolledOn || d.completedOn < d.enrolledOn)) problems.push({ field: 'completedOn', reason: 'before_enrolment' });
  if ((d.status === 'withdrawn' || d.status === 'transferred') && !d.leftOn) problems.push({ field: 'leftOn', reason: 'required' });
  if (d.leftOn && d.leftOn < d.admittedOn) problems.push({ field: 'leftOn', reason: 'before_admission' });
  if (d.expectedCompletionOn && d.expectedCompletionOn < d.admittedOn) problems.push({ field: 'expectedCompletionOn', reason: 'before_admission' });
  return problems;
}

/** What the students figures are made of: one counted degree enrolment each. */
export interface CountedEnrolment {
  personId: number;
  level: string;
  countryCode: string;
  isRegion: boolean;
  continent: string;
}

/** The students figures: distinct students, the countries (and apart, the regions) they came from, distinct students per level. */
export interface StudentTally {
  students: number;
  countries: Array<{ code: string; continent: string; students: number }>;
  regions: Array<{ code: string; continent: string; students: number }>;
  byLevel: Record<DegreeLevel, number>;
}

/**
 * Tallies counted degree enrolments. A student is counted once however many enrolments they
 * have, but once in each level they studied at (a bachelor who came back for a master's counts
 * in both), so the levels may add up to more than the students. A student counts in the country
 * of each enrolment (a nationality changed between two degrees counts both). Hong Kong, Macao
 * and Taiwan are regions: never among the countries.
 */
export function tallyStudents(rows: readonly CountedEnrolment[]): StudentTally {
  const persons = new Set<number>();
  const byLevel = Object.fromEntries(DEGREE_LEVELS.map((l) => [l, new Set<number>()])) as Record<DegreeLevel, Set<number>>;
  const places = new Map<string, { isRegion: boolean; continent: string; persons: Set<number> }>();
  for (const r of rows) {
    persons.add(r.personId);
    if ((DEGREE_LEVELS as readonly string[]).includes(r.level)) byLevel[r.level as DegreeLevel].add(r.personId);
    const place = places.get(r.countryCode) ?? { isRegion: r.isRegion, continent: r.continent, persons: new Set<number>() };
    place.persons.add(r.personId);
    places.set(r.countryCode, place);
  }
  const sorted = (region: boolean) =>
    [...places]
      .filter(([, p]) => p.isRegion === region)
      .map(([code, p]) => ({ code, continent: p.continent, students: p.persons.size }))
      .sort((a, b) => b.students - a.students || a.code.localeCompare(b.code));
  return {
    students: persons.size,
    countries: sorted(false),
    regions: sorted(true),
    byLevel: Object.fromEntries(DEGREE_LEVELS.map((l) => [l, byLevel[l].size])) as Record<DegreeLevel, number>,
  };
}
