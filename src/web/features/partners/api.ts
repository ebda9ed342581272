import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Partner, PartnerFigures, TimelineEntry } from '../../../shared/contracts/agreements.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import { api, toQuery } from '../../lib/api.ts';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-search.ts';
import type { PartnersSearch } from './partners-search.ts';

/** "N universities from M countries and regions" on a date (today unless asked), by country, and the organizations. */
export function usePartnerFigures(asOf?: string) {
  return useQuery({
    queryKey: ['partners', 'figures', asOf ?? null],
    queryFn: ({ signal }) => api.get<PartnerFigures>(`/partners${toQuery({ asOf })}`, signal),
    placeholderData: keepPreviousData,
  });
}

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
  return useQuery({
    queryKey: ['partners', 'list', params],
    queryFn: ({ signal }) => api.get<Page<Partner>>(`/partners/list${toQuery(params)}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** Everything done with one institution, newest first. */
export function useTimeline(institutionId: number) {
  return useQuery({
    queryKey: ['timeline', institutionId],
    queryFn: ({ signal }) => api.get<TimelineEntry[]>(`/institutions/${institutionId}/timeline`, signal),
  });
}
