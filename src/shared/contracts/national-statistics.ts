import { z } from 'zod';

/**
 * A national statistics table kept beside the office's own figures (issue 11): today the
 * open data of Taiwan's Ministry of Education on international degree students.
 */
export const NATIONAL_SOURCES = ['moe-tw'] as const;
export const NationalSource = z.enum(NATIONAL_SOURCES);
export type NationalSource = z.infer<typeof NationalSource>;

/** The ministry's two files of a year: foreign students, and overseas-Chinese with Hong Kong and Macao students. */
export const MOE_FILE_KINDS = ['regular', 'over_higher'] as const;
export type MoeFileKind = (typeof MOE_FILE_KINDS)[number];

/** How the ministry keeps students apart: Hong Kong and Macao are regions, never countries. */
export const MOE_CATEGORIES = ['foreign', 'overseas_chinese', 'hong_kong', 'macao'] as const;
export type MoeCategory = (typeof MOE_CATEGORIES)[number];

/** An academic year as the source writes it ('112' is the ROC year 2023/24). */
export const AcademicYear = z.string().trim().regex(/^\d{1,4}$/);

/** Reading an uploaded file of the ministry: its encoding when it is not UTF-8 as published. */
export const MoeTwUploadQuery = z.object({
  encoding: z.string().trim().max(40).optional(),
});

const Count = z.number().int().nonnegative();

/** What is stored for a year, read back from the database: the figures the ministry's files add up to. */
export const MoeTwSummary = z.object({
  year: z.string(),
  foreign: z.object({
    students: Count,
    /** By the ministry's level code (B, C, M, D, 2, 5 …). */
    byLevel: z.record(z.string(), Count),
    /** The ministry's distinct countries of foreign students (names matched or not). */
    countries: Count,
    /** By ISO code, for the names matched to the countries list. */
    byCountry: z.record(z.string(), Count),
    /** The ministry's country names the countries list does not know (their rows are kept). */
    unmatched: z.array(z.string()),
  }),
  overseasChinese: Count,
  hongKong: Count,
  macao: Count,
});
export type MoeTwSummary = z.infer<typeof MoeTwSummary>;

/** One imported file and where it came from. */
export const NationalStatisticsFile = z.object({
  id: z.number().int(),
  source: NationalSource,
  year: z.string(),
  fileKind: z.enum(MOE_FILE_KINDS),
  fileName: z.string(),
  sha256: z.string(),
  encoding: z.string(),
  rows: Count,
  importedBy: z.string(),
  importedAt: z.string(),
});
export type NationalStatisticsFile = z.infer<typeof NationalStatisticsFile>;

/** An import's answer: the files stored, and the year's figures read back. */
export const MoeTwImportResult = z.object({ files: z.array(NationalStatisticsFile), summary: MoeTwSummary });
export type MoeTwImportResult = z.infer<typeof MoeTwImportResult>;

/** The years on file, newest first, each with its files. */
export const NationalStatisticsYears = z.object({
  items: z.array(z.object({ source: NationalSource, year: z.string(), files: z.array(NationalStatisticsFile) })),
});
export type NationalStatisticsYears = z.infer<typeof NationalStatisticsYears>;

export const NationalComparisonQuery = z.object({
  source: NationalSource.default('moe-tw'),
  year: AcademicYear,
});
export type NationalComparisonQuery = z.input<typeof NationalComparisonQuery>;

/** Students by the office's degree levels; `other` holds the national levels the office has no match for (junior college, preparatory). */
export const LevelCounts = z.object({ bachelor: Count, master: Count, doctorate: Count, other: Count, total: Count });
export type LevelCounts = z.infer<typeof LevelCounts>;

/** One country or region: the office's students, the nation's, and the office's share of them (null when the nation has none). */
export const ComparisonRow = z.object({
  countryCode: z.string(),
  isRegion: z.boolean(),
  office: LevelCounts,
  national: LevelCounts,
  share: z.number().nullable(),
});
export type ComparisonRow = z.infer<typeof ComparisonRow>;

/** The office beside the nation for one academic year, by country or region and level. */
export const NationalComparison = z.object({
  source: NationalSource,
  year: z.string(),
  /** The day the office's students are counted on: the ministry's census day of the year (15 October). */
  asOf: z.string(),
  summary: MoeTwSummary,
  rows: z.array(ComparisonRow),
  totals: z.object({ office: LevelCounts, national: LevelCounts, share: z.number().nullable() }),
});
export type NationalComparison = z.infer<typeof NationalComparison>;
