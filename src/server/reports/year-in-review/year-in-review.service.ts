import type { Queryable } from '../../db/client.ts';
import type { Actor } from '../../policies/actor.ts';
import type { Locale } from '../../../shared/contracts/common.ts';
import { renderReport, type RenderedReport, type ReportFormat } from '../factsheet/factsheet.service.ts';
import { subjectNames } from '../report-names.repo.ts';
import { computeYearInReview } from './year-figures.ts';
import { yearInReviewDocument } from './year-in-review-document.ts';

/** The year in review, rendered: the API and `interchange report year-in-review` read this. */
export async function renderYearInReview(
  options: { actor: Actor; year: number; unitId?: number; lang: Locale; format: ReportFormat; baseUrl?: string },
  db: Queryable,
): Promise<RenderedReport> {
  const review = await computeYearInReview(options, db);
  const doc = yearInReviewDocument(review, await subjectNames(db, review.unitId), options.lang, options.baseUrl ?? '');
  return renderReport(doc, review, options.format, `year-in-review-${options.year}`);
}
