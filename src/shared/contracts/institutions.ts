import { z } from 'zod';
import { CountryCode, OptionalText, PageQuery, Versioned, updateFields, RequiredName, OptionalName, WholeNumber } from './common.ts';

export const INSTITUTION_KINDS = [
  'university',
  'hospital',
  'research_institute',
  'international_organization',
  'foundation',
  'government_body',
  'association',
  'company',
] as const;
export const InstitutionKind = z.enum(INSTITUTION_KINDS);
export type InstitutionKind = z.infer<typeof InstitutionKind>;

const Url = z
  .string()
  .trim()
  .max(500)
  .refine((s) => /^https?:\/\/[^\s]+\.[^\s]+$/i.test(s), { message: 'invalid_url' });

const Fields = {
  kind: InstitutionKind,
  nameEn: RequiredName(300),
  nameZh: OptionalName(300),
  nameFr: OptionalName(300),
  nameLocal: OptionalName(300),
  otherNames: z.array(RequiredName(300)).max(20).default([]),
  countryCode: CountryCode,
  city: OptionalName(120),
  website: Url.nullish().or(z.literal('')).transform((v) => (v ? v : null)),
  ror: z.string().trim().regex(/^0[a-z0-9]{6}\d{2}$/).nullish().or(z.literal('')).transform((v) => (v ? v : null)),
  schac: OptionalText(120),
  erasmusCode: OptionalText(20),
  pic: z.string().trim().regex(/^\d{9}$/).nullish().or(z.literal('')).transform((v) => (v ? v : null)),
  referenceRef: OptionalText(120),
  notes: OptionalText(5000),
};

/** Creating an institution. */
export const InstitutionInput = z.object(Fields);
export type InstitutionInput = z.input<typeof InstitutionInput>;

/**
 * Creating an institution over the API: refused (409 `institution_exists`) when one on file has
 * the same website domain, identifier or catalogue entry, unless the user confirms `createAnyway`.
 */
export const InstitutionCreate = InstitutionInput.extend({ createAnyway: z.boolean().default(false) });
export type InstitutionCreate = z.input<typeof InstitutionCreate>;

/** Why an institution on file is taken for the one being added. */
export const INSTITUTION_MATCH_REASONS = ['website', 'referenceRef', 'erasmusCode', 'pic', 'ror', 'schac'] as const;
export type InstitutionMatchReason = (typeof INSTITUTION_MATCH_REASONS)[number];

/** An institution on file that the one being added seems to be (the 409's `current`). */
export const InstitutionMatch = z.object({
  id: z.number(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  nameFr: z.string().nullable(),
  countryCode: z.string(),
  website: z.string().nullable(),
  reasons: z.array(z.enum(INSTITUTION_MATCH_REASONS)),
});
export type InstitutionMatch = z.infer<typeof InstitutionMatch>;

/** Changing an institution: any fields, plus the version the change is based on. */
export const InstitutionUpdate = z.object(updateFields(Fields)).extend(Versioned.shape);
export type InstitutionUpdate = z.input<typeof InstitutionUpdate>;

export const Institution = z.object({
  id: z.number(),
  kind: InstitutionKind,
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  nameFr: z.string().nullable(),
  nameLocal: z.string().nullable(),
  otherNames: z.array(z.string()),
  countryCode: z.string(),
  city: z.string().nullable(),
  website: z.string().nullable(),
  ror: z.string().nullable(),
  schac: z.string().nullable(),
  erasmusCode: z.string().nullable(),
  pic: z.string().nullable(),
  referenceRef: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Institution = z.infer<typeof Institution>;

export const INSTITUTION_SORTS = ['nameEn', 'countryCode', 'kind', 'updatedAt'] as const;
export const InstitutionQuery = PageQuery.extend({
  kind: InstitutionKind.optional(),
  country: CountryCode.optional(),
  sort: z.enum(INSTITUTION_SORTS).default('nameEn'),
});
export type InstitutionQuery = z.input<typeof InstitutionQuery>;

/** An entry of the reference catalogue (world universities, Erasmus charter holders). */
export const CatalogueEntry = z.object({
  ref: z.string(),
  source: z.enum(['hipo', 'eche']),
  name: z.string(),
  countryCode: z.string(),
  city: z.string().nullable(),
  website: z.string().nullable(),
  domains: z.array(z.string()),
  erasmusCode: z.string().nullable(),
  pic: z.string().nullable(),
  /** The institution already created from this entry, if any. */
  institutionId: z.number().nullable(),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

export const CatalogueQuery = z.object({
  q: z.string().trim().min(2).max(200),
  country: CountryCode.optional(),
  limit: WholeNumber.pipe(z.number().int().min(1).max(50)).default(20),
});
export type CatalogueQuery = z.input<typeof CatalogueQuery>;
