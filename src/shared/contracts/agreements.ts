import { z } from 'zod';
import { CountryCode, Id, IsoDate, OptionalText, PageQuery, Versioned, updateFields, RequiredName, OptionalName, WholeNumber } from './common.ts';

/** Signed by the university as a whole, or by one of our units (a collegiate agreement). */
export const AGREEMENT_LEVELS = ['institutional', 'collegiate'] as const;
export const AgreementLevel = z.enum(AGREEMENT_LEVELS);
export type AgreementLevel = z.infer<typeof AgreementLevel>;

export const AGREEMENT_KINDS = [
  'comprehensive',
  'student_exchange',
  'staff_exchange',
  'joint_research',
  'joint_programme',
  'working_arrangement',
  'other',
] as const;
export const AgreementKind = z.enum(AGREEMENT_KINDS);
export type AgreementKind = z.infer<typeof AgreementKind>;

/** The stored lifecycle. "Expiring" and "dormant" are derived at a date, never stored. */
export const AGREEMENT_STATUSES = ['draft', 'under_review', 'approved', 'signed', 'active', 'expired', 'terminated'] as const;
export const AgreementStatus = z.enum(AGREEMENT_STATUSES);
export type AgreementStatus = z.infer<typeof AgreementStatus>;

/**
 * The steps an agreement may take from each status. Renewal is not a step: it creates a
 * successor draft linked to its predecessor.
 */
export const AGREEMENT_TRANSITIONS: Record<AgreementStatus, readonly AgreementStatus[]> = {
  draft: ['under_review'],
  under_review: ['approved', 'draft'],
  approved: ['signed', 'draft'],
  signed: ['active', 'terminated'],
  active: ['expired', 'terminated'],
  expired: [],
  terminated: [],
};

/** Statuses an agreement can still be deleted in: nothing was signed yet. */
export const DELETABLE_STATUSES: readonly AgreementStatus[] = ['draft', 'under_review', 'approved'];

/** Statuses from which a successor can be drafted. */
export const RENEWABLE_STATUSES: readonly AgreementStatus[] = ['signed', 'active', 'expired'];

const Count = z.number().int().min(0).max(10000).nullish().transform((v) => v ?? null);

/** What the student places are for, as EWP's cooperation conditions name them (IIAs 7.0.0). */
export const STUDENT_MOBILITIES = ['studies', 'traineeship'] as const;
/** What the staff places are for, as EWP's cooperation conditions name them. */
export const STAFF_MOBILITIES = ['teaching', 'training'] as const;
/**
 * A language skill recommended to those who go: an ISO 639-1 code, then optionally the CEFR
 * level (`en`, `fr B2`). EWP requires one for studies and teaching.
 */
export const LanguageSkill = z.string().trim().regex(/^[a-z]{2}( [ABC][12])?$/);

/** One partner of an agreement: the institution, and its own unit where known (its faculty of medicine, say). */
export const AgreementPartnerInput = z.object({
  institutionId: Id,
  partnerUnit: OptionalName(300),
});

const Fields = {
  titleEn: RequiredName(500),
  titleZh: RequiredName(500),
  titleFr: OptionalName(500),
  level: AgreementLevel,
  kind: AgreementKind,
  /** Our unit that signed a collegiate agreement; null for an institutional one. */
  unitId: Id.nullish().transform((v) => v ?? null),
  partners: z.array(AgreementPartnerInput).min(1).max(50),
  ourSignatory: OptionalName(300),
  partnerSignatory: OptionalName(300),
  signedOn: IsoDate.nullish().transform((v) => v ?? null),
  effectiveOn: IsoDate.nullish().transform((v) => v ?? null),
  /** Null = open-ended. */
  expiresOn: IsoDate.nullish().transform((v) => v ?? null),
  autoRenewal: z.boolean().default(false),
  /** Length of each automatic renewal; required when autoRenewal is set. */
  renewalTermMonths: z.number().int().min(1).max(240).nullish().transform((v) => v ?? null),
  /** How long before the end of its term the agreement shows as expiring. */
  renewalLeadMonths: z.number().int().min(0).max(60).default(6),
  studentsInPerYear: Count,
  studentsOutPerYear: Count,
  staffInPerYear: Count,
  staffOutPerYear: Count,
  studentMobility: z.enum(STUDENT_MOBILITIES).nullish().transform((v) => v ?? null),
  staffMobility: z.enum(STAFF_MOBILITIES).nullish().transform((v) => v ?? null),
  languageSkills: z.array(LanguageSkill).max(10).default([]),
  notes: OptionalText(10000),
};

/** Creating an agreement (it starts as a draft). */
export const AgreementInput = z.object(Fields);
export type AgreementInput = z.input<typeof AgreementInput>;

/** Changing an agreement's fields (not its status: that is a transition). */
export const AgreementUpdate = z.object(updateFields(Fields)).extend(Versioned.shape);
export type AgreementUpdate = z.input<typeof AgreementUpdate>;

/** Moving an agreement along its lifecycle. `on` dates the step (signed, effective, terminated); default today. */
export const AgreementTransition = z.object({
  to: AgreementStatus,
  on: IsoDate.optional(),
  version: Versioned.shape.version,
});
export type AgreementTransition = z.input<typeof AgreementTransition>;

export const AgreementPartner = z.object({
  institutionId: z.number(),
  partnerUnit: z.string().nullable(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  nameLocal: z.string().nullable(),
  kind: z.string(),
  countryCode: z.string(),
});
export type AgreementPartner = z.infer<typeof AgreementPartner>;

/** Signed documents: PDF or image scans, up to this size. */
export const AGREEMENT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export const AGREEMENT_DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'] as const;

export const AgreementDocumentParams = z.object({ id: Id, documentId: Id });

export const AgreementDocument = z.object({
  id: z.number(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type AgreementDocument = z.infer<typeof AgreementDocument>;

export const Agreement = z.object({
  id: z.number(),
  titleEn: z.string(),
  titleZh: z.string(),
  titleFr: z.string().nullable(),
  level: AgreementLevel,
  kind: AgreementKind,
  unitId: z.number().nullable(),
  status: AgreementStatus,
  partners: z.array(AgreementPartner),
  ourSignatory: z.string().nullable(),
  partnerSignatory: z.string().nullable(),
  signedOn: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  terminatedOn: z.string().nullable(),
  autoRenewal: z.boolean(),
  renewalTermMonths: z.number().nullable(),
  renewalLeadMonths: z.number(),
  studentsInPerYear: z.number().nullable(),
  studentsOutPerYear: z.number().nullable(),
  staffInPerYear: z.number().nullable(),
  staffOutPerYear: z.number().nullable(),
  studentMobility: z.enum(STUDENT_MOBILITIES).nullable(),
  staffMobility: z.enum(STAFF_MOBILITIES).nullable(),
  languageSkills: z.array(z.string()),
  notes: z.string().nullable(),
  predecessorId: z.number().nullable(),
  successorId: z.number().nullable(),
  /** Derived at `asOf` (today unless asked): the end of the current term (automatic renewals rolled forward). */
  termEndsOn: z.string().nullable(),
  inForce: z.boolean(),
  expiring: z.boolean(),
  dormant: z.boolean(),
  /** The last recorded activity with any of its partners (visit, mission, exchange …). */
  lastActivityOn: z.string().nullable(),
  documents: z.array(AgreementDocument),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Agreement = z.infer<typeof Agreement>;

const Flag = z.enum(['true', 'false']).optional();

export const AGREEMENT_SORTS = ['termEndsOn', 'signedOn', 'titleEn', 'updatedAt'] as const;
export const AgreementQuery = PageQuery.extend({
  level: AgreementLevel.optional(),
  kind: AgreementKind.optional(),
  status: AgreementStatus.optional(),
  /** The partner's country or region. */
  country: CountryCode.optional(),
  unitId: Id.optional(),
  institutionId: Id.optional(),
  /** Active and ending within this many months of `asOf`. */
  expiringWithinMonths: WholeNumber.pipe(z.number().int().min(0).max(120)).optional(),
  dormant: Flag,
  inForce: Flag,
  /** How many years without activity make an agreement dormant. */
  dormantYears: WholeNumber.pipe(z.number().int().min(1).max(20)).default(2),
  asOf: IsoDate.optional(),
  sort: z.enum(AGREEMENT_SORTS).default('termEndsOn'),
});
export type AgreementQuery = z.input<typeof AgreementQuery>;

/** The renewal watch: what ends within `months` of `asOf`, soonest first. */
export const RenewalWatchQuery = z.object({
  months: WholeNumber.pipe(z.number().int().min(1).max(60)).default(12),
  asOf: IsoDate.optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export type RenewalWatchQuery = z.input<typeof RenewalWatchQuery>;

/** The renewal watch as JSON: the agreements ending within `months` of `asOf`. */
export const RenewalWatch = z.object({ asOf: z.string(), months: z.number(), items: z.array(Agreement) });
export type RenewalWatch = z.infer<typeof RenewalWatch>;

export const PartnersQuery = z.object({ asOf: IsoDate.optional() });
export type PartnersQuery = z.input<typeof PartnersQuery>;

/** The headline: "N universities from M countries and regions", and the organizations we work with. */
export const PartnerFigures = z.object({
  asOf: z.string(),
  /** Universities with at least one agreement in force on `asOf`. */
  universities: z.number(),
  /** Their countries and regions (HK, MO and TW count here) … */
  countriesAndRegions: z.number(),
  /** … and their countries alone. */
  countries: z.number(),
  byCountry: z.array(z.object({ countryCode: z.string(), universities: z.number(), institutions: z.number() })),
  /** Organizations with a working arrangement in force. */
  organizations: z.array(z.object({ id: z.number(), nameEn: z.string(), nameZh: z.string().nullable(), nameFr: z.string().nullable(), kind: z.string(), countryCode: z.string() })),
});
export type PartnerFigures = z.infer<typeof PartnerFigures>;

/** The partners behind a figure: institutions with an agreement in force on `asOf`. */
export const PartnerListQuery = PageQuery.extend({
  asOf: IsoDate.optional(),
  country: CountryCode.optional(),
  kind: z.string().max(40).optional(),
});
export type PartnerListQuery = z.input<typeof PartnerListQuery>;

export const Partner = z.object({
  institutionId: z.number(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  nameLocal: z.string().nullable(),
  kind: z.string(),
  countryCode: z.string(),
  agreementsInForce: z.number(),
  firstSignedOn: z.string().nullable(),
});
export type Partner = z.infer<typeof Partner>;

/** One line of an institution's timeline: everything we did with it, across modules. */
export const TimelineEntry = z.object({
  date: z.string(),
  module: z.string(),
  event: z.string(),
  sourceId: z.number(),
  titleEn: z.string(),
  titleZh: z.string().nullable(),
  /** Person-times, for activity rows that carry them. */
  personTimes: z.number().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;
