import type { InstructionLanguage, StudentEnrolment, StudentFunding, StudentLevel } from '../../../shared/contracts/students.ts';
import { formValuesOf } from '../../lib/form-values.ts';

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
  return formValuesOf(e, [
    'personId', 'level', 'programmeEn', 'programmeZh', 'unitId', 'funding', 'instructionLanguage', 'studentNumber', 'countryCode',
    'admittedOn', 'expectedCompletionOn', 'notes',
  ]);
}

/** A new admission's starting values (for a person, when recorded from their page). */
export function newStudentValues(personId: number | undefined): StudentFormValues {
  return { personId, level: 'bachelor', funding: 'self_funded', instructionLanguage: 'en' };
}
