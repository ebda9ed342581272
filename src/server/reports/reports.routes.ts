import { z } from 'zod';
import { declareRoutes, file, fileResponse, get, jsonOrTable, policy, table, type RouteResult } from '../core/routes.ts';
import { BreakdownQuery, BreakdownRow, FactSheetQuery, FigureSet, FiguresQuery, SeriesPoint, SeriesQuery, YearInReviewQuery } from '../../shared/contracts/reports.ts';
import { cachedFigureSet } from './figures/figure-cache.ts';
import { renderFactSheet, type RenderedReport } from './factsheet/factsheet.service.ts';
import { breakdownTable, computeBreakdown } from './statistics/breakdown.ts';
import { computeSeries } from './statistics/series.ts';
import { renderYearInReview } from './year-in-review/year-in-review.service.ts';

/**
 * A rendered report under its own name (the report, its date or year, its language): a download
 * for PDF and Markdown, shown in place for HTML, which a browser still saves under that name.
 */
function reportFile(report: RenderedReport, format: string): RouteResult {
  const download = format === 'pdf' || format === 'md';
  return file({ body: report.body, contentType: report.contentType, fileName: report.fileName, disposition: download ? 'attachment' : 'inline' });
}

const read = policy('report', 'read');
/** A rendered report: JSON (its document), Markdown, HTML or PDF, by its `format`. */
const REPORT_TYPES = fileResponse('application/json', 'text/markdown', 'text/html', 'application/pdf');

/** Reports: the figure set, the time series, breakdowns, the fact sheet and the year in review (read-only). */
export const reportsRoutes = declareRoutes('reports', [
  get('/api/reports/figures', { summary: 'Compute the figure set', ...read, query: FiguresQuery, response: { 200: FigureSet } }, async ({ ctx, query }) => cachedFigureSet(ctx, query)),

  get('/api/reports/series', { summary: 'Compute a figure as a time series', ...read, query: SeriesQuery, response: { 200: z.array(SeriesPoint) } }, async ({ ctx, query }) => computeSeries(ctx, query)),

  get('/api/reports/breakdown', { summary: 'Break a figure down by country, unit or year', ...read, query: BreakdownQuery, response: jsonOrTable(z.array(BreakdownRow)) }, async ({ ctx, query: { format, ...query } }) => {
    const rows = await computeBreakdown(ctx, query);
    return format === 'json' ? rows : table(breakdownTable(rows, query.by), format);
  }),

  get('/api/reports/factsheet', { summary: 'Render the fact sheet', ...read, query: FactSheetQuery, response: REPORT_TYPES }, async ({ ctx, query }) => reportFile(await renderFactSheet(ctx, query), query.format)),

  get('/api/reports/year-in-review', { summary: 'Render the year in review', ...read, query: YearInReviewQuery, response: REPORT_TYPES }, async ({ ctx, query }) => reportFile(await renderYearInReview(ctx, query), query.format)),
]);
