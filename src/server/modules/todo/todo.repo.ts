import type { Scoped } from '../../core/request-context.ts';
import { standingSql } from '../../db/deadline-sql.ts';
import { unitScopeSql } from '../../db/scope.ts';
import { Where } from '../../db/where.ts';
import type { DeadlineRule } from '../../../shared/kinds/deadline-rules.ts';
import type { TodoGroup } from '../../../shared/contracts/todo.ts';
import { TODO_SOURCES } from './todo-sources.ts';

/** One part of a to-do list: a kind's records in `states` waiting on a decision, or owing what `rule` asks (in the rule's group). */
export type TodoPart = { group: 'approvals'; kind: string; states: readonly string[] } | { group: TodoGroup; kind: string; rule: DeadlineRule };

/** A row of a to-do list as the query gives it. */
export interface TodoRow {
  group: TodoGroup;
  kind: string;
  id: number;
  titleEn: string;
  titleZh: string | null;
  owed: string;
  /** The part that owes it (an expert's document), when a part does. */
  partId: number | null;
  dueOn: string | null;
  late: boolean;
  unitId: number | null;
}

/** The SELECT of one part, its placeholders in `where`; `today` is the day's SQL. */
function partSql(part: TodoPart, db: Scoped, where: Where, today: string): string {
  const s = TODO_SOURCES[part.kind];
  if (!s) throw new Error(`no to-do source for ${part.kind}`);
  const conditions: string[] = [];
  let owed: string, dueOn: string, late: string;
  let join = '';
  let partId = 'NULL::bigint';
  const status = s.status ?? 'r.status';
  if (!('rule' in part)) {
    conditions.push(`(${status}) = ANY(${where.param(part.states)}::text[])`);
    [owed, dueOn, late] = [where.param('decision'), 'NULL::date', 'false'];
  } else {
    const owner = part.rule.deadline.part ? s.parts?.[part.rule.deadline.part] : undefined;
    if (part.rule.deadline.part && !owner) throw new Error(`no part ${part.rule.deadline.part} for ${part.kind}`);
    const from = (owner?.dates ?? s.dates)[part.rule.deadline.from];
    if (!from) throw new Error(`no date ${part.rule.deadline.from} for ${part.kind}`);
    if (owner) {
      // each part owes it, until a later one of its kind replaces it
      [join, partId] = [owner.join, 'x.id'];
      conditions.push(`NOT ${owner.replaced}`);
    }
    const standing = standingSql(part.rule, where, from, today);
    conditions.push(`(${status}) = ANY(${where.param(part.rule.deadline.owedIn)}::text[])`, `${from} IS NOT NULL`, `${today} >= ${standing.shownFrom}`);
    // a renewal is met as soon as the successor is drafted
    if (part.rule.deadline.metBySuccessor && s.successorColumn) conditions.push(`NOT EXISTS (SELECT 1 FROM ${s.table} n WHERE n.${s.successorColumn} = r.id)`);
    [owed, dueOn, late] = [where.param(part.rule.deadline.what), standing.dueOn, standing.late];
  }
  if (db.scope !== null) {
    where.params.push(db.scope);
    conditions.push(unitScopeSql(`r.${s.unitColumn}`, where.params.length));
  }
  return `SELECT ${where.param(part.group)}::text AS "group", ${where.param(part.kind)}::text AS kind, r.id, ${s.titleEn} AS "titleEn", ${s.titleZh} AS "titleZh",
                 ${owed}::text AS owed, ${partId} AS "partId", (${dueOn})::text AS "dueOn", ${late} AS late, r.${s.unitColumn} AS "unitId"
          FROM ${s.table} r ${join} WHERE ${conditions.join(' AND ')}`;
}

/**
 * The rows of every part within the caller's reach on `today`: decisions waiting, and deadlines
 * listed by then (late first, then by due day). One query, so the list is one snapshot.
 */
export async function todoRows(db: Scoped, parts: readonly TodoPart[], today: string): Promise<TodoRow[]> {
  if (!parts.length) return [];
  const where = new Where();
  const day = `${where.param(today)}::date`;
  const union = parts.map((p) => partSql(p, db, where, day)).join('\nUNION ALL\n');
  const { rows } = await db.query<TodoRow>(`SELECT * FROM (${union}) t ORDER BY t.late DESC, t."dueOn" NULLS LAST, t.kind, t.id, t."partId"`, where.params);
  return rows;
}

/** A unit's count of late items, by kind. */
export interface LateCountRow {
  unitId: number | null;
  code: string | null;
  nameEn: string | null;
  nameZh: string | null;
  nameFr: string | null;
  kind: string;
  late: number;
}

/** How many items of `parts` are late on `today`, per unit and kind, within the caller's reach. */
export async function lateCounts(db: Scoped, parts: readonly TodoPart[], today: string): Promise<LateCountRow[]> {
  if (!parts.length) return [];
  const where = new Where();
  const day = `${where.param(today)}::date`;
  const union = parts.map((p) => partSql(p, db, where, day)).join('\nUNION ALL\n');
  const { rows } = await db.query<LateCountRow>(
    `SELECT t."unitId", u.code, u.name_en AS "nameEn", u.name_zh AS "nameZh", u.name_fr AS "nameFr", t.kind, count(*)::int AS late
     FROM (${union}) t LEFT JOIN units u ON u.id = t."unitId"
     WHERE t.late
     GROUP BY t."unitId", u.code, u.name_en, u.name_zh, u.name_fr, t.kind
     ORDER BY u.code NULLS FIRST, t.kind`,
    where.params,
  );
  return rows;
}
