import { invalidFields, notFound } from '../../core/errors.ts';
import type { RequestContext, Scoped } from '../../core/request-context.ts';
import type { MoeTwImportResult, MoeTwSummary, NationalComparison, NationalSource, NationalStatisticsYears } from '../../../shared/contracts/national-statistics.ts';
import { countedEnrolmentsOn } from '../students/students.service.ts';
import { moeCountryMatcher } from './moe-country-names.ts';
import { readMoeTwFile, type MoeFile } from './moe-tw-file.ts';
import { compare, summarise } from './national-statistics.rules.ts';
import { countryList, deleteFile, findFileForUpdate, insertFile, listFiles, yearTallies } from './national-statistics.repo.ts';

const ENTITY = 'national_statistics';
const SOURCE: NationalSource = 'moe-tw';

/** An uploaded file: its name as given, and its bytes. */
export interface UploadedStatistics {
  fileName: string;
  content: Buffer;
}

/**
 * Reads the ministry's files of one year (its foreign students, its overseas-Chinese and Hong
 * Kong/Macao students, or both) and stores them, replacing the same year's file of each kind in
 * one transaction with an audit row per file; every file is read whole before anything is
 * written, so a bad line anywhere imports nothing. Answers with the year's figures read back
 * from the database after the commit.
 */
export async function importMoeTw(ctx: RequestContext, options: { files: readonly UploadedStatistics[]; encoding?: string | undefined }): Promise<MoeTwImportResult> {
  if (options.files.length === 0) throw invalidFields({ field: 'files', reason: 'required' });
  const country = moeCountryMatcher(await countryList(ctx));
  const read: MoeFile[] = [];
  for (const f of options.files) read.push(await readMoeTwFile(f.content, { fileName: f.fileName, encoding: options.encoding, country }));
  const kinds = read.map((f) => f.kind);
  const twice = kinds.find((k, i) => kinds.indexOf(k) !== i);
  if (twice) throw invalidFields({ field: 'files', reason: `same_file_kind:${twice}` });
  const years = [...new Set(read.map((f) => f.year))];
  if (years.length > 1) throw invalidFields({ field: 'files', reason: `years_differ:${years.join(', ')}` });
  const year = years[0]!;
  const files = await ctx.transaction(async (tx) => {
    const stored = [];
    for (const file of read) {
      const before = await findFileForUpdate(tx, SOURCE, year, file.kind);
      if (before) await deleteFile(tx, before.id);
      const after = await insertFile(tx, SOURCE, file, { userId: tx.actor.userId || null, label: tx.actor.email });
      const students = file.rows.reduce((sum, r) => sum + r.students, 0);
      await tx.audit({ action: before ? 'update' : 'create', entity: ENTITY, entityId: `${SOURCE}/${year}/${file.kind}`, before: before ?? null, after: { ...after, students } });
      stored.push(after);
    }
    return stored;
  });
  return { files, summary: await yearSummary(ctx, { year }) };
}

/** The year's figures as the database holds them; 404 when the year has not been imported. */
export async function yearSummary(ctx: Scoped, options: { year: string }): Promise<MoeTwSummary> {
  const tallies = await yearTallies(ctx, SOURCE, options.year);
  if (tallies.length === 0) throw notFound();
  return summarise(options.year, tallies);
}

/** The years imported, newest first, each with its files and where they came from. */
export async function nationalStatisticsYears(ctx: Scoped): Promise<NationalStatisticsYears> {
  const items: NationalStatisticsYears['items'] = [];
  for (const file of await listFiles(ctx)) {
    const last = items.at(-1);
    if (last && last.source === file.source && last.year === file.year) last.files.push(file);
    else items.push({ source: file.source, year: file.year, files: [file] });
  }
  return { items };
}

/** The day the ministry counts a ROC academic year's students on: 15 October of its first calendar year. */
export function censusDay(year: string): string {
  return `${Number(year) + 1911}-10-15`;
}

/**
 * The office beside the nation for one academic year: the office's degree students counted on
 * the ministry's census day, within the caller's reach (a coordinator's unit), by country or
 * region and level, with the national figures and the office's share of them.
 */
export async function nationalComparison(ctx: Scoped, options: { source: NationalSource; year: string }): Promise<NationalComparison> {
  const tallies = await yearTallies(ctx, options.source, options.year);
  if (tallies.length === 0) throw notFound();
  const asOf = censusDay(options.year);
  const office = await countedEnrolmentsOn(ctx, { asOf });
  return { source: options.source, year: options.year, asOf, summary: summarise(options.year, tallies), ...compare(tallies, office) };
}
