import { z } from 'zod';
import { CountryCode, Id, IsoDate, OptionalText, PageQuery, Versioned, updateFields, RequiredName, OptionalName } from './common.ts';

export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export const Gender = z.enum(GENDERS);

const Fields = {
  familyName: RequiredName(200),
  givenName: OptionalName(200),
  nameZh: OptionalName(100),
  otherNames: z.array(RequiredName(200)).max(20).default([]),
  gender: Gender.nullish().transform((v) => v ?? null),
  nationality: CountryCode.nullish().or(z.literal('')).transform((v) => (v ? v : null)),
  institutionId: Id.nullish().transform((v) => v ?? null),
  title: OptionalName(200),
  email: z.string().trim().email().max(200).nullish().or(z.literal('')).transform((v) => (v ? v : null)),
  unitId: Id.nullish().transform((v) => v ?? null),
  notes: OptionalText(5000),
  /** Personal data: accepted from and shown to admin and officer only. */
  birthDate: IsoDate.nullish().or(z.literal('')).transform((v) => (v ? v : null)),
  passportNumber: z.string().trim().regex(/^[A-Z0-9<-]{5,20}$/i).nullish().or(z.literal('')).transform((v) => (v ? v.toUpperCase() : null)),
};

/** Creating a person. */
export const PersonInput = z.object(Fields);
export type PersonInput = z.input<typeof PersonInput>;

/** Changing a person. */
export const PersonUpdate = z.object(updateFields(Fields)).extend(Versioned.shape);
export type PersonUpdate = z.input<typeof PersonUpdate>;

export const Person = z.object({
  id: z.number(),
  familyName: z.string(),
  givenName: z.string().nullable(),
  nameZh: z.string().nullable(),
  otherNames: z.array(z.string()),
  gender: Gender.nullable(),
  nationality: z.string().nullable(),
  institutionId: z.number().nullable(),
  institutionName: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  unitId: z.number().nullable(),
  notes: z.string().nullable(),
  /** Present only for roles that may see personal data. */
  birthDate: z.string().nullable().optional(),
  passportNumber: z.string().nullable().optional(),
  /** When the person's personal data was erased (their person-times stay, anonymous); null if never. */
  erasedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof Person>;

export const PERSON_SORTS = ['familyName', 'nationality', 'updatedAt'] as const;
export const PersonQuery = PageQuery.extend({
  nationality: CountryCode.optional(),
  unitId: Id.optional(),
  sort: z.enum(PERSON_SORTS).default('familyName'),
});
export type PersonQuery = z.input<typeof PersonQuery>;
