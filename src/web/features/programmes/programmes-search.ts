import { z } from 'zod';
import { Id, IsoDate } from '../../../shared/contracts/common.ts';
import { STUDENT_SORTS, StudentStatus } from '../../../shared/contracts/programmes.ts';
import { lenientSearch, PAGING, type SearchOf } from '../../lib/url-search.ts';

const SHAPE = {
  ...PAGING,
  programmeId: Id,
  cohortId: Id,
  unitId: Id,
  status: StudentStatus,
  placed: z.enum(['true', 'false']),
  /** The roll as of this day (a figure's drill-down). */
  asOf: IsoDate,
  sort: z.enum(STUDENT_SORTS),
};

/** The students list's state in the URL: search, filters, sort, page. */
export type StudentsSearch = SearchOf<typeof SHAPE>;
/** Read the students list's URL params. */
export const validateStudentsSearch = lenientSearch(SHAPE);
