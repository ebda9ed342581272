import { z } from 'zod';
import { CountryCode, Id, IsoDate, OptionalText, PageQuery, Versioned, updateFields, RequiredName, OptionalName, WholeNumber } from './common.ts';

/** What a student is sent abroad for (the seed: short-term training, jointly-managed graduate programmes). */
export const EXCHANGE_KINDS = ['short_term_training', 'semester_exchange', 'joint_graduate', 'degree_study', 'summer_school', 'clinical_elective'] as const;
export const ExchangeKind = z.enum(EXCHANGE_KINDS);
export type ExchangeKind = z.infer<typeof ExchangeKind>;

/** An application's workflow: submitted → shortlisted → selected | waitlisted | rejected → nominated → departed → returned, or withdrawn. */
export const APPLICATION_STATUSES = ['submitted', 'shortlisted', 'selected', 'waitlisted', 'rejected', 'nominated', 'departed', 'returned', 'withdrawn'] as const;
export const ApplicationStatus = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** One step at a time; a student who has left is brought home (returned), not withdrawn. */
export const APPLICATION_TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ['shortlisted', 'selected', 'waitlisted', 'rejected', 'withdrawn'],
  shortlisted: ['selected', 'waitlisted', 'rejected', 'withdrawn'],
  waitlisted: ['selected', 'rejected', 'withdrawn'],
  selected: ['nominated', 'withdrawn'],
  nominated: ['departed', 'withdrawn'],
  departed: ['returned'],
  returned: [],
  rejected: [],
  withdrawn: [],
};

/** An application in these statuses holds one of the opportunity's places. */
export const PLACE_HOLDING_STATUSES: readonly ApplicationStatus[] = ['selected', 'nominated', 'departed', 'returned'];
/** An application in these statuses has sent the student: one outbound student person-time. */
export const EXCHANGE_COUNTED_STATUSES: readonly ApplicationStatus[] = ['departed', 'returned'];
/** Applications the allocation ranks: still waiting for a decision. */
export const UNDECIDED_STATUSES: readonly ApplicationStatus[] = ['submitted', 'shortlisted', 'waitlisted'];
/** Applications on which nothing is decided yet (waitlisting is a decision): an opportunity holding one has places to allocate. */
export const AWAITING_DECISION_STATUSES: readonly ApplicationStatus[] = ['submitted', 'shortlisted'];

/**
 * Where an opportunity's selection stands, derived from its records rather than stored: open
 * (no application waits on a decision), waiting (some do, and the places were never
 * allocated), allocated (the office ran the allocation). The to-do list reads it
 * (shared/kinds/exchange-opportunity.ts).
 */
export const OPPORTUNITY_SELECTIONS = ['open', 'waiting', 'allocated'] as const;
export type OpportunitySelection = (typeof OPPORTUNITY_SELECTIONS)[number];
/** How the selection moves: applications arrive or are decided one by one, until the allocation. */
export const OPPORTUNITY_SELECTION_TRANSITIONS: Record<OpportunitySelection, readonly OpportunitySelection[]> = {
  open: ['waiting', 'allocated'],
  waiting: ['open', 'allocated'],
  allocated: [],
};

const Year = WholeNumber.pipe(z.number().int().min(1900).max(2100));
const Score = z.number().min(0).max(100);

// ---- opportunities ----

/** A field of education and training, ISCED-F 2013: its four-digit detailed field (0912 Medicine). */
export const IscedFCode = z.string().trim().regex(/^[0-9]{4}$/);
/** A level of the European Qualifications Framework, 1–8 (6 bachelor, 7 master, 8 doctorate). */
export const EqfLevel = z.number().int().min(1).max(8);

const OpportunityFields = {
  titleEn: RequiredName(300),
  titleZh: OptionalName(300),
  titleFr: OptionalName(300),
  kind: ExchangeKind,
  hostInstitutionId: Id,
  agreementId: Id.nullish().transform((v) => v ?? null),
  /** The quota: how many students the partner takes. */
  places: z.number().int().min(0).max(1000),
  /** The academic year it runs in, named by the year it starts (2025 = 2025-09-01 … 2026-08-31). */
  academicYear: Year,
  /** Our unit that runs the selection; a coordinator's opportunities are their unit's. */
  unitId: Id,
  startsOn: IsoDate.nullish().transform((v) => v ?? null),
  endsOn: IsoDate.nullish().transform((v) => v ?? null),
  /** The last day an application is taken; on or before the exchange starts. After it, the places wait to be allocated. */
  applicationsCloseOn: IsoDate.nullish().transform((v) => v ?? null),
  /** The field of education of the places offered (ISCED-F): what EWP calls the agreement's subject area. */
  iscedFCode: IscedFCode.nullish().or(z.literal('')).transform((v) => (v ? v : null)),
  notes: OptionalText(5000),
};
export const OpportunityInput = z.object(OpportunityFields);
export type OpportunityInput = z.input<typeof OpportunityInput>;
export const OpportunityUpdate = z.object(updateFields(OpportunityFields)).extend(Versioned.shape);
export type OpportunityUpdate = z.input<typeof OpportunityUpdate>;

const Host = z.object({ nameEn: z.string(), nameZh: z.string().nullable(), nameFr: z.string().nullable(), countryCode: z.string().nullable(), isRegion: z.boolean() });

export const Opportunity = z.object({
  id: z.number(),
  titleEn: z.string(),
  titleZh: z.string().nullable(),
  titleFr: z.string().nullable(),
  kind: ExchangeKind,
  hostInstitutionId: z.number(),
  hostInstitution: Host,
  agreementId: z.number().nullable(),
  places: z.number(),
  academicYear: z.number(),
  unitId: z.number(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  applicationsCloseOn: z.string().nullable(),
  iscedFCode: z.string().nullable(),
  /** The day the places were last allocated (the allocation's date), written by the allocation alone. */
  allocatedOn: z.string().nullable(),
  notes: z.string().nullable(),
  /** Applications on record, and those holding a place. */
  applicants: z.number(),
  placesTaken: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Opportunity = z.infer<typeof Opportunity>;

export const OpportunityQuery = PageQuery.extend({
  academicYear: Year.optional(),
  kind: ExchangeKind.optional(),
  hostInstitutionId: Id.optional(),
  country: CountryCode.optional(),
  unitId: Id.optional(),
});
export type OpportunityQuery = z.input<typeof OpportunityQuery>;

// ---- applications ----

export const ApplicationInput = z.object({
  opportunityId: Id,
  /** The student: one of our people. */
  personId: Id,
  appliedOn: IsoDate,
  /** GPA or ranking score, 0–100; the allocation ranks by it. */
  score: Score.nullish().transform((v) => v ?? null),
  languageCertificate: OptionalText(300),
  departureDate: IsoDate.nullish().transform((v) => v ?? null),
  returnDate: IsoDate.nullish().transform((v) => v ?? null),
  /** The student's own field of education (ISCED-F) and EQF level at departure, which a nomination states. */
  iscedFCode: IscedFCode.nullish().or(z.literal('')).transform((v) => (v ? v : null)),
  eqfLevel: EqfLevel.nullish().transform((v) => v ?? null),
  notes: OptionalText(5000),
});
export type ApplicationInput = z.input<typeof ApplicationInput>;

const ApplicationEditable = {
  appliedOn: IsoDate,
  score: Score.nullish().transform((v) => v ?? null),
  languageCertificate: OptionalText(300),
  departureDate: IsoDate.nullish().transform((v) => v ?? null),
  returnDate: IsoDate.nullish().transform((v) => v ?? null),
  /** The student's own field of education (ISCED-F) and EQF level at departure, which a nomination states. */
  iscedFCode: IscedFCode.nullish().or(z.literal('')).transform((v) => (v ? v : null)),
  eqfLevel: EqfLevel.nullish().transform((v) => v ?? null),
  notes: OptionalText(5000),
};
export const ApplicationUpdate = z.object(updateFields(ApplicationEditable)).extend(Versioned.shape);
export type ApplicationUpdate = z.input<typeof ApplicationUpdate>;

export const ApplicationTransition = z.object({ to: ApplicationStatus, on: IsoDate.optional(), version: Versioned.shape.version });
export type ApplicationTransition = z.input<typeof ApplicationTransition>;

export const Application = z.object({
  id: z.number(),
  opportunityId: z.number(),
  opportunity: z.object({ titleEn: z.string(), kind: ExchangeKind, academicYear: z.number() }),
  personId: z.number(),
  person: z.object({ familyName: z.string().nullable(), givenName: z.string().nullable(), nameZh: z.string().nullable() }),
  unitId: z.number(),
  hostInstitutionId: z.number(),
  hostInstitution: Host,
  appliedOn: z.string(),
  score: z.number().nullable(),
  languageCertificate: z.string().nullable(),
  status: ApplicationStatus,
  decidedOn: z.string().nullable(),
  departureDate: z.string().nullable(),
  returnDate: z.string().nullable(),
  iscedFCode: z.string().nullable(),
  eqfLevel: z.number().nullable(),
  notes: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Application = z.infer<typeof Application>;

export const APPLICATION_SORTS = ['appliedOn', 'score', 'familyName', 'status', 'departureDate', 'updatedAt'] as const;
export const ApplicationQuery = PageQuery.extend({
  opportunityId: Id.optional(),
  status: ApplicationStatus.optional(),
  /** The opportunity's academic year. */
  academicYear: Year.optional(),
  hostInstitutionId: Id.optional(),
  country: CountryCode.optional(),
  /** Hosts in a region (Hong Kong, Macao, Taiwan) or not: `false` keeps the countries only. */
  region: z.enum(['true', 'false']).optional(),
  unitId: Id.optional(),
  /** Counted: departed or returned, with a departure date in `departedFrom`…`departedTo`. */
  counted: z.enum(['true', 'false']).optional(),
  departedFrom: IsoDate.optional(),
  departedTo: IsoDate.optional(),
  /** Selected on or before this date (selected, nominated, departed or returned): the students the fact sheet says the school selected. */
  selectedBy: IsoDate.optional(),
  sort: z.enum(APPLICATION_SORTS).default('appliedOn'),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export type ApplicationQuery = z.input<typeof ApplicationQuery>;

/** What an allocation did: who took the places, who waits, who was passed over for a place held elsewhere that year. */
export const AllocationResult = z.object({
  opportunityId: z.number(),
  places: z.number(),
  selected: z.array(z.number()),
  waitlisted: z.array(z.number()),
  skipped: z.array(z.number()),
});
export type AllocationResult = z.infer<typeof AllocationResult>;
