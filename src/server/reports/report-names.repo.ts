import type { Queryable } from '../db/client.ts';

/** A name in each language the reports write. */
export interface Names {
  en: string;
  zh: string;
  fr: string;
}

/** The name of the unit a report is about: `unitId`, or the school (the root of the organization). */
export async function subjectNames(db: Queryable, unitId: number | null): Promise<Names> {
  const { rows } = await db.query<Names>(
    `SELECT name_en AS en, name_zh AS zh, coalesce(name_fr, name_en) AS fr FROM units
      WHERE ${unitId !== null ? 'id = $1' : 'parent_id IS NULL'} ORDER BY id LIMIT 1`,
    unitId !== null ? [unitId] : [],
  );
  return rows[0] ?? { en: 'The school', zh: '本校', fr: 'L’établissement' };
}

/** Country and region names by code, in each language (the office's names, Hong Kong, Macao and Taiwan as regions). */
export async function countryNames(db: Queryable, codes: string[]): Promise<Map<string, Names>> {
  if (!codes.length) return new Map();
  const { rows } = await db.query<Names & { code: string }>(
    `SELECT code, name_en AS en, name_zh AS zh, name_fr AS fr FROM countries WHERE code = ANY($1::text[])`,
    [codes],
  );
  return new Map(rows.map(({ code, ...names }) => [code, names]));
}
