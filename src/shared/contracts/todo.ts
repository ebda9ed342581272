import { z } from 'zod';

/** How the to-do list groups its items: decisions waiting, reports owed, renewals and expiries coming. */
export const TODO_GROUPS = ['approvals', 'reports', 'renewals'] as const;
export const TodoGroup = z.enum(TODO_GROUPS);
export type TodoGroup = z.infer<typeof TodoGroup>;

/** Late: past its due day. Coming: due, not yet late. Waiting: a decision with no due day. */
export const TODO_STANDINGS = ['late', 'coming', 'waiting'] as const;
export const TodoStanding = z.enum(TODO_STANDINGS);
export type TodoStanding = z.infer<typeof TodoStanding>;

export const TodoItem = z.object({
  group: TodoGroup,
  /** The kind's name in the kind descriptions (`missions`, `hospital-memoranda` …). */
  kind: z.string(),
  id: z.number(),
  titleEn: z.string(),
  titleZh: z.string().nullable(),
  /** What is owed: a deadline's `what` (report, summary, renewal) or `decision`. */
  owed: z.string(),
  /** The part of the record that owes it (an expert's document), when a part does. */
  partId: z.number().nullable(),
  /** The message key of what is owed, in the web app's messages. */
  labelKey: z.string(),
  dueOn: z.string().nullable(),
  standing: TodoStanding,
  unitId: z.number().nullable(),
  /** The web app's path of the record. */
  link: z.string(),
  /** An import waiting for a decision (kind `imports`): the kind of record its file holds. */
  importKind: z.string().optional(),
});
export type TodoItem = z.infer<typeof TodoItem>;

export const TodoList = z.object({ today: z.string(), items: z.array(TodoItem) });
export type TodoList = z.infer<typeof TodoList>;

export const LateUnit = z.object({
  unitId: z.number().nullable(),
  code: z.string().nullable(),
  nameEn: z.string().nullable(),
  nameZh: z.string().nullable(),
  nameFr: z.string().nullable(),
  late: z.number(),
  /** Late items by kind. */
  byKind: z.record(z.string(), z.number()),
});
export type LateUnit = z.infer<typeof LateUnit>;

export const LateByUnit = z.object({ today: z.string(), units: z.array(LateUnit) });
export type LateByUnit = z.infer<typeof LateByUnit>;
