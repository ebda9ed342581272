import type { InstructionLanguage, StudentEnrolment, StudentFunding, StudentLevel } from '../../../shared/contracts/students.ts';

/** What the enrolment form holds: the contract's fields, empty ones as undefined. */
export interface StudentFormValues {
  personId?: number;
  level?: StudentLevel;
  programmeEn?: string;
  programmeZh?: string;
  unitId?: number;
  funding?: StudentFunding;
  instructionLanguage?: InstructionLanguage;
  studentNumber?: string;
  countryCode?: string;
  admittedOn?: string;
  expectedCompletionOn?: string;
  notes?: string;
}

/** An enrolment as form values (nulls become empty fields). */
export function toStudentFormValues(e: StudentEnrolment): StudentFormValues {
  const v = <T,>(x: T | null) => x ?? undefined;
  return {
    personId: e.personId,
    level: e.level,
    programmeEn: e.programmeEn,
    programmeZh: v(e.programmeZh),
    unitId: e.unitId,
    funding: e.funding,
    instructionLanguage: e.instructionLanguage,
    studentNumber: v(e.studentNumber),
    countryCode: e.countryCode,
    admittedOn: e.admittedOn,
    expectedCompletionOn: v(e.expectedCompletionOn),
    notes: v(e.notes),
  };
}

/** A new admission's starting values (for a person, when recorded from their page). */
export function newStudentValues(personId: number | undefined): StudentFormValues {
  return { personId, level: 'bachelor', funding: 'self_funded', instructionLanguage: 'en' };
}
