import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../server/db/client.ts';
import { openDemoDatabase } from '../server/test/demo-database.ts';
import { systemContext } from '../server/core/request-context.ts';
import { getPartnerFigures } from '../server/modules/agreements/partners.service.ts';
import { addDays, addMonths, officeToday } from '../shared/calendar.ts';

// The figures are read from the records with SQL (and the partner service as a second
// reader), never from the demo's own lists: the test checks what the database says.
let db: Db;
const today = officeToday();

const IN_FORCE = 'agreement_in_force(a.status, a.effective_on, a.expires_on, a.auto_renewal, a.terminated_on, $1::date)';

async function universitiesOn(date: string): Promise<Array<{ id: number; countryCode: string }>> {
  const { rows } = await db.query<{ id: number; countryCode: string }>(
    `SELECT DISTINCT i.id, i.country_code AS "countryCode"
       FROM agreements a JOIN agreement_partners p ON p.agreement_id = a.id JOIN institutions i ON i.id = p.institution_id
      WHERE i.kind = 'university' AND ${IN_FORCE}`,
    [date],
  );
  return rows;
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(sql, params);
  return rows[0]!.n;
}

beforeAll(async () => {
  db = await openDemoDatabase();
}, 900_000); // the first demo test of a run loads the whole demo through the services (a minute, several on a busy machine); the others copy it

afterAll(async () => {
  await db?.close();
});

describe('demo agreements', () => {
  it('has 63 partner universities in force today, from 19 countries and regions, France first', async () => {
    const partners = await universitiesOn(today);
    expect(partners).toHaveLength(63);
    const perPlace = new Map<string, number>();
    for (const p of partners) perPlace.set(p.countryCode, (perPlace.get(p.countryCode) ?? 0) + 1);
    expect(perPlace.size).toBe(19);
    for (const named of ['FR', 'NL', 'SE', 'CH', 'DE', 'BE', 'HU', 'US', 'CA', 'JP', 'KR', 'AU', 'HK', 'TW']) expect(perPlace.has(named)).toBe(true);
    const [first] = [...perPlace].sort((x, y) => y[1] - x[1]);
    expect(first![0]).toBe('FR');
    // Every one is a catalogue entry.
    expect(await count(`SELECT count(*)::int AS n FROM institutions WHERE id = ANY($1) AND reference_ref IS NULL`, [partners.map((p) => p.id)])).toBe(0);
  });

  it('the partner service reads the same figure, with the three organizations beside it', async () => {
    const figures = await getPartnerFigures(systemContext(db), { asOf: today });
    expect(figures.universities).toBe(63);
    expect(figures.countriesAndRegions).toBe(19);
    expect(figures.countries).toBe(17);
    expect(figures.organizations.map((o) => o.nameEn).sort()).toEqual([
      'Alliance Française',
      'Project HOPE (People-to-People Health Foundation)',
      'World Health Organization',
    ]);
  });

  it('keeps the figure for the coming year: no partner hangs on an agreement about to end', async () => {
    expect(await universitiesOn(addMonths(today, 12))).toHaveLength(63);
  });

  it('counts a partner whose agreements all expired on a date when they were in force, not today', async () => {
    const { rows } = await db.query<{ id: number; lastDay: string }>(
      `SELECT i.id, max(a.expires_on)::text AS "lastDay"
         FROM institutions i JOIN agreement_partners p ON p.institution_id = i.id JOIN agreements a ON a.id = p.agreement_id
        WHERE i.kind = 'university' GROUP BY i.id HAVING bool_and(a.status = 'expired') ORDER BY i.id`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const [former] = rows;
    expect(former!.lastDay < today).toBe(true);
    expect((await universitiesOn(today)).map((p) => p.id)).not.toContain(former!.id);
    expect((await universitiesOn(addDays(former!.lastDay, -30))).map((p) => p.id)).toContain(former!.id);
    expect((await universitiesOn(addDays(former!.lastDay, 1))).map((p) => p.id)).not.toContain(former!.id);
    // "Not counted today, counted a year ago": at least one former partner is.
    const yearAgo = (await universitiesOn(addMonths(today, -12))).map((p) => p.id);
    expect(rows.some((r) => yearAgo.includes(r.id))).toBe(true);
  });

  it('has working arrangements in force with WHO, Project HOPE and the Alliance Française', async () => {
    const { rows } = await db.query<{ nameEn: string; level: string }>(
      `SELECT i.name_en AS "nameEn", a.level FROM agreements a JOIN agreement_partners p ON p.agreement_id = a.id JOIN institutions i ON i.id = p.institution_id
        WHERE a.kind = 'working_arrangement' AND ${IN_FORCE} ORDER BY i.name_en`,
      [today],
    );
    expect(rows.map((r) => r.nameEn)).toEqual(['Alliance Française', 'Project HOPE (People-to-People Health Foundation)', 'World Health Organization']);
    expect(rows.every((r) => r.level === 'institutional')).toBe(true);
  });

  it('has both levels and the usual kinds in force, collegiate ones signed by a unit', async () => {
    const { rows } = await db.query<{ level: string; kind: string; units: number; n: number }>(
      `SELECT a.level, a.kind, count(a.unit_id)::int AS units, count(*)::int AS n FROM agreements a WHERE ${IN_FORCE} GROUP BY a.level, a.kind`,
      [today],
    );
    expect(new Set(rows.map((r) => r.level))).toEqual(new Set(['institutional', 'collegiate']));
    for (const kind of ['comprehensive', 'student_exchange', 'staff_exchange', 'joint_research', 'joint_programme', 'working_arrangement'])
      expect(rows.some((r) => r.kind === kind)).toBe(true);
    for (const r of rows) expect(r.units).toBe(r.level === 'collegiate' ? r.n : 0);
    // Exchange agreements carry their quotas.
    expect(await count(`SELECT count(*)::int AS n FROM agreements WHERE kind = 'student_exchange' AND students_out_per_year IS NULL`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM agreements WHERE kind = 'staff_exchange' AND staff_out_per_year IS NULL`)).toBe(0);
    // One agreement with several partners (the residency consortium).
    expect(await count(`SELECT count(*)::int AS n FROM (SELECT agreement_id FROM agreement_partners GROUP BY agreement_id HAVING count(*) > 1) s`)).toBeGreaterThan(0);
  });

  it('shows every stage of the lifecycle, and renewal chains', async () => {
    const { rows } = await db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM agreements GROUP BY status');
    const statuses = new Map(rows.map((r) => [r.status, r.n]));
    for (const s of ['draft', 'under_review', 'approved', 'signed', 'active', 'expired', 'terminated']) expect(statuses.get(s) ?? 0).toBeGreaterThan(0);
    expect(statuses.get('terminated')).toBeGreaterThanOrEqual(2);
    // A chain of at least three: expired → expired → in force.
    const longest = await count(
      `WITH RECURSIVE chain AS (
         SELECT id, 1 AS depth FROM agreements WHERE predecessor_id IS NULL
         UNION ALL SELECT a.id, c.depth + 1 FROM agreements a JOIN chain c ON a.predecessor_id = c.id)
       SELECT max(depth)::int AS n FROM chain`,
    );
    expect(longest).toBeGreaterThanOrEqual(3);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM agreements a JOIN agreements prev ON prev.id = a.predecessor_id
          WHERE prev.status = 'expired' AND ${IN_FORCE}`,
        [today],
      ),
    ).toBeGreaterThan(0);
  });

  it('puts a share of the agreements in force into the renewal watch of the next 12 months', async () => {
    const inForce = await count(`SELECT count(*)::int AS n FROM agreements a WHERE ${IN_FORCE}`, [today]);
    const ending = await count(
      `SELECT count(*)::int AS n FROM agreements a
        WHERE ${IN_FORCE} AND agreement_term_end(a.expires_on, a.auto_renewal, a.renewal_term_months, $1::date) BETWEEN $1::date AND $2::date`,
      [today, addMonths(today, 12)],
    );
    expect(ending).toBeGreaterThanOrEqual(5);
    expect(ending).toBeLessThan(inForce / 3);
  });

  it('wrote every agreement through the service: one audited creation each, titles in English and Chinese', async () => {
    const agreements = await count('SELECT count(*)::int AS n FROM agreements');
    expect(await count(`SELECT count(DISTINCT entity_id)::int AS n FROM audit_log WHERE entity = 'agreement' AND action = 'create'`)).toBe(agreements);
    expect(await count(`SELECT count(*)::int AS n FROM agreements WHERE title_zh !~ '[一-龥]'`)).toBe(0);
    // The French partners' agreements have a French title too.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM agreements a WHERE a.title_fr IS NULL AND EXISTS (
           SELECT 1 FROM agreement_partners p JOIN institutions i ON i.id = p.institution_id WHERE p.agreement_id = a.id AND i.country_code = 'FR')`,
      ),
    ).toBe(0);
  });
});
