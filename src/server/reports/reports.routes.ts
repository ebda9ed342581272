import type { App, ServerContext } from '../http/context.ts';
import { policy } from '../http/context.ts';
import { sendTable } from '../http/table-export.ts';
import { BreakdownQuery, FactSheetQuery, FiguresQuery, SeriesQuery, YearInReviewQuery } from '../../shared/contracts/reports.ts';
import { computeFigureSet } from './figures/figure-set.ts';
import { renderFactSheet, type RenderedReport } from './factsheet/factsheet.service.ts';
import { breakdownTable, computeBreakdown } from './statistics/breakdown.ts';
import { computeSeries } from './statistics/series.ts';
import { renderYearInReview } from './year-in-review/year-in-review.service.ts';
import type { FastifyReply } from 'fastify';

function sendReport(reply: FastifyReply, report: RenderedReport, download: boolean): FastifyReply {
  if (download) void reply.header('content-disposition', `attachment; filename="${report.fileName}"`);
  return reply.type(report.contentType).send(report.body);
}

/** Reports: the figure set, the time series, breakdowns, the fact sheet and the year in review (read-only). */
export function reportsRoutes(app: App, _context: ServerContext): void {
  const tags = ['reports'];
  const config = policy('report', 'read');

  app.get('/api/reports/figures', { config, schema: { tags, querystring: FiguresQuery } }, async (request) =>
    computeFigureSet(request.ctx!, request.query),
  );

  app.get('/api/reports/series', { config, schema: { tags, querystring: SeriesQuery } }, async (request) =>
    computeSeries(request.ctx!, request.query),
  );

  app.get('/api/reports/breakdown', { config, schema: { tags, querystring: BreakdownQuery } }, async (request, reply) => {
    const { format, ...query } = request.query;
    const rows = await computeBreakdown(request.ctx!, query);
    return format === 'json' ? rows : sendTable(reply, breakdownTable(rows, query.by), format);
  });

  app.get('/api/reports/factsheet', { config, schema: { tags, querystring: FactSheetQuery } }, async (request, reply) => {
    const report = await renderFactSheet(request.ctx!, request.query);
    return sendReport(reply, report, request.query.format === 'pdf' || request.query.format === 'md');
  });

  app.get('/api/reports/year-in-review', { config, schema: { tags, querystring: YearInReviewQuery } }, async (request, reply) => {
    const report = await renderYearInReview(request.ctx!, request.query);
    return sendReport(reply, report, request.query.format === 'pdf' || request.query.format === 'md');
  });
}
