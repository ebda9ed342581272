import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './client.ts';
import { unscoped } from '../core/request-context.ts';
import { openDemoDatabase } from '../test/demo-database.ts';
import { likePattern, searchTokens } from '../search/normalize.ts';
import { listPeople } from '../modules/people/people.repo.ts';
import { listVisits } from '../modules/visits/visits.repo.ts';
import { listAgreements } from '../modules/agreements/agreements.repo.ts';
import { listInstitutions } from '../modules/institutions/institutions.repo.ts';

/**
 * The lists' `q` matches with LIKE where it matched with ILIKE (where.ts#searchFolded, issue 17,
 * CPU a request): the same rows only while every search text and every token is already folded
 * to lower case, as PostgreSQL lowers it. Held here for every search text of the demo, for the
 * tokens of queries typed in every script and case, and for the lists' answers themselves.
 */
let db: Db;
beforeAll(async () => {
  db = await openDemoDatabase();
}, 600_000);
afterAll(async () => db?.close());

const QUERIES = ['王', '王振義', 'WANG Zhen-yi', 'Zhāng', 'MARTIN', 'Université Paris', 'ÉCOLE', 'Straße', 'Karolinska', '医学', 'li', 'Δ', 'İstanbul'];

describe('a search of folded text with LIKE', () => {
  it('finds search texts and tokens that lower() leaves as they are', async () => {
    for (const table of ['people', 'visits', 'agreements', 'institutions', 'conferences', 'missions']) {
      const { rows } = await db.query<{ n: number; all: number }>(`SELECT count(*) FILTER (WHERE search_text <> lower(search_text))::int AS n, count(*)::int AS "all" FROM ${table}`);
      expect(rows[0]!.all, table).toBeGreaterThan(0);
      expect(rows[0]!.n, table).toBe(0);
    }
    const tokens = QUERIES.flatMap((q) => searchTokens(q).flat());
    expect(tokens.length).toBeGreaterThan(QUERIES.length);
    const { rows } = await db.query<{ t: string }>('SELECT t FROM unnest($1::text[]) t WHERE t <> lower(t)', [tokens]);
    expect(rows).toEqual([]);
  });

  it('answers each list as ILIKE did', async () => {
    let found = 0;
    for (const q of QUERIES) {
      const groups = searchTokens(q);
      const ilike = (column: string) => groups.map((g) => `(${g.map((alt) => `${column} ILIKE '${likePattern(alt).replaceAll("'", "''")}'`).join(' OR ')})`).join(' AND ') || 'true';
      const ids = async (sql: string) => (await db.query<{ id: number }>(sql)).rows.map((r) => Number(r.id)).sort((a, b) => a - b);
      const sorted = (rows: Array<{ id: number }>) => rows.map((r) => Number(r.id)).sort((a, b) => a - b);
      const all = { page: 1, pageSize: 10_000 };
      const people = sorted((await listPeople(unscoped(db), { q, sort: 'familyName', order: 'asc', ...all })).rows);
      expect(people, q).toEqual(await ids(`SELECT id FROM people WHERE ${ilike('search_text')}`));
      const institutions = sorted((await listInstitutions(unscoped(db), { q, sort: 'nameEn', order: 'asc', ...all })).rows);
      expect(institutions, q).toEqual(await ids(`SELECT id FROM institutions WHERE ${ilike('search_text')}`));
      const visits = sorted((await listVisits(unscoped(db), { asOf: '2026-06-30', protocolThreshold: 'minister' }, { q, sort: 'startDate', order: 'asc', ...all })).rows);
      const visitText = `(v.search_text || ' ' || coalesce((SELECT string_agg(p.search_text || ' ' || coalesce(i.search_text, ''), ' ')
        FROM visit_members m JOIN people p ON p.id = m.person_id LEFT JOIN institutions i ON i.id = m.institution_id WHERE m.visit_id = v.id), ''))`;
      expect(visits, q).toEqual(await ids(`SELECT v.id FROM visits v WHERE ${ilike(visitText)}`));
      const agreements = sorted((await listAgreements(unscoped(db), { asOf: '2026-06-30', dormantYears: 2 }, { q, sort: 'termEndsOn', order: 'asc', ...all })).rows);
      const agreementText = `(a.search_text || ' ' || coalesce((SELECT string_agg(i.search_text, ' ') FROM agreement_partners ap
        JOIN institutions i ON i.id = ap.institution_id WHERE ap.agreement_id = a.id), ''))`;
      expect(agreements, q).toEqual(await ids(`SELECT a.id FROM agreements a WHERE ${ilike(agreementText)}`));
      found += people.length + institutions.length + visits.length + agreements.length;
    }
    expect(found).toBeGreaterThan(20);
  });
});
