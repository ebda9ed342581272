import { z } from 'zod';
import { CountryCode, Id, IsoDate, OptionalText, PageQuery, Versioned, updateFields, RequiredName, OptionalName } from './common.ts';

/** The stored lifecycle. "Summary overdue" and the classification are derived, never stored. */
export const CONFERENCE_STATUSES = ['proposed', 'approved', 'rejected', 'held', 'closed', 'cancelled'] as const;
export const ConferenceStatus = z.enum(CONFERENCE_STATUSES);
export type ConferenceStatus = z.infer<typeof ConferenceStatus>;

/** The steps a conference may take from each status. */
export const CONFERENCE_TRANSITIONS: Record<ConferenceStatus, readonly ConferenceStatus[]> = {
  proposed: ['approved', 'rejected', 'cancelled'],
  approved: ['held', 'cancelled'],
  rejected: [],
  held: ['closed', 'cancelled'],
  closed: [],
  cancelled: [],
};

/** Steps only the office takes: a host unit proposes, the office approves or rejects. */
export const OFFICE_CONFERENCE_STEPS: readonly ConferenceStatus[] = ['approved', 'rejected'];

/** Statuses whose foreign participants count as inbound person-times in the ledger. */
export const LEDGER_CONFERENCE_STATUSES: readonly ConferenceStatus[] = ['held', 'closed'];

/** A closed conference is part of the reported figures with its summary: it is never deleted. */
export const DELETABLE_CONFERENCE_STATUSES: readonly ConferenceStatus[] = ['proposed', 'approved', 'rejected', 'held', 'cancelled'];

/** The summary (with the attendee list) is due this many months after the conference ends. */
export const SUMMARY_DUE_MONTHS = 2;

/** General or major, by the office's threshold on foreign participants (the setting `conference.majorForeignParticipants`). */
export const CONFERENCE_CLASSIFICATIONS = ['general', 'major'] as const;
export const ConferenceClassification = z.enum(CONFERENCE_CLASSIFICATIONS);
export type ConferenceClassification = z.infer<typeof ConferenceClassification>;

export const ATTENDEE_ROLES = ['speaker', 'participant', 'organizer', 'other'] as const;
export const AttendeeRole = z.enum(ATTENDEE_ROLES);
export type AttendeeRole = z.infer<typeof AttendeeRole>;

const Count = z.number().int().min(0).max(1_000_000).nullish().transform((v) => v ?? null);

/** A co-organizer: the institution, and what it did (co-host, sponsor …). */
export const ConferencePartnerInput = z.object({
  institutionId: Id,
  role: OptionalText(200),
});

const Fields = {
  titleEn: RequiredName(500),
  titleZh: RequiredName(500),
  titleFr: OptionalName(500),
  startDate: IsoDate,
  endDate: IsoDate,
  venue: OptionalName(500),
  /** Our host unit: a coordinator proposes for their unit (and its sub-units). */
  hostUnitId: Id,
  partners: z.array(ConferencePartnerInput).max(50).default([]),
  /** The scale, null until known. */
  participants: Count,
  foreignParticipants: Count,
  countriesRepresented: z.number().int().min(0).max(300).nullish().transform((v) => v ?? null),
  /** The summary after the conference; closing submits it. */
  summary: OptionalText(50000),
  notes: OptionalText(10000),
};

const datesInOrder = (v: { startDate?: string; endDate?: string }) => !v.startDate || !v.endDate || v.endDate >= v.startDate;

/** Proposing a conference (it starts as proposed). */
export const ConferenceInput = z.object(Fields).refine(datesInOrder, { message: 'end_before_start', path: ['endDate'] });
export type ConferenceInput = z.input<typeof ConferenceInput>;

/** Changing a conference's fields (not its status: that is a step). */
export const ConferenceUpdate = z
  .object(updateFields(Fields))
  .extend(Versioned.shape)
  .refine(datesInOrder, { message: 'end_before_start', path: ['endDate'] });
export type ConferenceUpdate = z.input<typeof ConferenceUpdate>;

/**
 * One step of the lifecycle, dated `on` (default today): held on or after the start date;
 * closing submits the summary (given here or already saved) on `on`.
 */
export const ConferenceTransition = z.object({
  to: ConferenceStatus,
  on: IsoDate.optional(),
  summary: OptionalText(50000),
  version: Versioned.shape.version,
});
export type ConferenceTransition = z.input<typeof ConferenceTransition>;

export const ConferencePartner = z.object({
  institutionId: z.number(),
  role: z.string().nullable(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  countryCode: z.string(),
});
export type ConferencePartner = z.infer<typeof ConferencePartner>;

export const Conference = z.object({
  id: z.number(),
  titleEn: z.string(),
  titleZh: z.string(),
  titleFr: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  venue: z.string().nullable(),
  hostUnitId: z.number(),
  partners: z.array(ConferencePartner),
  participants: z.number().nullable(),
  foreignParticipants: z.number().nullable(),
  countriesRepresented: z.number().nullable(),
  status: ConferenceStatus,
  summary: z.string().nullable(),
  summarySubmittedOn: z.string().nullable(),
  notes: z.string().nullable(),
  /** Derived: by the office's threshold on foreign participants, as set now. */
  classification: ConferenceClassification,
  /** Derived: two months after the end date. */
  summaryDueOn: z.string(),
  /** Derived at `asOf` (today unless asked): due date passed, no summary submitted by then. */
  summaryOverdue: z.boolean(),
  /** What the attendee list holds: everyone, the foreign attendees, their countries and regions. */
  attendeeCount: z.number(),
  foreignAttendeeCount: z.number(),
  attendeeCountries: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Conference = z.infer<typeof Conference>;

const Flag = z.enum(['true', 'false']).optional();

export const CONFERENCE_SORTS = ['startDate', 'titleEn', 'updatedAt'] as const;
export const ConferenceQuery = PageQuery.extend({
  status: ConferenceStatus.optional(),
  hostUnitId: Id.optional(),
  classification: ConferenceClassification.optional(),
  /** Conferences starting on or after / on or before these dates. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  institutionId: Id.optional(),
  summaryOverdue: Flag,
  /** Held or closed: the conferences hosted, whose foreign participants the ledger counts. */
  counted: Flag,
  asOf: IsoDate.optional(),
  sort: z.enum(CONFERENCE_SORTS).default('startDate'),
});
export type ConferenceQuery = z.input<typeof ConferenceQuery>;

export const OverdueSummariesQuery = z.object({ asOf: IsoDate.optional() });
export type OverdueSummariesQuery = z.input<typeof OverdueSummariesQuery>;

/** Summaries overdue on `asOf`, per host unit, and the conferences behind each count. */
export const OverdueSummaries = z.object({
  asOf: z.string(),
  byUnit: z.array(z.object({ unitId: z.number(), overdue: z.number() })),
  items: z.array(Conference),
});
export type OverdueSummaries = z.infer<typeof OverdueSummaries>;

/** One attendee as given: the name in its own script, the institution and country as known. */
export const Attendee = z.object({
  id: z.number(),
  conferenceId: z.number(),
  personId: z.number().nullable(),
  fullName: z.string(),
  institutionId: z.number().nullable(),
  institutionName: z.string().nullable(),
  countryCode: z.string().nullable(),
  role: AttendeeRole,
  /** Derived when written: from the country (≠ CN), else from the linked person's nationality. */
  isForeign: z.boolean(),
});
export type Attendee = z.infer<typeof Attendee>;

const AttendeeFields = {
  /** Someone we know: their person-time then names them in the ledger. */
  personId: Id.nullish().transform((v) => v ?? null),
  fullName: RequiredName(300),
  institutionId: Id.nullish().transform((v) => v ?? null),
  institutionName: OptionalName(500),
  countryCode: CountryCode.nullish().or(z.literal('')).transform((v) => (v ? v : null)),
  role: AttendeeRole.default('participant'),
};

/** Adding one attendee; `version` is the conference's (the list is part of it). */
export const AttendeeInput = z.object({ ...AttendeeFields, version: Versioned.shape.version });
export type AttendeeInput = z.input<typeof AttendeeInput>;

export const AttendeeUpdate = z.object(updateFields(AttendeeFields)).extend(Versioned.shape);
export type AttendeeUpdate = z.input<typeof AttendeeUpdate>;

export const AttendeeParams = z.object({ id: Id, attendeeId: Id });

