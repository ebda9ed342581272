import { z } from 'zod';
import { CountryCode, Id, IsoDate, OptionalText, PageQuery, Versioned, updateFields, WholeNumber } from './common.ts';

/** The titles a foreign expert is given (the seed: honorary professors, consultants, visiting professors). */
export const APPOINTMENT_TITLES = ['honorary_professor', 'consultant', 'visiting_professor', 'adjunct_professor', 'guest_lecturer'] as const;
export const AppointmentTitle = z.enum(APPOINTMENT_TITLES);
export type AppointmentTitle = z.infer<typeof AppointmentTitle>;

/** The stored lifecycle. "In force" is derived at a date from it and the term, never stored. */
export const APPOINTMENT_STATUSES = ['proposed', 'appointed', 'revoked'] as const;
export const AppointmentStatus = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

/**
 * The steps an appointment may take. Renewal is not a step: it proposes a successor linked
 * to its predecessor. A term that simply ends needs no step: "in force" reads the dates.
 */
export const APPOINTMENT_TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  proposed: ['appointed'],
  appointed: ['revoked'],
  revoked: [],
};

/** Steps only the office takes: the school confers (and withdraws) a title; a unit proposes it. */
export const OFFICE_APPOINTMENT_STEPS: readonly AppointmentStatus[] = ['appointed', 'revoked'];

/** An appointment that was made stays, so that past figures stay reproducible; it is revoked instead. */
export const DELETABLE_APPOINTMENT_STATUSES: readonly AppointmentStatus[] = ['proposed'];

const endNotBeforeStart = (v: { startDate?: string; endDate?: string | null }) => !v.startDate || !v.endDate || v.endDate >= v.startDate;

const Fields = {
  title: AppointmentTitle,
  /** The appointing unit: a coordinator proposes for their unit (and its sub-units). */
  unitId: Id,
  /** The expert's home institution, when known. */
  institutionId: Id.nullish().transform((v) => v ?? null),
  startDate: IsoDate,
  /** Null = no end of term. */
  endDate: IsoDate.nullish().transform((v) => v ?? null),
  notes: OptionalText(10000),
};

/** Proposing an appointment for a person (it starts as proposed). */
export const AppointmentInput = z
  .object({ personId: Id, ...Fields })
  .refine(endNotBeforeStart, { message: 'end_before_start', path: ['endDate'] });
export type AppointmentInput = z.input<typeof AppointmentInput>;

/** Changing an appointment's fields (not its person: that would be another appointment; not its status: that is a step). */
export const AppointmentUpdate = z
  .object(updateFields(Fields))
  .extend(Versioned.shape)
  .refine(endNotBeforeStart, { message: 'end_before_start', path: ['endDate'] });
export type AppointmentUpdate = z.input<typeof AppointmentUpdate>;

/** One step of the lifecycle; `on` dates a revocation (default today). */
export const AppointmentTransition = z.object({
  to: AppointmentStatus,
  on: IsoDate.optional(),
  version: Versioned.shape.version,
});
export type AppointmentTransition = z.input<typeof AppointmentTransition>;

/** The person an appointment (or a document, a renewal line) is about, as lists show them. */
export const ExpertName = z.object({
  familyName: z.string(),
  givenName: z.string().nullable(),
  nameZh: z.string().nullable(),
  nationality: z.string().nullable(),
});
export type ExpertName = z.infer<typeof ExpertName>;

export const Appointment = z.object({
  id: z.number(),
  personId: z.number(),
  person: ExpertName,
  title: AppointmentTitle,
  unitId: z.number(),
  institutionId: z.number().nullable(),
  institutionName: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: AppointmentStatus,
  revokedOn: z.string().nullable(),
  notes: z.string().nullable(),
  predecessorId: z.number().nullable(),
  successorId: z.number().nullable(),
  /** Derived at `asOf` (today unless asked). */
  inForce: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Appointment = z.infer<typeof Appointment>;

const Flag = z.enum(['true', 'false']).optional();

export const APPOINTMENT_SORTS = ['startDate', 'endDate', 'familyName', 'updatedAt'] as const;
export const AppointmentQuery = PageQuery.extend({
  title: AppointmentTitle.optional(),
  status: AppointmentStatus.optional(),
  unitId: Id.optional(),
  personId: Id.optional(),
  institutionId: Id.optional(),
  /** The expert's nationality. */
  country: CountryCode.optional(),
  inForce: Flag,
  asOf: IsoDate.optional(),
  sort: z.enum(APPOINTMENT_SORTS).default('startDate'),
});
export type AppointmentQuery = z.input<typeof AppointmentQuery>;

/** The documents a foreign expert needs, tracked with their expiry. */
export const EXPERT_DOCUMENT_KINDS = ['contract', 'work_permit', 'residence_permit', 'visa'] as const;
export const ExpertDocumentKind = z.enum(EXPERT_DOCUMENT_KINDS);
export type ExpertDocumentKind = z.infer<typeof ExpertDocumentKind>;

const datesInOrder = (v: { issuedOn?: string | null; expiresOn?: string | null }) => !v.issuedOn || !v.expiresOn || v.expiresOn >= v.issuedOn;

const DocumentFields = {
  /** The appointment it belongs to (a contract, say); null for one that is the person's alone (a visa). */
  appointmentId: Id.nullish().transform((v) => v ?? null),
  kind: ExpertDocumentKind,
  /** Personal data: accepted from and shown to admin and officer only, encrypted at rest. */
  number: z.string().trim().max(100).nullish().transform((v) => (v ? v : null)),
  issuedOn: IsoDate.nullish().transform((v) => v ?? null),
  expiresOn: IsoDate.nullish().transform((v) => v ?? null),
  notes: OptionalText(5000),
};

export const ExpertDocumentInput = z.object(DocumentFields).refine(datesInOrder, { message: 'end_before_start', path: ['expiresOn'] });
export type ExpertDocumentInput = z.input<typeof ExpertDocumentInput>;

export const ExpertDocumentUpdate = z
  .object(updateFields(DocumentFields))
  .extend(Versioned.shape)
  .refine(datesInOrder, { message: 'end_before_start', path: ['expiresOn'] });
export type ExpertDocumentUpdate = z.input<typeof ExpertDocumentUpdate>;

export const ExpertDocumentParams = z.object({ id: Id, documentId: Id });

export const ExpertDocument = z.object({
  id: z.number(),
  personId: z.number(),
  appointmentId: z.number().nullable(),
  kind: ExpertDocumentKind,
  /** Present only for roles that may see personal data. */
  number: z.string().nullable().optional(),
  issuedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  notes: z.string().nullable(),
  /** The unit it belongs to: its appointment's, else the person's. */
  unitId: z.number().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ExpertDocument = z.infer<typeof ExpertDocument>;

/** The renewal list: terms and documents ending within `months` of `asOf`. */
export const AppointmentRenewalsQuery = z.object({
  months: WholeNumber.pipe(z.number().int().min(1).max(60)).default(3),
  asOf: IsoDate.optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export type AppointmentRenewalsQuery = z.input<typeof AppointmentRenewalsQuery>;

/** One line of the renewal list: an appointment's term, or an expert document, ending on `dueOn`. */
export const RenewalItem = z.object({
  type: z.enum(['appointment', 'document']),
  dueOn: z.string(),
  personId: z.number(),
  person: ExpertName,
  appointmentId: z.number().nullable(),
  title: AppointmentTitle.nullable(),
  documentId: z.number().nullable(),
  documentKind: ExpertDocumentKind.nullable(),
  unitId: z.number().nullable(),
  /** For an appointment already renewed: its successor. */
  successorId: z.number().nullable(),
});
export type RenewalItem = z.infer<typeof RenewalItem>;

/** The renewal list as JSON: what ends within `months` of `asOf`. */
export const AppointmentRenewals = z.object({ asOf: z.string(), months: z.number(), items: z.array(RenewalItem) });
export type AppointmentRenewals = z.infer<typeof AppointmentRenewals>;

export const ExpertsQuery = z.object({ asOf: IsoDate.optional() });
export type ExpertsQuery = z.input<typeof ExpertsQuery>;

/** "About 200 foreign scholars and experts as honorary professors, consultants and visiting professors". */
export const ExpertsEngaged = z.object({
  asOf: z.string(),
  /** Distinct people with an appointment in force on `asOf`. */
  engaged: z.number(),
  /** Per title: a person holding two titles counts under each. */
  byTitle: z.array(z.object({ title: AppointmentTitle, experts: z.number() })),
  /** Per nationality (null: not recorded). */
  byCountry: z.array(z.object({ countryCode: z.string().nullable(), experts: z.number() })),
  countriesAndRegions: z.number(),
  countries: z.number(),
  /** Distinct people ever appointed up to `asOf`. */
  engagedSince: z.number(),
});
export type ExpertsEngaged = z.infer<typeof ExpertsEngaged>;

/** A visit the person came on, as the ledger records it (one person-time). */
export const ExpertVisit = z.object({
  visitId: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  category: z.string(),
  countryCode: z.string().nullable(),
  institutionId: z.number().nullable(),
  institutionName: z.string().nullable(),
  unitId: z.number().nullable(),
});
export type ExpertVisit = z.infer<typeof ExpertVisit>;

/** A conference the person attended, from its attendee list. */
export const ExpertConference = z.object({
  conferenceId: z.number(),
  titleEn: z.string(),
  titleZh: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.string(),
  role: z.string(),
  hostUnitId: z.number(),
});
export type ExpertConference = z.infer<typeof ExpertConference>;

/** The expert's page: appointments, documents, visits and conferences together. */
export const InboundRecord = z.object({
  personId: z.number(),
  appointments: z.array(Appointment),
  documents: z.array(ExpertDocument),
  visits: z.array(ExpertVisit),
  conferences: z.array(ExpertConference),
  /** Inbound person-times of this person (visits and conferences). */
  personTimes: z.number(),
});
export type InboundRecord = z.infer<typeof InboundRecord>;
