import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../server/db/client.ts';
import { openDemoDatabase } from '../server/test/demo-database.ts';
import { systemContext } from '../server/core/request-context.ts';
import { getExpertsEngaged } from '../server/modules/appointments/experts.service.ts';
import { getInboundReport } from '../server/modules/ledger/inbound-report.service.ts';
import { listVisits } from '../server/modules/visits/visits.repo.ts';
import { listAgreements } from '../server/modules/agreements/agreements.repo.ts';
import { officeToday } from '../shared/calendar.ts';
import { DEFAULT_PROTOCOL_THRESHOLD, levelsAtOrAbove } from '../shared/contracts/visits.ts';

// The figures are read from the records with SQL (and the services and list queries the API
// uses as a second reader), never from the demo's own lists: the test checks what the database says.
let db: Db;
const today = officeToday();

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(sql, params);
  return Number(rows[0]!.n);
}

const IN_FORCE = 'appointment_in_force(a.status, a.start_date, a.end_date, a.revoked_on, $1::date)';

beforeAll(async () => {
  db = await openDemoDatabase();
}, 900_000); // the first demo test of a run loads the whole demo through the services (a minute, several on a busy machine); the others copy it

afterAll(async () => {
  await db?.close();
});

describe('demo inbound: experts', () => {
  it('engages about 200 foreign experts today, from at least 15 countries and regions, mostly under the seed’s three titles', async () => {
    const engaged = await count(`SELECT count(DISTINCT a.person_id)::int AS n FROM appointments a WHERE ${IN_FORCE}`, [today]);
    expect(engaged).toBeGreaterThanOrEqual(195);
    expect(engaged).toBeLessThanOrEqual(205);
    const countries = await count(`SELECT count(DISTINCT p.nationality)::int AS n FROM appointments a JOIN people p ON p.id = a.person_id WHERE ${IN_FORCE} AND p.nationality <> 'CN'`, [today]);
    expect(countries).toBeGreaterThanOrEqual(15);
    const seedTitles = await count(
      `SELECT count(DISTINCT a.person_id)::int AS n FROM appointments a WHERE ${IN_FORCE} AND a.title IN ('honorary_professor', 'consultant', 'visiting_professor')`,
      [today],
    );
    expect(seedTitles / engaged).toBeGreaterThan(0.85);
    // The experts service, which GET /api/experts/engaged answers from, reads the same.
    const figures = await getExpertsEngaged(systemContext(db), { asOf: today });
    expect(figures.engaged).toBe(engaged);
    expect(figures.countriesAndRegions).toBe(countries);
    expect(figures.engagedSince).toBeGreaterThan(engaged);
  });

  it('has terms ending within the next months, renewals, revocations and documents expiring soon', async () => {
    expect(await count(`SELECT count(*)::int AS n FROM appointments a WHERE ${IN_FORCE} AND a.end_date <= ($1::date + 92)`, [today])).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM appointments WHERE predecessor_id IS NOT NULL AND status = 'appointed'`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM appointments WHERE status = 'revoked' AND revoked_on <= $1::date`, [today])).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM expert_documents WHERE expires_on BETWEEN $1::date AND $1::date + 92`, [today])).toBeGreaterThan(0);
    // Terms of three to five years.
    expect(await count(`SELECT count(*)::int AS n FROM appointments WHERE end_date IS NULL OR end_date - start_date NOT BETWEEN 3 * 365 - 2 AND 5 * 365 + 2`)).toBe(0);
  });
});

describe('demo inbound: conferences', () => {
  it('has hosted exactly 270 conferences since 1980, a handful of them major, and has more in preparation', async () => {
    expect(await count(`SELECT count(*)::int AS n FROM conferences WHERE status IN ('held', 'closed')`)).toBe(270);
    expect(await count(`SELECT count(*)::int AS n FROM conferences WHERE status IN ('held', 'closed') AND start_date < '1980-01-01'`)).toBe(0);
    const major = await count(
      `SELECT count(*)::int AS n FROM conferences c WHERE c.status IN ('held', 'closed')
          AND c.foreign_participants >= (SELECT (value #>> '{}')::int FROM settings WHERE key = 'conference.majorForeignParticipants')`,
    );
    expect(major).toBeGreaterThanOrEqual(3);
    expect(major).toBeLessThanOrEqual(12);
    expect(await count(`SELECT count(*)::int AS n FROM conferences WHERE status IN ('proposed', 'approved') AND start_date > $1::date`, [today])).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM conferences WHERE conference_summary_overdue(status, end_date, summary_submitted_on, $1::date)`, [today])).toBe(1);
  });

  it('keeps attendee lists for the recent ones, naming people we know by their record', async () => {
    const withLists = await count(
      `SELECT count(*)::int AS n FROM conferences c WHERE c.start_date >= $1::date - 1100 AND c.status IN ('held', 'closed')
          AND EXISTS (SELECT 1 FROM conference_attendees a WHERE a.conference_id = c.id)`,
      [today],
    );
    expect(withLists).toBeGreaterThanOrEqual(10);
    expect(await count(`SELECT count(*)::int AS n FROM conference_attendees WHERE person_id IS NOT NULL`)).toBeGreaterThan(0);
    // A linked attendee is an expert or a visitor.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM conference_attendees at WHERE at.person_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.person_id = at.person_id)
            AND NOT EXISTS (SELECT 1 FROM visit_members m WHERE m.person_id = at.person_id)`,
      ),
    ).toBe(0);
  });
});

describe('demo inbound: person-times', () => {
  it('received about 50,000 inbound person-times since 1980', async () => {
    const since1980 = await count(`SELECT coalesce(sum(count), 0)::int AS n FROM ledger WHERE direction = 'inbound' AND start_date BETWEEN '1980-01-01' AND $1::date`, [today]);
    expect(since1980).toBeGreaterThanOrEqual(49_500);
    expect(since1980).toBeLessThanOrEqual(50_499);
    const report = await getInboundReport(systemContext(db), { since: '1980-01-01', until: today });
    expect(report.personTimes).toBe(since1980);
    expect(report.topCountries.slice(0, 5).map((c) => c.code)).toEqual(expect.arrayContaining(['JP', 'US', 'FR']));
  });

  it('counts returning visitors: fewer distinct persons than person-times among the individual rows', async () => {
    const { rows } = await db.query<{ personTimes: number; persons: number }>(
      `SELECT count(*)::int AS "personTimes", count(DISTINCT person_id)::int AS persons FROM ledger WHERE direction = 'inbound' AND NOT is_aggregate`,
    );
    expect(rows[0]!.persons).toBeGreaterThan(100);
    expect(rows[0]!.persons).toBeLessThan(rows[0]!.personTimes);
  });

  it('adds up: the ledger is the visits’ members, the conferences’ foreign participants and the aggregate entries, nothing else', async () => {
    const ledger = await count(`SELECT sum(count)::int AS n FROM ledger WHERE direction = 'inbound'`);
    const visitors = await count(`SELECT count(*)::int AS n FROM visit_members m JOIN visits v ON v.id = m.visit_id WHERE v.status IN ('held', 'closed')`);
    const conferences = await count(
      `SELECT coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM conference_attendees a WHERE a.conference_id = c.id)
                                THEN (SELECT count(*) FROM conference_attendees a WHERE a.conference_id = c.id AND a.is_foreign)
                                ELSE coalesce(c.foreign_participants, 0) END), 0)::int AS n
         FROM conferences c WHERE c.status IN ('held', 'closed')`,
    );
    const aggregates = await count(`SELECT coalesce(sum(count), 0)::int AS n FROM ledger_aggregates WHERE direction = 'inbound'`);
    expect(ledger).toBe(visitors + conferences + aggregates);
    const bySource = async (module: string) => count(`SELECT coalesce(sum(count), 0)::int AS n FROM ledger WHERE direction = 'inbound' AND source_module = $1`, [module]);
    expect(await bySource('visit')).toBe(visitors);
    expect(await bySource('conference')).toBe(conferences);
    expect(await bySource('aggregate')).toBe(aggregates);
    // No row without its record.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM ledger l WHERE l.direction = 'inbound' AND NOT (
           (l.source_module = 'visit' AND EXISTS (SELECT 1 FROM visits v WHERE v.id = l.source_id AND v.status IN ('held', 'closed')))
           OR (l.source_module = 'conference' AND EXISTS (SELECT 1 FROM conferences c WHERE c.id = l.source_id AND c.status IN ('held', 'closed')))
           OR (l.source_module = 'aggregate' AND EXISTS (SELECT 1 FROM ledger_aggregates a WHERE a.id = l.source_id)))`,
      ),
    ).toBe(0);
    // The years before individual records are aggregates with their source; visits are individual since 2020, bar the four notable ones.
    expect(await count(`SELECT count(*)::int AS n FROM ledger_aggregates WHERE direction = 'inbound' AND (start_date >= '2020-01-01' OR source_document = '')`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM visits WHERE start_date < '2020-01-01' AND protocol_level <> 'head_of_state_or_government'`)).toBe(0);
  });
});

describe('demo inbound: visits', () => {
  it('lists the four notable visits the seed names, as the seed names them, at the default threshold', async () => {
    const notable = await listVisits(systemContext(db), { asOf: today, protocolThreshold: DEFAULT_PROTOCOL_THRESHOLD }, { notable: 'true', sort: 'startDate', order: 'asc', page: 1, pageSize: 50 });
    const heads = notable.rows.map((v) => v.members[0]!);
    for (const [latin, zh] of [['Chirac', '希拉克'], ['Balladur', '巴拉迪尔'], ['Clinton', '希拉里·克林顿'], ['Carl XVI Gustaf', '卡尔十六世·古斯塔夫']])
      expect(heads).toContainEqual(expect.objectContaining({ familyName: latin, nameZh: zh }));
    expect(notable.rows.filter((v) => v.status === 'closed')).toHaveLength(notable.rows.length);
    // The same by SQL, from the contract's ranking.
    expect(await count(`SELECT count(*)::int AS n FROM visits WHERE protocol_level = ANY($1::text[]) AND status IN ('held', 'closed')`, [levelsAtOrAbove(DEFAULT_PROTOCOL_THRESHOLD)])).toBe(notable.total);
  });

  it('has visits at every step: overdue reports, approved and requested ones to come, rejected and cancelled ones', async () => {
    const { rows } = await db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM visits GROUP BY status');
    const statuses = new Map(rows.map((r) => [r.status, r.n]));
    for (const s of ['requested', 'approved', 'rejected', 'held', 'closed', 'cancelled']) expect(statuses.get(s) ?? 0).toBeGreaterThan(0);
    expect(statuses.get('closed')! + statuses.get('held')!).toBeGreaterThanOrEqual(150);
    expect(await count(`SELECT count(*)::int AS n FROM visits WHERE status = 'held' AND $1::date > end_date + 30`, [today])).toBeGreaterThan(0);
  });
});

describe('demo inbound: dormant agreements', () => {
  it('leaves 3 to 8 agreements dormant, as the agreements list’s filter finds them', async () => {
    const dormant = await count(
      `SELECT count(*)::int AS n FROM agreements a
        CROSS JOIN LATERAL (SELECT max(pa.activity_date) AS last FROM agreement_partners ap JOIN partner_activity pa ON pa.institution_id = ap.institution_id
                             WHERE ap.agreement_id = a.id AND pa.activity_date <= $1::date) act
        WHERE agreement_in_force(a.status, a.effective_on, a.expires_on, a.auto_renewal, a.terminated_on, $1::date)
          AND a.effective_on <= ($1::date - interval '2 years')::date
          AND (act.last IS NULL OR act.last <= ($1::date - interval '2 years')::date)`,
      [today],
    );
    expect(dormant).toBeGreaterThanOrEqual(3);
    expect(dormant).toBeLessThanOrEqual(8);
    const listed = await listAgreements(systemContext(db), { asOf: today, dormantYears: 2 }, { dormant: 'true', sort: 'termEndsOn', order: 'asc', page: 1, pageSize: 100 });
    expect(listed.total).toBe(dormant);
    // Each dormant one had activity once, more than two years ago.
    expect(listed.rows.every((a) => a.lastActivityOn !== null)).toBe(true);
  });
});

describe('demo inbound: written as users write', () => {
  it('has one audited creation for every visit, conference, appointment and aggregate entry', async () => {
    for (const [entity, table] of [['visit', 'visits'], ['conference', 'conferences'], ['appointment', 'appointments'], ['aggregate', 'ledger_aggregates']]) {
      const records = await count(`SELECT count(*)::int AS n FROM ${table}`);
      expect(await count(`SELECT count(DISTINCT entity_id)::int AS n FROM audit_log WHERE entity = $1 AND action = 'create'`, [entity])).toBe(records);
    }
  });

  it('stores Chinese, Japanese and Korean names in their script beside the Latin one, and French accents', async () => {
    expect(await count(`SELECT count(*)::int AS n FROM people WHERE nationality IN ('JP', 'KR', 'HK', 'TW') AND (name_zh IS NULL OR name_zh !~ '[一-龥]')`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM people WHERE nationality = 'KR' AND array_to_string(other_names, ' ') ~ '[가-힣]'`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM people WHERE nationality = 'FR' AND (family_name ~ '[éèêëàçîïôûü]' OR given_name ~ '[éèêëàçîïôûüÉ]')`)).toBeGreaterThan(0);
  });
});
