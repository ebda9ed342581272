import { z } from 'zod';
import { Id, IsoDate, Locale, WholeNumber } from './common.ts';

/**
 * Every figure of the fact sheet, by key. One definition each, in src/server/reports/figures/;
 * the dashboard, the fact sheet, the CLI and the API all read them from there.
 */
export const FIGURE_KEYS = [
  'partners.universities',
  'partners.countriesAndRegions',
  'organizations.workingArrangements',
  'experts.engaged',
  'conferences.hosted',
  'inbound.personTimesSince1980',
  'inbound.notableVisitors',
  'outbound.personTimesSince1954',
  'honours',
  'honours.holders',
  'students.foreignSince1980',
  'students.foreignCountries',
  'students.byLevel',
  'programme.residencyPlaced',
  'programme.residencyShare',
  'programme.visitingProfessors',
  'exchange.studentsPerYear',
  'exchange.universities',
  'exchange.countries',
  'exchange.selected',
] as const;
export const FigureKey = z.enum(FIGURE_KEYS);
export type FigureKey = z.infer<typeof FigureKey>;

/** What a figure counts: every report says whether it counts trips or people. */
export const FIGURE_UNITS = ['person_times', 'persons', 'institutions', 'countries_and_regions', 'countries', 'records', 'share', 'names'] as const;
export const FigureUnit = z.enum(FIGURE_UNITS);
export type FigureUnit = z.infer<typeof FigureUnit>;

/** A figure's value: a count, a share (0..1), a list of names, or counts by a key. Null = its module has not landed. */
export const FigureValue = z.union([z.number(), z.array(z.string()), z.record(z.string(), z.number()), z.null()]);
export type FigureValue = z.infer<typeof FigureValue>;

/** One part of a figure: a country and its count, a named organization or person (each name in its own script). */
export const FigureItem = z.object({
  key: z.string(),
  count: z.number().nullable(),
  nameEn: z.string().nullable(),
  nameZh: z.string().nullable(),
  /** The French name, where the record has one (an organization). */
  nameFr: z.string().nullable().optional(),
  /** A title or role as recorded ("President of the French Republic"). */
  title: z.string().nullable(),
  /**
   * Where a names figure groups its names (an honour and its holders, one item per holder): the
   * group's key and kind, its name in each language, and who gave it.
   */
  group: z
    .object({
      key: z.string(),
      kind: z.string(),
      name: z.object({ en: z.string(), zh: z.string(), fr: z.string() }),
      by: z.object({ en: z.string(), zh: z.string(), fr: z.string() }).nullable(),
    })
    .optional(),
});
export type FigureItem = z.infer<typeof FigureItem>;

export const Figure = z.object({
  key: FigureKey,
  value: FigureValue,
  counts: FigureUnit,
  /** The date the figure is taken on (a state: partners, experts) … */
  asOf: z.string().nullable(),
  /** … or the period it sums over (a flow: person-times since 1980). */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** The filters it was computed with (unit, …). */
  filters: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Where its records are: the API list and the web page that shows them. Null when there are none yet. */
  records: z.object({ api: z.string(), page: z.string() }).nullable(),
  /**
   * What the value is made of, where the fact sheet names it (added after the first contract;
   * optional): countries and regions with their counts, organizations and visitors with their
   * names in each script.
   */
  items: z.array(FigureItem).optional(),
});
export type Figure = z.infer<typeof Figure>;

export const FiguresQuery = z.object({
  asOf: IsoDate.optional(),
  /** Confine to a unit and its sub-units (a coordinator is always confined to theirs). */
  unitId: Id.optional(),
});
export type FiguresQuery = z.input<typeof FiguresQuery>;

export const FigureSet = z.object({ asOf: z.string(), figures: z.array(Figure) });
export type FigureSet = z.infer<typeof FigureSet>;

export const FactSheetQuery = FiguresQuery.extend({
  lang: Locale.default('en'),
  format: z.enum(['json', 'md', 'html', 'pdf']).default('html'),
});
export type FactSheetQuery = z.input<typeof FactSheetQuery>;

/** An academic year, named by the year it starts in (2025 = 2025-09-01 … 2026-08-31). */
export const YearInReviewQuery = z.object({
  year: WholeNumber.pipe(z.number().int().min(1950).max(2100)),
  unitId: Id.optional(),
  lang: Locale.default('en'),
  format: z.enum(['json', 'md', 'html', 'pdf']).default('html'),
});
export type YearInReviewQuery = z.input<typeof YearInReviewQuery>;

/** Person-times by year, for the dashboard's time series. */
export const SeriesQuery = z.object({
  from: WholeNumber.pipe(z.number().int().min(1950).max(2100)).optional(),
  to: WholeNumber.pipe(z.number().int().min(1950).max(2100)).optional(),
  unitId: Id.optional(),
});
export type SeriesQuery = z.input<typeof SeriesQuery>;

export const SeriesPoint = z.object({
  year: z.number(),
  inbound: z.number(),
  outbound: z.number(),
  agreementsInForce: z.number(),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

/** Breakdowns of person-times over a period: by country/region, purpose, unit, who. */
export const BreakdownQuery = z.object({
  by: z.enum(['country', 'category', 'unit', 'who']),
  direction: z.enum(['inbound', 'outbound']).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  unitId: Id.optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export type BreakdownQuery = z.input<typeof BreakdownQuery>;

export const BreakdownRow = z.object({ key: z.string().nullable(), personTimes: z.number() });
export type BreakdownRow = z.infer<typeof BreakdownRow>;
