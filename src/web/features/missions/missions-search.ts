import { z } from 'zod';
import { CountryCode, Id, IsoDate } from '../../../shared/contracts/common.ts';
import { MISSION_SORTS, MissionPurpose, MissionStatus } from '../../../shared/contracts/missions.ts';
import { lenientSearch, PAGING, type SearchOf } from '../../lib/url-search.ts';

// The router reads `?overdue=true` typed by hand as a boolean, and `"true"` written by the app as a string.
const Flag = z.preprocess((v) => (typeof v === 'boolean' ? String(v) : v), z.enum(['true', 'false']));

const SHAPE = {
  ...PAGING,
  status: MissionStatus,
  purpose: MissionPurpose,
  unitId: Id,
  country: CountryCode,
  /** A member (the person page's "all their missions"). */
  personId: Id,
  from: IsoDate,
  to: IsoDate,
  overdue: Flag,
  /** Travelled or closed: the missions whose members the ledger counts. */
  counted: Flag,
  sort: z.enum(MISSION_SORTS),
};

/** The missions list's state in the URL: search, filters, sort, page. */
export type MissionsSearch = SearchOf<typeof SHAPE>;
/** Read the missions list's URL params. */
export const validateMissionsSearch = lenientSearch(SHAPE);

const OVERDUE_SHAPE = { asOf: IsoDate };
/** The overdue mission reports page's state in the URL: the date they are read at (today when absent). */
export type MissionOverdueSearch = SearchOf<typeof OVERDUE_SHAPE>;
/** Read the overdue mission reports page's URL params. */
export const validateMissionOverdueSearch = lenientSearch(OVERDUE_SHAPE);
