import { z } from 'zod';
import { CountryCode, Id, IsoDate, OptionalText, PageQuery, Versioned, updateFields, RequiredName, OptionalName, WholeNumber } from './common.ts';

/** What was received: the seed's "honorary titles … awards and prizes", by kind. */
export const HONOUR_KINDS = ['decoration', 'prize', 'honorary_degree', 'honorary_title', 'academy_membership'] as const;
export const HonourKind = z.enum(HONOUR_KINDS);
export type HonourKind = z.infer<typeof HonourKind>;

/** How much of the date is known: many honours are known only by their year. */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export const DatePrecision = z.enum(DATE_PRECISIONS);
export type DatePrecision = z.infer<typeof DatePrecision>;

/** A date of the given precision is stored on the first day of its month or year. */
const dateFitsPrecision = (v: { conferredOn?: string; datePrecision?: DatePrecision }) =>
  !v.conferredOn || !v.datePrecision || v.datePrecision === 'day' || (v.conferredOn.endsWith('-01') && (v.datePrecision === 'month' || v.conferredOn.slice(5, 7) === '01'));

const Fields = {
  kind: HonourKind,
  /** The name as the awarding body writes it ("Légion d'honneur"). */
  nameOriginal: OptionalName(300),
  nameEn: RequiredName(300),
  nameZh: OptionalName(300),
  nameFr: OptionalName(300),
  /** The awarding body, when it is an institution we know … */
  awardingInstitutionId: Id.nullish().transform((v) => v ?? null),
  /** … and/or its name as text (a government, a foundation, a society). */
  awardingBody: OptionalName(300),
  /** … and that name in Chinese and in French, as the office writes it in each language (法兰西共和国政府). */
  awardingBodyZh: OptionalName(300),
  awardingBodyFr: OptionalName(300),
  /** Where the awarding body is (ISO 3166-1; HK, MO, TW are regions). */
  countryCode: CountryCode.nullish().or(z.literal('')).transform((v) => (v ? v : null)),
  /** The day conferred; with precision month or year, the first day of that month or year. */
  conferredOn: IsoDate,
  datePrecision: DatePrecision.default('day'),
  citation: OptionalText(5000),
  /** One of "the more important ones" the office names on its public page. */
  notable: z.boolean().default(false),
  /** The unit it belongs to (default: the person's unit); a coordinator records their unit's. */
  unitId: Id.nullish(),
};

/** Recording an honour received by one of our people. */
export const HonourInput = z
  .object({ personId: Id, ...Fields })
  .refine(dateFitsPrecision, { message: 'date_not_at_precision', path: ['conferredOn'] });
export type HonourInput = z.input<typeof HonourInput>;

/** Changing an honour (not its person: that would be another honour). */
export const HonourUpdate = z
  .object(updateFields(Fields))
  .extend(Versioned.shape)
  .refine(dateFitsPrecision, { message: 'date_not_at_precision', path: ['conferredOn'] });
export type HonourUpdate = z.input<typeof HonourUpdate>;

/** The holder as lists show them: names in each script. */
export const HonourHolder = z.object({
  familyName: z.string(),
  givenName: z.string().nullable(),
  nameZh: z.string().nullable(),
  title: z.string().nullable(),
});
export type HonourHolder = z.infer<typeof HonourHolder>;

export const Honour = z.object({
  id: z.number(),
  personId: z.number(),
  person: HonourHolder,
  kind: HonourKind,
  nameOriginal: z.string().nullable(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  nameFr: z.string().nullable(),
  awardingInstitutionId: z.number().nullable(),
  /** The institution's names, when the awarding body is one we know. */
  awardingInstitution: z.object({ nameEn: z.string(), nameZh: z.string().nullable(), nameFr: z.string().nullable() }).nullable(),
  awardingBody: z.string().nullable(),
  awardingBodyZh: z.string().nullable(),
  awardingBodyFr: z.string().nullable(),
  countryCode: z.string().nullable(),
  conferredOn: z.string(),
  datePrecision: DatePrecision,
  citation: z.string().nullable(),
  notable: z.boolean(),
  unitId: z.number().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Honour = z.infer<typeof Honour>;

const Flag = z.enum(['true', 'false']).optional();
const Year = WholeNumber.pipe(z.number().int().min(1900).max(2100));

export const HONOUR_SORTS = ['conferredOn', 'familyName', 'kind', 'updatedAt'] as const;
export const HonourQuery = PageQuery.extend({
  kind: HonourKind.optional(),
  /** The awarding body's country or region. */
  country: CountryCode.optional(),
  personId: Id.optional(),
  unitId: Id.optional(),
  notable: Flag,
  /** Conferred in these years (inclusive). */
  fromYear: Year.optional(),
  toYear: Year.optional(),
  /** Conferred on or before this day: the honours a figure "as of" a date counts. */
  asOf: IsoDate.optional(),
  sort: z.enum(HONOUR_SORTS).default('conferredOn'),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export type HonourQuery = z.input<typeof HonourQuery>;

/** A person's honours, for the honours card on the person's page. */
export const PersonHonours = z.object({ personId: z.number(), items: z.array(Honour) });
export type PersonHonours = z.infer<typeof PersonHonours>;
