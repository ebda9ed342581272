import { z } from 'zod';
import { CountryCode, Id, IsoDate, OptionalText, PageQuery, RequiredText, Versioned, updateFields } from './common.ts';

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export const Direction = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof Direction>;

export const WHO = ['staff', 'student', 'visitor', 'expert'] as const;
export const Who = z.enum(WHO);
export type Who = z.infer<typeof Who>;

/**
 * What a person-time was for. One vocabulary for every module, so that statistics can break
 * inbound and outbound, staff and students, down by the same purposes. Labels in
 * src/shared/i18n/ledger-categories.ts.
 */
export const LEDGER_CATEGORIES = [
  // outbound staff (the seed: conferences, friendly visits, tours of investigation, advanced studies, lectures, joint research)
  'conference',
  'friendly_visit',
  'investigation_tour',
  'advanced_study',
  'lecturing',
  'joint_research',
  // inbound visitors
  'academic_exchange',
  'courtesy_visit',
  'negotiation_signing',
  'inspection',
  // students
  'short_term_training',
  'joint_graduate_programme',
  'semester_exchange',
  'degree_study',
  'residency',
  // aggregates that cover every purpose, and the rest
  'all_purposes',
  'other',
] as const;
export const LedgerCategory = z.enum(LEDGER_CATEGORIES);
export type LedgerCategory = z.infer<typeof LedgerCategory>;

/** One row of the ledger: a person-time, or an aggregate count for years without records. */
export const LedgerRow = z.object({
  id: z.number(),
  direction: Direction,
  who: Who,
  personId: z.number().nullable(),
  count: z.number(),
  isAggregate: z.boolean(),
  category: LedgerCategory,
  countryCode: z.string().nullable(),
  institutionId: z.number().nullable(),
  unitId: z.number().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  sourceModule: z.string(),
  sourceId: z.number(),
  sourceDocument: z.string().nullable(),
  /** The person counted, by name (null on an aggregate row). */
  person: z.object({ familyName: z.string(), givenName: z.string().nullable(), nameZh: z.string().nullable() }).nullable(),
  /** The title of the record the row comes from (a visit's, a mission's, an exchange's, a placement's host); null for an aggregate. */
  source: z.object({ titleEn: z.string(), titleZh: z.string().nullable(), titleFr: z.string().nullable() }).nullable(),
});
export type LedgerRow = z.infer<typeof LedgerRow>;

export const LedgerQuery = PageQuery.extend({
  direction: Direction.optional(),
  who: Who.optional(),
  category: LedgerCategory.optional(),
  country: CountryCode.optional(),
  unitId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  aggregate: z.enum(['true', 'false']).optional(),
});
export type LedgerQuery = z.input<typeof LedgerQuery>;

/** Person-times and distinct persons over the same rows; every report says which it counts. */
export const LedgerTotals = z.object({
  personTimes: z.number(),
  distinctPersons: z.number(),
  /** Person-times that come from aggregate rows (no individual records). */
  aggregatePersonTimes: z.number(),
  countriesAndRegions: z.number(),
  countries: z.number(),
});
export type LedgerTotals = z.infer<typeof LedgerTotals>;

const AggregateFields = {
  direction: Direction,
  who: Who,
  count: z.number().int().min(1).max(10_000_000),
  category: LedgerCategory,
  countryCode: CountryCode.nullish().or(z.literal('')).transform((v) => (v ? v : null)),
  institutionId: Id.nullish().transform((v) => v ?? null),
  unitId: Id.nullish().transform((v) => v ?? null),
  startDate: IsoDate,
  endDate: IsoDate,
  sourceDocument: RequiredText(500),
  notes: OptionalText(5000),
};

const datesInOrder = (v: { startDate?: string; endDate?: string }) =>
  !v.startDate || !v.endDate || v.endDate >= v.startDate;

/** An aggregate entry: a count of person-times for a period with no individual records. */
export const AggregateInput = z
  .object(AggregateFields)
  .refine(datesInOrder, { message: 'end_before_start', path: ['endDate'] });
export type AggregateInput = z.input<typeof AggregateInput>;

export const AggregateUpdate = z
  .object(updateFields(AggregateFields))
  .extend(Versioned.shape)
  .refine(datesInOrder, { message: 'end_before_start', path: ['endDate'] });
export type AggregateUpdate = z.input<typeof AggregateUpdate>;

export const Aggregate = z.object({
  id: z.number(),
  direction: Direction,
  who: Who,
  count: z.number(),
  category: LedgerCategory,
  countryCode: z.string().nullable(),
  institutionId: z.number().nullable(),
  unitId: z.number().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  sourceDocument: z.string(),
  notes: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Aggregate = z.infer<typeof Aggregate>;
