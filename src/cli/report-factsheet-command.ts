import { writeFileSync } from 'node:fs';
import type { Config } from '../server/config.ts';
import type { Db } from '../server/db/client.ts';
import { systemContext } from '../server/core/request-context.ts';
import { computeFigureSet, flatFigures } from '../server/reports/figures/figure-set.ts';
import { renderFactSheet, type RenderedReport, type ReportFormat } from '../server/reports/factsheet/factsheet.service.ts';
import { renderYearInReview } from '../server/reports/year-in-review/year-in-review.service.ts';
import { IsoDate, Locale } from '../shared/contracts/common.ts';
import { openReadyDb } from './open-ready-db.ts';

const FORMATS: readonly ReportFormat[] = ['json', 'md', 'html', 'pdf'];

export interface DocumentOptions {
  format: string;
  lang: string;
  out?: string;
  baseUrl?: string;
}

type Parsed = { format: ReportFormat; lang: Locale; out?: string; baseUrl: string };

/** The options every report document takes, checked; or what is wrong with them. */
function parseDocumentOptions(options: DocumentOptions, config: Config): Parsed | { problem: string } {
  const lang = Locale.safeParse(options.lang);
  if (!lang.success) return { problem: `--lang: "${options.lang}" is not one of en, zh, fr` };
  if (!FORMATS.includes(options.format as ReportFormat)) return { problem: `--format: "${options.format}" is not one of ${FORMATS.join(', ')}` };
  if (options.format === 'pdf' && !options.out) return { problem: '--format pdf needs --out FILE' };
  // Files leave the app: their links need the server's address.
  return { format: options.format as ReportFormat, lang: lang.data, ...(options.out ? { out: options.out } : {}), baseUrl: options.baseUrl ?? `http://localhost:${config.port}` };
}

/**
 * What `interchange report factsheet` prints: as JSON the flat figures of the issue
 * (`{ "partners.universities": 63, … }`, null for modules not landed); otherwise the fact sheet.
 */
export async function factSheetOutput(db: Db, options: Parsed & { asOf?: string }): Promise<RenderedReport> {
  if (options.format === 'json') {
    const set = await computeFigureSet(systemContext(db), options.asOf ? { asOf: options.asOf } : {});
    return { contentType: 'application/json', fileName: 'factsheet.json', body: JSON.stringify(flatFigures(set), null, 2) };
  }
  return renderFactSheet(systemContext(db), { ...(options.asOf ? { asOf: options.asOf } : {}), lang: options.lang, format: options.format, baseUrl: options.baseUrl });
}

function emit(report: RenderedReport, out?: string): void {
  if (out) {
    writeFileSync(out, report.body);
    console.error(`wrote ${out}`);
  } else console.log(typeof report.body === 'string' ? report.body : report.body.toString('utf8'));
}

async function withDb(config: Config, run: (db: Db) => Promise<RenderedReport>, out?: string): Promise<void> {
  const { db } = await openReadyDb(config);
  try {
    emit(await run(db), out);
  } finally {
    await db.close();
  }
}

function fail(problem: string): void {
  console.error(problem);
  process.exitCode = 1;
}

/** `interchange report factsheet`: the seed's page written from the figures, or the figures themselves. */
export async function reportFactSheetCommand(config: Config, options: DocumentOptions & { asOf?: string }): Promise<void> {
  const parsed = parseDocumentOptions(options, config);
  if ('problem' in parsed) return fail(parsed.problem);
  const asOf = options.asOf === undefined ? undefined : IsoDate.safeParse(options.asOf);
  if (asOf && !asOf.success) return fail(`--as-of: "${options.asOf}" is not a date (YYYY-MM-DD)`);
  await withDb(config, (db) => factSheetOutput(db, { ...parsed, ...(asOf?.data ? { asOf: asOf.data } : {}) }), parsed.out);
}

/** `interchange report year-in-review`: an academic year's figures beside the previous year's. */
export async function reportYearInReviewCommand(config: Config, options: DocumentOptions & { year: string }): Promise<void> {
  const parsed = parseDocumentOptions(options, config);
  if ('problem' in parsed) return fail(parsed.problem);
  const year = Number(options.year);
  if (!Number.isInteger(year) || year < 1950 || year > 2100) return fail(`--year: "${options.year}" is not a year (the one the academic year starts in)`);
  await withDb(config, (db) => renderYearInReview(systemContext(db), { year, lang: parsed.lang, format: parsed.format, baseUrl: parsed.baseUrl }), parsed.out);
}
