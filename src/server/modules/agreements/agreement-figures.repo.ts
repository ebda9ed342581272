import type { Scoped } from '../../core/request-context.ts';
import { unitScopeSql } from '../../db/scope.ts';

/** Agreements in force on each of `dates` (by agreement_in_force(), as every partner figure reads it), within the caller's reach. */
export async function agreementsInForceOn(db: Scoped, dates: string[]): Promise<Map<string, number>> {
  const { scope } = db;
  if (!dates.length) return new Map();
  const params: unknown[] = [dates];
  if (scope !== null) params.push(scope);
  const { rows } = await db.query<{ day: string; n: number }>(
    `SELECT d.day::text AS day, count(a.id)::int AS n
       FROM unnest($1::date[]) AS d(day)
       LEFT JOIN agreements a ON agreement_in_force(a.status, a.effective_on, a.expires_on, a.auto_renewal, a.terminated_on, d.day)
            ${scope !== null ? `AND ${unitScopeSql('a.unit_id', 2)}` : ''}
      GROUP BY d.day`,
    params,
  );
  return new Map(rows.map((r) => [r.day, r.n]));
}

/** Agreements signed in [from, to] (a signed date; drafts never signed have none), within the caller's reach. */
export async function agreementsSignedIn(db: Scoped, from: string, to: string): Promise<number> {
  const { scope } = db;
  const params: unknown[] = [from, to];
  if (scope !== null) params.push(scope);
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM agreements a
      WHERE a.signed_on BETWEEN $1::date AND $2::date ${scope !== null ? `AND ${unitScopeSql('a.unit_id', 3)}` : ''}`,
    params,
  );
  return rows[0]!.n;
}
