import { StudentQuery } from '../../../shared/contracts/programmes.ts';
import { querySearch, type QuerySearch } from '../../lib/url-search.ts';

/** The students list's state in the URL: search, filters, sort, page (the contract's query). */
export type StudentsSearch = QuerySearch<typeof StudentQuery>;
/** Read the students list's URL params. */
export const validateStudentsSearch = querySearch(StudentQuery);
