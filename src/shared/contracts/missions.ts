import { z } from 'zod';
import { CountryCode, Id, IsoDate, OptionalText } from './common.ts';
import {
  movementStatuses,
  movementTransitions,
  MovementOverdueQuery,
  movementDates,
  movementDerived,
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

/**
 * What a mission abroad is for: the seed's six ("international academic conferences, friendly
 * visits, tours of investigation, advanced studies, lectures, joint research") and the rest.
 * The same words are ledger categories: a member's person-time carries the mission's purpose.
 */
export const MISSION_PURPOSES = ['conference', 'friendly_visit', 'investigation_tour', 'advanced_study', 'lecturing', 'joint_research', 'other'] as const;
export const MissionPurpose = z.enum(MISSION_PURPOSES);
export type MissionPurpose = z.infer<typeof MissionPurpose>;

/** Who pays for the trip. */
export const FUNDING_SOURCES = ['school', 'research_grant', 'government', 'host', 'other'] as const;
export const FundingSource = z.enum(FUNDING_SOURCES);
export type FundingSource = z.infer<typeof FundingSource>;

/** A member's part in the mission. */
export const MEMBER_ROLES = ['leader', 'member', 'interpreter', 'secretary'] as const;
export const MemberRole = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof MemberRole>;

/**
 * The workflow of 因公出国/境 as the office runs it: the unit requests, the office approves
 * (issuing its approval document number) or rejects, the members travel, and the mission is
 * closed with the report on return.
 */
export const MISSION_STATUSES = movementStatuses('travelled');
export const MissionStatus = z.enum(MISSION_STATUSES);
export type MissionStatus = z.infer<typeof MissionStatus>;

/** The steps a mission may take from each status. */
export const MISSION_TRANSITIONS: Record<MissionStatus, readonly MissionStatus[]> = movementTransitions('travelled');

/** Statuses in which a mission's members count as outbound person-times. */
export const MISSION_COUNTED_STATUSES: readonly MissionStatus[] = ['travelled', 'closed'];

/** Statuses a mission can be deleted in: a request nobody has decided on yet. */
export const MISSION_DELETABLE_STATUSES: readonly MissionStatus[] = ['requested'];

/** One of our staff on the mission. */
export const MissionMemberInput = z.object({
  personId: Id,
  role: MemberRole.default('member'),
});
export type MissionMemberInput = z.input<typeof MissionMemberInput>;

/** One stop of the itinerary: a country or region, and the host institution there. The country defaults to the institution's. */
export const MissionDestinationInput = z.object({
  countryCode: CountryCode.nullish().or(z.literal('')).transform((v) => (v ? v : undefined)),
  institutionId: Id.nullish().transform((v) => v ?? null),
});
export type MissionDestinationInput = z.input<typeof MissionDestinationInput>;

const Fields = {
  ...movementTitles,
  unitId: Id,
  purpose: MissionPurpose,
  ...movementDates,
  fundingSource: FundingSource,
  /** The approval document number (批件号) the office issued; required from approval on. */
  approvalDocumentNo: OptionalText(100),
  /** The host's letter of invitation. */
  invitationReference: OptionalText(300),
  /** In itinerary order. */
  destinations: z.array(MissionDestinationInput).min(1).max(20),
  /** The leader first. */
  members: z.array(MissionMemberInput).min(1).max(100),
  notes: OptionalText(10000),
};

/** Requesting a mission (it starts as requested). `requestedOn` defaults to today; older requests can be entered. */
export const MissionInput = movementInput({ ...Fields, fundingSource: FundingSource.default('school') });
export type MissionInput = z.input<typeof MissionInput>;

/** Changing a mission's fields (not its status: that is a transition). The report can be drafted before closing. */
export const MissionUpdate = movementUpdate(Fields);
export type MissionUpdate = z.input<typeof MissionUpdate>;

/**
 * One step of the workflow, dated `on` (default today). Approving carries the approval
 * document number unless the request has it already; closing carries the report unless it is
 * already drafted.
 */
export const MissionTransition = movementTransition(MissionStatus, { approvalDocumentNo: OptionalText(100) });
export type MissionTransition = z.input<typeof MissionTransition>;

export const MissionMember = z.object({
  ...movementPerson,
  role: MemberRole,
});
export type MissionMember = z.infer<typeof MissionMember>;

export const MissionDestination = z.object({
  countryCode: z.string(),
  institutionId: z.number().nullable(),
  institutionNameEn: z.string().nullable(),
  institutionNameZh: z.string().nullable(),
});
export type MissionDestination = z.infer<typeof MissionDestination>;

export const Mission = z.object({
  id: z.number(),
  titleEn: z.string(),
  titleZh: z.string().nullable(),
  unitId: z.number(),
  unitNameEn: z.string(),
  unitNameZh: z.string(),
  unitNameFr: z.string().nullable(),
  purpose: MissionPurpose,
  startDate: z.string(),
  endDate: z.string(),
  fundingSource: FundingSource,
  approvalDocumentNo: z.string().nullable(),
  invitationReference: z.string().nullable(),
  status: MissionStatus,
  ...movementSteps({ travelledOn: z.string().nullable() }),
  destinations: z.array(MissionDestination),
  members: z.array(MissionMember),
  ...movementDerived,
  ...movementStamps,
});
export type Mission = z.infer<typeof Mission>;

/** How derived states are read: at a date. */
export const MissionDerivationQuery = z.object({ asOf: IsoDate.optional() });

export const MISSION_SORTS = ['startDate', 'endDate', 'titleEn', 'updatedAt'] as const;
/** The sending unit, a destination country or host institution, a member; `counted`: travelled or closed. */
export const MissionQuery = movementQuery({ status: MissionStatus, purpose: MissionPurpose, flags: {}, sorts: MISSION_SORTS }).extend(MissionDerivationQuery.shape);
export type MissionQuery = z.input<typeof MissionQuery>;

/** The list's filters, as a download: every matching mission (up to MISSION_EXPORT_MAX), a row each. */
export const MissionExportQuery = MissionQuery.omit({ page: true, pageSize: true }).extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
export type MissionExportQuery = z.input<typeof MissionExportQuery>;

/** The most rows one export carries. */
export const MISSION_EXPORT_MAX = 10_000;

/** Travelled missions whose report is overdue at `asOf`, per unit. */
export const MissionOverdueQuery = MovementOverdueQuery;
export type MissionOverdueQuery = z.input<typeof MissionOverdueQuery>;

export const MissionOverdueReports = overdueReports('missions');
export type MissionOverdueReports = z.infer<typeof MissionOverdueReports>;
