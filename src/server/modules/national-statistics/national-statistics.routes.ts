import { created, declareRoutes, get, policy, post } from '../../core/routes.ts';
import { SPREADSHEET_MAX_BYTES } from '../../interop/spreadsheet-limits.ts';
import { MoeTwImportResult, MoeTwUploadQuery, NationalComparison, NationalComparisonQuery, NationalStatisticsYears } from '../../../shared/contracts/national-statistics.ts';
import { importMoeTw, nationalComparison, nationalStatisticsYears } from './national-statistics.service.ts';

const upload = { maxBytes: SPREADSHEET_MAX_BYTES, tooLarge: 'spreadsheet_too_large' };

/**
 * National statistics: the office uploads the ministry's files of a year (one at a time: each
 * replaces that year's file of its kind), everyone reads the office beside the nation.
 */
export const nationalStatisticsRoutes = declareRoutes('national-statistics', [
  post('/api/national-statistics/moe-tw', { summary: "Import a yearly file of Taiwan's Ministry of Education on international students", ...policy('national_statistics', 'create'), query: MoeTwUploadQuery, upload, response: { 201: MoeTwImportResult } }, async ({ ctx, query, file: f }) =>
    created(await importMoeTw(ctx, { files: [{ fileName: f.fileName, content: f.content }], encoding: query.encoding })),
  ),
  get('/api/national-statistics', { summary: 'List the national statistics imported, by year, with their files', ...policy('national_statistics', 'read'), response: { 200: NationalStatisticsYears } }, async ({ ctx }) => nationalStatisticsYears(ctx)),
  get('/api/national-statistics/comparison', { summary: "Compare the office's international students with a year's national figures", ...policy('national_statistics', 'read'), query: NationalComparisonQuery, response: { 200: NationalComparison } }, async ({ ctx, query }) =>
    nationalComparison(ctx, { source: query.source, year: query.year }),
  ),
]);
