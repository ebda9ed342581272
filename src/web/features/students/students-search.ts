import { z } from 'zod';
import { CountryCode, Id, IsoDate } from '../../../shared/contracts/common.ts';
import { InstructionLanguage, STUDENT_SORTS, StudentFunding, StudentLevel, StudentStatus } from '../../../shared/contracts/students.ts';
import { lenientSearch, PAGING, type SearchOf } from '../../lib/url-search.ts';

const Year = z.coerce.number().int().min(1900).max(2100);
const Flag = z.enum(['true', 'false']);

const SHAPE = {
  ...PAGING,
  level: StudentLevel,
  degree: Flag,
  status: StudentStatus,
  country: CountryCode,
  region: Flag,
  unitId: Id,
  personId: Id,
  programme: z.string().max(200),
  funding: StudentFunding,
  instructionLanguage: InstructionLanguage,
  fromYear: Year,
  toYear: Year,
  /** A figure's drill-down: registered from this day, counted on `asOf`. */
  from: IsoDate,
  asOf: IsoDate,
  counted: Flag,
  sort: z.enum(STUDENT_SORTS),
};

/** The students list's state in the URL: search, filters, sort, page. */
export type StudentsSearch = SearchOf<typeof SHAPE>;
/** Read the students list's URL params. */
export const validateDegreeStudentsSearch = lenientSearch(SHAPE);

const NEW_SHAPE = { personId: Id };
/** The new enrolment page's state in the URL: the student, when recorded from their page. */
export type NewEnrolmentSearch = SearchOf<typeof NEW_SHAPE>;
/** Read the new enrolment page's URL params. */
export const validateNewEnrolmentSearch = lenientSearch(NEW_SHAPE);
