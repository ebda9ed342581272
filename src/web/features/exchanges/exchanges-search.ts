import { z } from 'zod';
import { CountryCode, Id, IsoDate } from '../../../shared/contracts/common.ts';
import { APPLICATION_SORTS, ApplicationStatus, ExchangeKind } from '../../../shared/contracts/exchanges.ts';
import { lenientSearch, PAGING, type SearchOf } from '../../lib/url-search.ts';

// The router reads `?counted=true` typed by hand as a boolean, and `"true"` written by the app as a string.
const Flag = z.preprocess((v) => (typeof v === 'boolean' ? String(v) : v), z.enum(['true', 'false']));
const Year = z.coerce.number().int().min(1900).max(2100);

const APPLICATIONS_SHAPE = {
  ...PAGING,
  status: ApplicationStatus,
  /** The opportunity's academic year (2025 = 2025-09-01 … 2026-08-31). */
  academicYear: Year,
  opportunityId: Id,
  hostInstitutionId: Id,
  country: CountryCode,
  /** `false`: hosts in a country, not in Hong Kong, Macao or Taiwan (the fact sheet's "countries"). */
  region: Flag,
  unitId: Id,
  /** Departed or returned: the applications the fact sheet counts, with `departedFrom`…`departedTo`. */
  counted: Flag,
  departedFrom: IsoDate,
  departedTo: IsoDate,
  sort: z.enum(APPLICATION_SORTS),
};

/**
 * The applications list's state in the URL. The fact sheet's exchange figures link here with
 * `counted`, `departedFrom`, `departedTo`, `region` and `unitId`, the same names the API reads,
 * so the page lists exactly what a figure counts.
 */
export type ApplicationsSearch = SearchOf<typeof APPLICATIONS_SHAPE>;
/** Read the applications list's URL params. */
export const validateApplicationsSearch = lenientSearch(APPLICATIONS_SHAPE);

const OPPORTUNITIES_SHAPE = {
  ...PAGING,
  academicYear: Year,
  kind: ExchangeKind,
  hostInstitutionId: Id,
  country: CountryCode,
  unitId: Id,
  // the API orders opportunities itself; the list keeps the shared shape
  sort: z.enum(['academicYear']),
};

/** The opportunities list's state in the URL. */
export type OpportunitiesSearch = SearchOf<typeof OPPORTUNITIES_SHAPE>;
/** Read the opportunities list's URL params. */
export const validateOpportunitiesSearch = lenientSearch(OPPORTUNITIES_SHAPE);

const NEW_APPLICATION_SHAPE = { opportunityId: Id };
/** The new application page's URL: the opportunity it is for, when started from the opportunity's page. */
export type NewApplicationSearch = SearchOf<typeof NEW_APPLICATION_SHAPE>;
/** Read the new application page's URL params. */
export const validateNewApplicationSearch = lenientSearch(NEW_APPLICATION_SHAPE);
