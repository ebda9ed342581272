import { Id } from '../../../shared/contracts/common.ts';
import { StudentQuery } from '../../../shared/contracts/students.ts';
import { GROUP_SEARCH } from '../../lib/group-search.ts';
import { lenientSearch, querySearch, type QuerySearch, type SearchOf } from '../../lib/url-search.ts';

/** The students list's state in the URL: search, filters, sort, page (the contract's query). */
export type StudentsSearch = QuerySearch<typeof StudentQuery, typeof GROUP_SEARCH>;
/** Read the students list's URL params (and `groupBy`, from a distinct figure's link). */
export const validateDegreeStudentsSearch = querySearch(StudentQuery, GROUP_SEARCH);

const NEW_SHAPE = { personId: Id };
/** The new enrolment page's state in the URL: the student, when recorded from their page. */
export type NewEnrolmentSearch = SearchOf<typeof NEW_SHAPE>;
/** Read the new enrolment page's URL params. */
export const validateNewEnrolmentSearch = lenientSearch(NEW_SHAPE);
