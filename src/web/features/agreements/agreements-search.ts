import { z } from 'zod';
import { CountryCode, Id } from '../../../shared/contracts/common.ts';
import { AGREEMENT_SORTS, AgreementKind, AgreementLevel, AgreementStatus } from '../../../shared/contracts/agreements.ts';
import { lenientSearch, PAGING, type SearchOf } from '../../lib/url-search.ts';

const SHAPE = {
  ...PAGING,
  level: AgreementLevel,
  kind: AgreementKind,
  status: AgreementStatus,
  country: CountryCode,
  unitId: Id,
  expiringWithinMonths: z.coerce.number().int().min(0).max(120),
  dormant: z.enum(['true', 'false']),
  sort: z.enum(AGREEMENT_SORTS),
};

/** The agreements list's state in the URL: search, filters, sort, page. */
export type AgreementsSearch = SearchOf<typeof SHAPE>;
/** Read the agreements list's URL params. */
export const validateAgreementsSearch = lenientSearch(SHAPE);

const WATCH_SHAPE = { months: z.coerce.number().int().min(1).max(60) };
/** The renewal watch's state in the URL: how many months ahead. */
export type RenewalWatchSearch = SearchOf<typeof WATCH_SHAPE>;
/** Read the renewal watch's URL params. */
export const validateRenewalWatchSearch = lenientSearch(WATCH_SHAPE);
