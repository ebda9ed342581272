import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Locale } from '../../../shared/contracts/common.ts';
import type { BreakdownQuery, BreakdownRow, FigureSet, SeriesPoint } from '../../../shared/contracts/reports.ts';
import { api, toQuery } from '../../lib/api.ts';
import { downloadUrl, useApiGet } from '../../lib/api-query.ts';

const REPORTS_KEY = ['reports'] as const;

/** The whole figure set (null figures are modules not built yet), for a unit or the whole school. */
export const useFigures = (params: { unitId?: number; asOf?: string }) =>
  useApiGet<FigureSet>([...REPORTS_KEY, 'figures', params], '/reports/figures', params, { keep: true });

/**
 * The route's answer may be the points themselves or wrapped in an object; accept both so that the
 * dashboard does not depend on a detail the contract leaves open.
 */
function pointsOf(body: unknown): SeriesPoint[] {
  if (Array.isArray(body)) return body as SeriesPoint[];
  const wrapped = body as { points?: SeriesPoint[]; items?: SeriesPoint[]; series?: SeriesPoint[] } | null;
  return wrapped?.points ?? wrapped?.items ?? wrapped?.series ?? [];
}

/** Inbound and outbound person-times and agreements in force, year by year. */
export function useSeries(params: { from?: number; to?: number; unitId?: number }) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'series', params],
    queryFn: async ({ signal }) => pointsOf(await api.get<unknown>(`/reports/series${toQuery(params)}`, signal)),
    placeholderData: keepPreviousData,
  });
}

function rowsOf(body: unknown): BreakdownRow[] {
  if (Array.isArray(body)) return body as BreakdownRow[];
  const wrapped = body as { rows?: BreakdownRow[]; items?: BreakdownRow[] } | null;
  return wrapped?.rows ?? wrapped?.items ?? [];
}

/** The filters of a breakdown, without its format (the contract's input type leaves the unit's id unknown: it is coerced). */
export type BreakdownParams = Omit<BreakdownQuery, 'format' | 'unitId'> & { unitId?: number };

/** Person-times of a period by country/region, purpose, unit or who. */
export function useBreakdown(params: BreakdownParams) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'breakdown', params],
    queryFn: async ({ signal }) => rowsOf(await api.get<unknown>(`/reports/breakdown${toQuery(params)}`, signal)),
    placeholderData: keepPreviousData,
  });
}

/** The address of a breakdown as a file, for a plain download link. */
export function breakdownFileUrl(params: BreakdownParams, format: 'csv' | 'xlsx'): string {
  return downloadUrl('/reports/breakdown', params, format);
}

/** The query of a written report: the fact sheet, or the year in review when a year is given. */
export interface ReportParams {
  kind: 'factsheet' | 'year-in-review';
  lang: Locale;
  asOf?: string;
  year?: number;
  unitId?: number;
}

/** The address of a written report in a format (a link for downloads, the html for the page). */
export function reportUrl(p: ReportParams, format: 'md' | 'html' | 'pdf' | 'json'): string {
  const params = p.kind === 'factsheet' ? { lang: p.lang, asOf: p.asOf, unitId: p.unitId, format } : { year: p.year, lang: p.lang, unitId: p.unitId, format };
  return `/api/reports/${p.kind}${toQuery(params)}`;
}

/**
 * A report as HTML, written by the server so that the page, the CLI and the PDF say the same. Read
 * as text: the API client expects JSON.
 */
export function useReportHtml(p: ReportParams, enabled = true) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'html', p],
    enabled,
    queryFn: async ({ signal }) => {
      const res = await fetch(reportUrl(p, 'html'), { credentials: 'same-origin', signal, headers: { Accept: 'text/html', 'Accept-Language': p.lang } });
      if (!res.ok) throw new ReportUnavailable(res.status);
      return res.text();
    },
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** A report route that answered with an error (404 while the route has not landed). */
export class ReportUnavailable extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`report: ${status}`);
    this.name = 'ReportUnavailable';
    this.status = status;
  }
}
