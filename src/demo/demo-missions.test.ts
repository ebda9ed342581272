import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../server/db/client.ts';
import { openDemoDatabase } from '../server/test/demo-database.ts';
import { computeFigureSet, figureOf } from '../server/reports/figures/figure-set.ts';
import { renderFactSheet } from '../server/reports/factsheet/factsheet.service.ts';
import { aboutValue } from '../server/reports/wording.rules.ts';
import { getMissionOverdueReports } from '../server/modules/missions/missions.service.ts';
import { officeToday } from '../shared/calendar.ts';
import { systemContext } from '../server/core/request-context.ts';

// The figures are read from the records with SQL (and the services the API uses as a second
// reader), never from the demo's own plan: the test checks what the database says.
let db: Db;
const today = officeToday();

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(sql, params);
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  db = await openDemoDatabase();
}, 900_000); // the first demo test of a run loads the whole demo through the services (a minute, several on a busy machine); the others copy it

afterAll(async () => {
  await db?.close();
});

describe('demo outbound: person-times', () => {
  it('sent about 17,000 staff person-times abroad since 1954, and the fact sheet says so in its three languages', async () => {
    const since1954 = await count(`SELECT coalesce(sum(count), 0)::int AS n FROM ledger WHERE direction = 'outbound' AND who = 'staff' AND start_date BETWEEN '1954-01-01' AND $1::date`, [today]);
    expect(aboutValue(since1954)).toBe(17_000);
    const figure = figureOf(await computeFigureSet(systemContext(db), { asOf: today }), 'outbound.personTimesSince1954');
    expect(figure.value).toBe(since1954);
    const text = async (lang: 'en' | 'zh' | 'fr') =>
      String((await renderFactSheet(systemContext(db), { asOf: today, lang, format: 'md' })).body).replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');
    expect(await text('en')).toContain('Since 1954, the school has sent about 17,000 (person-times) experts and professionals abroad');
    expect(await text('zh')).toContain('1954年以来，学校共派出专家和专业人员约17,000人次出国');
    expect(await text('fr')).toContain('l’école a effectué environ 17\u00a0000 déplacements');
  });

  it('adds up: the outbound staff ledger is the members of the missions that travelled and the annual counts, nothing else', async () => {
    const ledger = await count(`SELECT sum(count)::int AS n FROM ledger WHERE direction = 'outbound' AND who = 'staff'`);
    const members = await count(`SELECT count(*)::int AS n FROM mission_members m JOIN missions ms ON ms.id = m.mission_id WHERE ms.status IN ('travelled', 'closed')`);
    const aggregates = await count(`SELECT sum(count)::int AS n FROM ledger_aggregates WHERE direction = 'outbound' AND who = 'staff'`);
    expect(members).toBeGreaterThan(200);
    expect(ledger).toBe(members + aggregates);
    expect(await count(`SELECT count(*)::int AS n FROM ledger WHERE direction = 'outbound' AND who = 'staff' AND source_module NOT IN ('mission', 'aggregate')`)).toBe(0);
    // Individual records since 2020, annual counts before: never both for one year.
    expect(await count(`SELECT count(*)::int AS n FROM ledger_aggregates WHERE direction = 'outbound' AND who = 'staff' AND start_date >= '2020-01-01'`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM missions WHERE start_date < '2020-01-01'`)).toBe(0);
  });

  it('follows the school’s history: a few a year in the 1950s–70s, growth after the 1978 reform and opening', async () => {
    const { rows } = await db.query<{ year: number; n: number }>(
      `SELECT extract(year FROM start_date)::int AS year, sum(count)::int AS n FROM ledger WHERE direction = 'outbound' AND who = 'staff' AND start_date < '2020-01-01' GROUP BY 1 ORDER BY 1`,
    );
    const of = (year: number) => rows.find((r) => r.year === year)?.n ?? 0;
    const decade = (from: number) => rows.filter((r) => r.year >= from && r.year < from + 10).reduce((s, r) => s + r.n, 0) / 10;
    expect(rows[0]!.year).toBe(1954);
    for (let year = 1954; year < 1978; year++) expect(of(year), String(year)).toBeLessThan(20);
    expect(decade(1980)).toBeGreaterThan(5 * decade(1960));
    expect(decade(1990)).toBeGreaterThan(decade(1980));
    expect(decade(2000)).toBeGreaterThan(decade(1990));
    expect(of(2003)).toBeLessThan(of(2002));
  });
});

describe('demo outbound: missions', () => {
  it('has missions at every step: closed with their reports, overdue reports, to come, rejected and cancelled', async () => {
    const { rows } = await db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM missions GROUP BY 1`);
    const statuses = new Map(rows.map((r) => [r.status, r.n]));
    expect(statuses.get('closed')).toBeGreaterThan(100);
    for (const status of ['travelled', 'rejected', 'cancelled']) expect(statuses.get(status), status).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM missions WHERE status IN ('requested', 'approved') AND start_date > $1::date`, [today])).toBeGreaterThan(0);
    const overdue = await getMissionOverdueReports(systemContext(db), { asOf: today });
    expect(overdue.total).toBeGreaterThan(0);
    // A closed mission's report came in after its return; an approved one carries its number.
    expect(await count(`SELECT count(*)::int AS n FROM missions WHERE status = 'closed' AND report_submitted_on <= end_date`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM missions WHERE approved_on IS NOT NULL AND approval_document_no !~ '^沪交医外〔\\d{4}〕\\d+号$'`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM missions WHERE travelled_on IS NOT NULL AND travelled_on < start_date`)).toBe(0);
  });

  it('sends each unit’s own staff, never one person on two trips at once, to partners that are not dormant', async () => {
    expect(await count(`SELECT count(*)::int AS n FROM mission_members m JOIN missions ms ON ms.id = m.mission_id JOIN people p ON p.id = m.person_id WHERE p.unit_id <> ms.unit_id OR p.nationality <> 'CN'`)).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM mission_members a JOIN missions x ON x.id = a.mission_id
           JOIN mission_members b ON b.person_id = a.person_id AND b.mission_id > a.mission_id JOIN missions y ON y.id = b.mission_id
          WHERE x.status NOT IN ('rejected', 'cancelled') AND y.status NOT IN ('rejected', 'cancelled') AND x.start_date <= y.end_date AND y.start_date <= x.end_date`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(DISTINCT d.country_code)::int AS n FROM mission_destinations d`)).toBeGreaterThanOrEqual(12);
    expect(await count(`SELECT count(DISTINCT d.institution_id)::int AS n FROM mission_destinations d`)).toBeGreaterThanOrEqual(20);
    const { rows } = await db.query<{ purpose: string }>(`SELECT DISTINCT purpose FROM missions`);
    expect(rows.map((r) => r.purpose).sort()).toEqual(['advanced_study', 'conference', 'friendly_visit', 'investigation_tour', 'joint_research', 'lecturing', 'other']);
  });

  it('has one audited creation for every mission and every outbound annual count', async () => {
    expect(await count(`SELECT count(DISTINCT entity_id)::int AS n FROM audit_log WHERE entity = 'mission' AND action = 'create'`)).toBe(await count(`SELECT count(*)::int AS n FROM missions`));
    const ids = await count(
      `SELECT count(*)::int AS n FROM ledger_aggregates a WHERE a.direction = 'outbound'
         AND NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.entity = 'aggregate' AND l.action = 'create' AND l.entity_id = a.id::text)`,
    );
    expect(ids).toBe(0);
  });
});
