import type { RequestContext } from '../../core/request-context.ts';
import type { Locale } from '../../../shared/contracts/common.ts';
import { renderReport, type RenderedReport, type ReportFormat } from '../factsheet/factsheet.service.ts';
import { subjectNames } from '../report-names.repo.ts';
import { computeYearInReview } from './year-figures.ts';
import { yearInReviewDocument } from './year-in-review-document.ts';

/** The year in review, rendered: the API and `interchange report year-in-review` read this. */
export async function renderYearInReview(
  ctx: RequestContext,
  options: { year: number; unitId?: number; lang: Locale; format: ReportFormat; baseUrl?: string },
): Promise<RenderedReport> {
  const review = await computeYearInReview(ctx, options);
  const doc = yearInReviewDocument(review, await subjectNames(ctx, review.unitId), options.lang, options.baseUrl ?? '');
  return renderReport(doc, review, options.format, `year-in-review-${options.year}`);
}
