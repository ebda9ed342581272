import type { Locale } from '../../../shared/contracts/common.ts';
import type { StudentEnrolment, StudentPerson } from '../../../shared/contracts/students.ts';
import {
  INSTRUCTION_LANGUAGE_LABELS,
  STUDENT_EXPORT_HEADINGS,
  STUDENT_FUNDING_LABELS,
  STUDENT_LEVEL_LABELS,
  STUDENT_STATUS_LABELS,
} from '../../../shared/i18n/student-labels.ts';
import type { ExportTable } from '../../interop/table-export.ts';
import { nameIn } from '../../../shared/i18n/name-in.ts';

/** The student's name in Latin script as the office writes it: given name first, except for names written in Han characters. */
export function studentLatinName(p: Pick<StudentPerson, 'familyName' | 'givenName' | 'nameZh'>): string {
  const parts = p.nameZh ? [p.familyName, p.givenName] : [p.givenName, p.familyName];
  return parts.filter(Boolean).join(' ');
}

/** The name in the student's own script: their other script if recorded, else the Chinese one. */
export function studentOwnScript(p: Pick<StudentPerson, 'nameZh' | 'otherNames'>): string {
  return p.otherNames[0] ?? p.nameZh ?? '';
}

/** The enrolments as a table in the reader's language; names keep their own script beside the romanisation. */
export function studentsTable(items: StudentEnrolment[], locale: Locale, name: string): ExportTable {
  const h = STUDENT_EXPORT_HEADINGS;
  return {
    name,
    title: h.title[locale],
    headings: [h.student, h.ownScript, h.studentNumber, h.country, h.level, h.programme, h.unit, h.language, h.funding, h.admitted, h.enrolled, h.status, h.completed, h.degree, h.left].map((x) => x[locale]),
    rows: items.map((e) => [
      studentLatinName(e.person),
      studentOwnScript(e.person),
      e.studentNumber,
      e.countryCode,
      STUDENT_LEVEL_LABELS[e.level][locale],
      locale === 'zh' ? (e.programmeZh ?? e.programmeEn) : e.programmeEn,
      nameIn(locale, e.unitNameEn, e.unitNameZh, e.unitNameFr),
      INSTRUCTION_LANGUAGE_LABELS[e.instructionLanguage][locale],
      STUDENT_FUNDING_LABELS[e.funding][locale],
      e.admittedOn,
      e.enrolledOn,
      STUDENT_STATUS_LABELS[e.status][locale],
      e.completedOn,
      e.degreeAwarded,
      e.leftOn,
    ]),
  };
}
