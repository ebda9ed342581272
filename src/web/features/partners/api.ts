import type { Partner, PartnerFigures, TimelineEntry } from '../../../shared/contracts/agreements.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import { useApiGet } from '../../lib/api-query.ts';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-search.ts';
import type { PartnersSearch } from './partners-search.ts';

/** "N universities from M countries and regions" on a date (today unless asked), by country, and the organizations. */
export const usePartnerFigures = (asOf?: string) => useApiGet<PartnerFigures>(['partners', 'figures', asOf ?? null], '/partners', { asOf }, { keep: true });

/** The partners behind the figure: institutions with an agreement in force on the date. */
export function usePartnerList(search: PartnersSearch) {
  const params = {
    asOf: search.asOf,
    country: search.country,
    kind: search.kind,
    q: search.q,
    page: search.page ?? 1,
    pageSize: search.pageSize ?? DEFAULT_PAGE_SIZE,
  };
  return useApiGet<Page<Partner>>(['partners', 'list', params], '/partners/list', params, { keep: true });
}

/** Everything done with one institution, newest first. */
export const useTimeline = (institutionId: number) => useApiGet<TimelineEntry[]>(['timeline', institutionId], `/institutions/${institutionId}/timeline`);
