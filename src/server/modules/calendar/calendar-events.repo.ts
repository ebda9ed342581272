import type { Scoped } from '../../core/request-context.ts';
import { isoTimestamp } from '../../db/columns.ts';
import { unitScopeSql } from '../../db/scope.ts';

/** A visit or a mission as a feed shows it: its title, its days, its state and when it last changed. */
export interface MovementEventRow {
  id: number;
  titleEn: string;
  titleZh: string | null;
  startDate: string;
  endDate: string;
  status: string;
  updatedAt: string;
}

/** Where each kind of movement is stored, and the column of the unit that owns it (hosts a visit, sends a mission). */
const TABLES = {
  visits: { table: 'visits', unitColumn: 'host_unit_id' },
  missions: { table: 'missions', unitColumn: 'unit_id' },
} as const;

/** The states a calendar leaves out: a rejected or cancelled trip does not take place. */
export const NOT_TAKING_PLACE = ['rejected', 'cancelled'] as const;

/**
 * The visits or missions within the caller's reach (a coordinator's unit and its sub-units)
 * whose days meet [from, to], those starting latest first, at most `limit`.
 */
export async function movementsInWindow(db: Scoped, kind: keyof typeof TABLES, window: { from: string; to: string; limit: number }): Promise<MovementEventRow[]> {
  const { table, unitColumn } = TABLES[kind];
  const params: unknown[] = [window.from, window.to, [...NOT_TAKING_PLACE], window.limit];
  const scope = db.scope === null ? '' : `AND ${unitScopeSql(`r.${unitColumn}`, params.push(db.scope))}`;
  const { rows } = await db.query<MovementEventRow>(
    `SELECT r.id, r.title_en AS "titleEn", r.title_zh AS "titleZh", r.start_date::text AS "startDate", r.end_date::text AS "endDate",
            r.status, ${isoTimestamp('r.updated_at')} AS "updatedAt"
       FROM ${table} r
      WHERE r.end_date >= $1::date AND r.start_date <= $2::date AND r.status <> ALL($3::text[]) ${scope}
      ORDER BY r.start_date DESC, r.id DESC
      LIMIT $4`,
    params,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
