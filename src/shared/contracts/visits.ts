import { z } from 'zod';
import { CountryCode, Id, IsoDate, OptionalText, OptionalName } from './common.ts';
import {
  movementStatuses,
  movementTransitions,
  MovementOverdueQuery,
  movementDates,
  movementDerived,
  movementFlag,
  movementInput,
  movementPerson,
  movementQuery,
  movementStamps,
  movementSteps,
  movementTitles,
  movementTransition,
  movementUpdate,
  overdueReports,
} from './movements.ts';

/** What a visit was for. The same words are ledger categories: a visitor's person-time carries the visit's purpose. */
export const VISIT_PURPOSES = ['academic_exchange', 'courtesy_visit', 'negotiation_signing', 'lecturing', 'inspection', 'other'] as const;
export const VisitPurpose = z.enum(VISIT_PURPOSES);
export type VisitPurpose = z.infer<typeof VisitPurpose>;

/** The protocol level of the most senior visitor, highest first: the order is the rank. */
export const PROTOCOL_LEVELS = ['head_of_state_or_government', 'minister', 'ambassador', 'university_president', 'other'] as const;
export const ProtocolLevel = z.enum(PROTOCOL_LEVELS);
export type ProtocolLevel = z.infer<typeof ProtocolLevel>;

/** The levels at or above `threshold`: a visit at one of them is notable. */
export function levelsAtOrAbove(threshold: ProtocolLevel): ProtocolLevel[] {
  return PROTOCOL_LEVELS.slice(0, PROTOCOL_LEVELS.indexOf(threshold) + 1);
}

/** Notable unless the caller chooses another threshold. */
export const DEFAULT_PROTOCOL_THRESHOLD: ProtocolLevel = 'minister';

/**
 * The workflow as the office runs it: the host unit requests an invitation, the office approves
 * (or rejects) it, the visit is held, then closed with a report.
 */
export const VISIT_STATUSES = movementStatuses('held');
export const VisitStatus = z.enum(VISIT_STATUSES);
export type VisitStatus = z.infer<typeof VisitStatus>;

/** The steps a visit may take from each status. */
export const VISIT_TRANSITIONS: Record<VisitStatus, readonly VisitStatus[]> = movementTransitions('held');

/** Statuses in which a visit's visitors count as inbound person-times. */
export const COUNTED_STATUSES: readonly VisitStatus[] = ['held', 'closed'];

/** Statuses a visit can be deleted in: it never took place. */
export const VISIT_DELETABLE_STATUSES: readonly VisitStatus[] = ['requested', 'rejected', 'cancelled'];

/** Statuses in which an invitation letter may be issued: the office has approved the visit. */
export const LETTER_STATUSES: readonly VisitStatus[] = ['approved', 'held', 'closed'];

/** One visitor of a delegation. Institution and country default to the person's own. */
export const VisitMemberInput = z.object({
  personId: Id,
  /** Head, member, interpreter … as the delegation names it. */
  roleInDelegation: OptionalName(100),
  /** Omitted: the person's institution; null: none. */
  institutionId: Id.nullable().optional(),
  /** Omitted or null: the person's nationality (one of the two is required). */
  countryCode: CountryCode.nullish().or(z.literal('')).transform((v) => (v ? v : undefined)),
});
export type VisitMemberInput = z.input<typeof VisitMemberInput>;

const Fields = {
  ...movementTitles,
  hostUnitId: Id,
  purpose: VisitPurpose,
  ...movementDates,
  protocolLevel: ProtocolLevel,
  /** Our official who received the visitors. */
  receivingOfficial: OptionalName(300),
  /** In delegation order: the head first. */
  members: z.array(VisitMemberInput).min(1).max(200),
  notes: OptionalText(10000),
};

/** Requesting a visit (it starts as requested). `requestedOn` defaults to today; older requests can be entered. */
export const VisitInput = movementInput({ ...Fields, protocolLevel: ProtocolLevel.default('other') });
export type VisitInput = z.input<typeof VisitInput>;

/** Changing a visit's fields (not its status: that is a transition). The report can be drafted before closing. */
export const VisitUpdate = movementUpdate(Fields);
export type VisitUpdate = z.input<typeof VisitUpdate>;

/** One step of the workflow, dated `on` (default today); closing carries the report unless it is already written. */
export const VisitTransition = movementTransition(VisitStatus, {});
export type VisitTransition = z.input<typeof VisitTransition>;

export const VisitMember = z.object({
  ...movementPerson,
  roleInDelegation: z.string().nullable(),
  institutionId: z.number().nullable(),
  institutionNameEn: z.string().nullable(),
  institutionNameZh: z.string().nullable(),
  countryCode: z.string(),
});
export type VisitMember = z.infer<typeof VisitMember>;

/**
 * The head of a delegation: the member whose role says so (head, leader, 团长), else the first.
 * A visit's letters are addressed to them unless the office chooses another visitor; the server
 * and the Documents dialog pick the same one.
 */
export function delegationHead<M extends { roleInDelegation: string | null }>(members: readonly M[]): M {
  return members.find((m) => /^(head|leader|团长)/i.test(m.roleInDelegation ?? '')) ?? members[0]!;
}

/** Photos and signed minutes: PDF or images, up to this size. */
export const VISIT_FILE_MAX_BYTES = 20 * 1024 * 1024;

export const VisitFileParams = z.object({ id: Id, fileId: Id });

export const VisitFile = z.object({
  id: z.number(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type VisitFile = z.infer<typeof VisitFile>;

export const Visit = z.object({
  id: z.number(),
  titleEn: z.string(),
  titleZh: z.string().nullable(),
  hostUnitId: z.number(),
  hostUnitNameEn: z.string(),
  hostUnitNameZh: z.string(),
  hostUnitNameFr: z.string().nullable(),
  purpose: VisitPurpose,
  startDate: z.string(),
  endDate: z.string(),
  protocolLevel: ProtocolLevel,
  receivingOfficial: z.string().nullable(),
  status: VisitStatus,
  ...movementSteps({ heldOn: z.string().nullable() }),
  members: z.array(VisitMember),
  files: z.array(VisitFile),
  ...movementDerived,
  /** Derived: the protocol level is at or above the threshold asked for (default minister). */
  notable: z.boolean(),
  ...movementStamps,
});
export type Visit = z.infer<typeof Visit>;

/** How derived states are read: at a date, against a protocol threshold. */
export const VisitDerivationQuery = z.object({
  asOf: IsoDate.optional(),
  protocolThreshold: ProtocolLevel.default(DEFAULT_PROTOCOL_THRESHOLD),
});

export const VISIT_SORTS = ['startDate', 'endDate', 'titleEn', 'protocolLevel', 'updatedAt'] as const;
/** The host unit, a visitor's country, institution or self; `counted`: held or closed. */
export const VisitQuery = movementQuery({ status: VisitStatus, purpose: VisitPurpose, flags: { notable: movementFlag }, sorts: VISIT_SORTS }).extend(
  VisitDerivationQuery.shape,
);
export type VisitQuery = z.input<typeof VisitQuery>;

/** Held visits whose report is overdue at `asOf`, per host unit. */
export const OverdueReportsQuery = MovementOverdueQuery;
export type OverdueReportsQuery = z.input<typeof OverdueReportsQuery>;

export const OverdueReports = overdueReports('visits');
export type OverdueReports = z.infer<typeof OverdueReports>;

/** Which visitor the letter invites (a member's person id; default the head of the delegation), and in which language. */
export const InvitationLetterQuery = z.object({
  lang: z.enum(['en', 'zh']).default('en'),
  memberId: Id.optional(),
  /** The day the letter is dated, as the office chooses (default: today). */
  date: IsoDate.optional(),
});
export type InvitationLetterQuery = z.input<typeof InvitationLetterQuery>;
