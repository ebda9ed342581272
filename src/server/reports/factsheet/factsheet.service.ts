import type { Queryable } from '../../db/client.ts';
import type { RequestContext } from '../../core/request-context.ts';
import type { Locale } from '../../../shared/contracts/common.ts';
import type { FigureSet } from '../../../shared/contracts/reports.ts';
import { computeFigureSet, flatFigures } from '../figures/figure-set.ts';
import { countryNames, subjectNames } from '../report-names.repo.ts';
import { getProgrammes } from '../../modules/programmes/programmes.service.ts';
import { officeText } from '../../modules/settings/settings.service.ts';
import { factSheetEn } from './factsheet-en.ts';
import { factSheetFr } from './factsheet-fr.ts';
import { factSheetZh } from './factsheet-zh.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-md.ts';
import { renderPdf } from './render-pdf.ts';
import type { FactSheetInput, ReportDocument } from './report-document.ts';

const WRITERS: Record<Locale, (input: FactSheetInput) => ReportDocument> = { en: factSheetEn, zh: factSheetZh, fr: factSheetFr };

export type ReportFormat = 'json' | 'md' | 'html' | 'pdf';

/** A rendered report: what to send and how to name it. */
export interface RenderedReport {
  contentType: string;
  fileName: string;
  body: string | Buffer;
}

/** The names a document needs beside its figures: its subject, and the countries its figures list. */
export async function namesFor(set: FigureSet, unitId: number | null, db: Queryable) {
  const codes = set.figures.flatMap((f) => (f.counts === 'countries_and_regions' || f.counts === 'countries' ? (f.items ?? []).map((i) => i.key) : []));
  return { subject: await subjectNames(db, unitId), countries: await countryNames(db, codes) };
}

/** What a fact sheet says beside its figures: the programme's standing as recorded (in the reader's reach) and the office's closing paragraph. */
async function wordsFor(ctx: RequestContext): Promise<Pick<FactSheetInput, 'programme' | 'closing'>> {
  const standing = (await getProgrammes(ctx)).find((p) => p.standingEn);
  return {
    programme: standing ? { en: standing.standingEn!, zh: standing.standingZh ?? standing.standingEn!, fr: standing.standingFr ?? standing.standingEn! } : null,
    closing: await officeText(ctx, 'factsheet.closing'),
  };
}

/** The fact sheet's document in `lang`: the seed's paragraphs written from the figure set. */
export async function factSheetDocument(
  ctx: RequestContext,
  options: { asOf?: string; unitId?: number; lang: Locale; baseUrl?: string },
): Promise<{ set: FigureSet; doc: ReportDocument }> {
  const set = await computeFigureSet(ctx, options);
  // A coordinator's sheet is their unit's; the office's the unit it asked for, or the school's.
  const unitId = ctx.scope ?? options.unitId ?? null;
  const names = await namesFor(set, unitId, ctx);
  return { set, doc: WRITERS[options.lang]({ set, lang: options.lang, baseUrl: options.baseUrl ?? '', ...names, ...(await wordsFor(ctx)) }) };
}

/** A document as `format`: JSON (the document and the flat figures), Markdown, a standalone HTML page, or PDF. */
export async function renderReport(doc: ReportDocument, extra: object, format: ReportFormat, name: string): Promise<RenderedReport> {
  const fileName = `${name}-${doc.lang}.${format}`;
  if (format === 'md') return { contentType: 'text/markdown; charset=utf-8', fileName, body: renderMarkdown(doc) };
  if (format === 'html') return { contentType: 'text/html; charset=utf-8', fileName, body: renderHtml(doc) };
  if (format === 'pdf') return { contentType: 'application/pdf', fileName, body: await renderPdf(doc) };
  return { contentType: 'application/json; charset=utf-8', fileName, body: JSON.stringify({ ...extra, document: doc }) };
}

/**
 * The fact sheet, rendered: the API, the Reports page and `interchange report factsheet` all
 * read this. JSON carries the flat figures of the issue (`{ "partners.universities": 63, … }`).
 */
export async function renderFactSheet(
  ctx: RequestContext,
  options: { asOf?: string; unitId?: number; lang: Locale; format: ReportFormat; baseUrl?: string },
): Promise<RenderedReport> {
  const { set, doc } = await factSheetDocument(ctx, options);
  return renderReport(doc, { asOf: set.asOf, lang: options.lang, figures: flatFigures(set) }, options.format, `factsheet-${set.asOf}`);
}
