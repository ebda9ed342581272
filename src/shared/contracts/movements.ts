import { z } from 'zod';
import { CountryCode, Id, IsoDate, OptionalName, OptionalText, PageQuery, RequiredName, Versioned, updateFields } from './common.ts';

/**
 * The core that visits (people coming to us) and missions (our staff going abroad) share: a
 * request, approved or rejected by the office, that takes place, then closes with a report due
 * a month after the last day. Each kind adds its own fields around these.
 */

/** Which way a movement goes: visitors come in, our staff go out (the ledger's word). */
export type { Direction } from './ledger.ts';

/** A movement's statuses, in workflow order, `tookPlace` being the kind's word for its taking place (held, travelled). */
export type MovementStatus<T extends string> = 'requested' | 'approved' | 'rejected' | T | 'closed' | 'cancelled';

/** The statuses in workflow order, for the kind's enum. */
export function movementStatuses<T extends string>(tookPlace: T) {
  return ['requested', 'approved', 'rejected', tookPlace, 'closed', 'cancelled'] as const;
}

/**
 * The steps from each status: the office approves (or rejects) a request, an approved movement
 * takes place, then closes with its report; until it is closed it may be cancelled.
 */
export function movementTransitions<T extends string>(tookPlace: T): Record<MovementStatus<T>, readonly MovementStatus<T>[]> {
  const steps = { requested: ['approved', 'rejected', 'cancelled'], approved: [tookPlace, 'cancelled'], rejected: [], [tookPlace]: ['closed', 'cancelled'], closed: [], cancelled: [] };
  return steps as Record<MovementStatus<T>, readonly MovementStatus<T>[]>;
}

/** Steps only the office takes (a unit's coordinator may not approve its own request). */
export const MOVEMENT_OFFICE_ONLY_STEPS = ['approved', 'rejected'] as const;

/** Statuses whose fields are frozen: the request went no further. */
export const MOVEMENT_FROZEN_STATUSES = ['rejected', 'cancelled'] as const;

/** The report is due this many days after a movement's last day. */
export const MOVEMENT_REPORT_DUE_DAYS = 30;

/** The fields every movement starts with: its titles, then (after the kind's unit) its purpose and dates. */
export const movementTitles = { titleEn: RequiredName(500), titleZh: OptionalName(500) };

/** A purpose and the dates of the stay or the trip, whatever the kind's own fields between. */
export const movementDates = { startDate: IsoDate, endDate: IsoDate };

const datesInOrder = (v: object) => {
  const { startDate, endDate } = v as { startDate?: string; endDate?: string };
  return !startDate || !endDate || endDate >= startDate;
};
const inOrder = { message: 'end_before_start', path: ['endDate'] };

/** Requesting a movement (it starts as requested). `requestedOn` defaults to today; older requests can be entered. */
export function movementInput<S extends z.ZodRawShape>(fields: S) {
  return z.object({ ...fields, requestedOn: IsoDate.optional() }).refine(datesInOrder, inOrder);
}

/** Changing a movement's fields (not its status: that is a transition). The report can be drafted before closing. */
export function movementUpdate<S extends z.ZodRawShape>(fields: S) {
  return z
    .object(updateFields({ ...fields, report: OptionalText(20000) }))
    .extend(Versioned.shape)
    .refine(datesInOrder, inOrder);
}

/** One step of the workflow, dated `on` (default today), with what the kind's step carries; closing carries the report unless it is already written. */
export function movementTransition<T extends z.ZodType, S extends z.ZodRawShape>(status: T, carried: S) {
  return z.object({ to: status, on: IsoDate.optional(), ...carried, report: OptionalText(20000), version: Versioned.shape.version });
}

/** A person on a movement, with their names as stored: Latin and Chinese, each in its own script. */
export const movementPerson = {
  personId: z.number(),
  familyName: z.string(),
  givenName: z.string().nullable(),
  nameZh: z.string().nullable(),
  title: z.string().nullable(),
};

/** The workflow's dates as a record carries them, around the kind's own step (held, travelled). */
export function movementSteps<S extends z.ZodRawShape>(ownStep: S) {
  return {
    requestedOn: z.string(),
    approvedOn: z.string().nullable(),
    rejectedOn: z.string().nullable(),
    ...ownStep,
    closedOn: z.string().nullable(),
    cancelledOn: z.string().nullable(),
    report: z.string().nullable(),
    reportSubmittedOn: z.string().nullable(),
    notes: z.string().nullable(),
  };
}

/** What a record derives at `asOf`, and its version and times. */
export const movementDerived = {
  /** Derived: the last day to submit the report (end date + the report's due days). */
  reportDueOn: z.string(),
  /** Derived at `asOf`: it took place, and the report is past due. */
  reportOverdue: z.boolean(),
};
export const movementStamps = { version: z.number(), createdAt: z.string(), updatedAt: z.string() };

const Flag = z.enum(['true', 'false']).optional();

/** The filters every movement list has, around the kind's own flags; `where` says what each one reads. */
export function movementQuery<S extends z.ZodType, P extends z.ZodType, F extends z.ZodRawShape, O extends readonly [string, ...string[]]>(kind: {
  status: S;
  purpose: P;
  flags: F;
  sorts: O;
}) {
  return PageQuery.extend({
    status: kind.status.optional(),
    purpose: kind.purpose.optional(),
    /** The kind's unit (host or sending), with its sub-units. */
    unitId: Id.optional(),
    /** A visitor's country, or a destination. */
    country: CountryCode.optional(),
    /** A visitor's institution, or a host institution. */
    institutionId: Id.optional(),
    /** A visitor, or a member. */
    personId: Id.optional(),
    /** Movements that overlap [from, to]. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    ...kind.flags,
    overdue: Flag,
    /** Taken place (held or travelled) or closed: the ones whose people the ledger counts. */
    counted: Flag,
    sort: z.enum(kind.sorts).default('startDate'),
  });
}

/** A yes/no filter of a list, as the URL carries it. */
export const movementFlag = Flag;

/** Movements whose report is overdue at `asOf`, per unit, as JSON or a download. */
export const MovementOverdueQuery = z.object({ asOf: IsoDate.optional(), format: z.enum(['json', 'csv', 'xlsx']).default('json') });

/** One movement whose report is overdue. */
export const OverdueMovement = z.object({
  id: z.number(),
  titleEn: z.string(),
  titleZh: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  reportDueOn: z.string(),
  daysOverdue: z.number(),
  personTimes: z.number(),
});
export type OverdueMovement = z.infer<typeof OverdueMovement>;

/** The overdue reports per unit, each unit's movements under `key` (`visits`, `missions`). */
export function overdueReports<K extends string>(key: K) {
  const movements = { [key]: z.array(OverdueMovement) } as { [P in K]: z.ZodArray<typeof OverdueMovement> };
  return z.object({
    asOf: z.string(),
    total: z.number(),
    units: z.array(
      z.object({
        unitId: z.number(),
        code: z.string(),
        nameEn: z.string(),
        nameZh: z.string(),
        nameFr: z.string().nullable(),
        count: z.number(),
        ...movements,
      }),
    ),
  });
}
