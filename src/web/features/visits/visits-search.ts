import { z } from 'zod';
import { CountryCode, Id, IsoDate } from '../../../shared/contracts/common.ts';
import { ProtocolLevel, VISIT_SORTS, VisitPurpose, VisitStatus } from '../../../shared/contracts/visits.ts';
import { lenientSearch, PAGING, type SearchOf } from '../../lib/url-search.ts';

// The router reads `?notable=true` typed by hand as a boolean, and `"true"` written by the app as a string.
const Flag = z.preprocess((v) => (typeof v === 'boolean' ? String(v) : v), z.enum(['true', 'false']));

const SHAPE = {
  ...PAGING,
  status: VisitStatus,
  purpose: VisitPurpose,
  unitId: Id,
  country: CountryCode,
  /** A visitor (the person page's "all their visits"). */
  personId: Id,
  from: IsoDate,
  to: IsoDate,
  notable: Flag,
  protocolThreshold: ProtocolLevel,
  overdue: Flag,
  /** Held or closed: the visits whose visitors the ledger counts (a figure's drill-down). */
  counted: Flag,
  sort: z.enum(VISIT_SORTS),
};

/** The visits list's state in the URL: search, filters, sort, page. */
export type VisitsSearch = SearchOf<typeof SHAPE>;
/** Read the visits list's URL params. */
export const validateVisitsSearch = lenientSearch(SHAPE);

const OVERDUE_SHAPE = { asOf: IsoDate };
/** The overdue reports page's state in the URL: the date they are read at (today when absent). */
export type OverdueReportsSearch = SearchOf<typeof OVERDUE_SHAPE>;
/** Read the overdue reports page's URL params. */
export const validateOverdueReportsSearch = lenientSearch(OVERDUE_SHAPE);
