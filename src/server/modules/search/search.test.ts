import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../db/client.ts';
import { Where } from '../../db/where.ts';
import { can } from '../../policies/policies.ts';
import { requestContext, type RequestContext } from '../../core/request-context.ts';
import { SYSTEM_ACTOR, type Actor } from '../../policies/actor.ts';
import { ROLES } from '../../../shared/roles.ts';
import type { SearchHit } from '../../../shared/contracts/search.ts';
import { APPOINTMENT_TITLE_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import type { AppointmentTitle } from '../../../shared/contracts/appointments.ts';
import { startTestServer, succeeded, type TestServer } from '../../test/harness.ts';
import { agreementBody, appointmentBody, conferenceBody, institutionBody, personBody, visitBody } from '../../test/factories.ts';
import { searchAll } from './search.routes.ts';

/**
 * The header's search in one statement answers what it answered with one query per kind: the
 * same hits in the same order, for every role (a coordinator within their unit), on records of
 * every kind in two units with names the load test searches for. `perKind` is the search as it
 * was, kept here as the reference.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  const names = [
    { familyName: 'Wang', givenName: 'Zhenyi', nameZh: '王振义' },
    { familyName: 'Chen', givenName: 'Zhu', nameZh: '陈竺' },
    { familyName: 'Zhu', givenName: 'Hong', nameZh: '朱红' },
    { familyName: 'Hopkins', givenName: 'Paris', nameZh: null },
  ];
  const institutions = [];
  for (const [i, nameEn] of ['Université Paris Cité', 'Karolinska Institutet', 'Sorbonne Université', 'Université de Lyon', 'Johns Hopkins University', 'Ruijin Hospital', 'Shanghai Medical College'].entries())
    institutions.push((await succeeded(officer.post('/api/institutions', institutionBody({ nameEn, countryCode: i % 2 ? 'FR' : 'SE' })))).id);
  for (const [i, unitId] of [t.units.a, t.units.b, t.units.a1, t.units.b].entries()) {
    const person = (await succeeded(officer.post('/api/people', personBody({ ...names[i]!, unitId })))).id;
    await succeeded(officer.post('/api/appointments', appointmentBody(person, unitId, { title: i % 2 ? 'consultant' : 'visiting_professor' })));
    await succeeded(officer.post('/api/agreements', agreementBody([institutions[i]!], { titleEn: `Agreement with ${names[i]!.familyName} of Paris ${i}`, signedOn: `201${i}-01-01`, level: 'collegiate', unitId })));
    await succeeded(officer.post('/api/visits', visitBody(unitId, [person], { titleEn: `Visit of ${names[i]!.familyName} from Lyon`, startDate: `202${i}-03-01`, endDate: `202${i}-03-02` })));
    await succeeded(officer.post('/api/conferences', conferenceBody(unitId, { titleEn: `Paris–Shanghai conference on medicine ${i}`, startDate: `202${i}-05-01`, endDate: `202${i}-05-02` })));
  }
}, 300_000);
afterAll(async () => t?.close());

async function hits(db: Queryable, sql: (where: Where) => string, where: Where): Promise<SearchHit[]> {
  return (await db.query<SearchHit>(sql(where), where.params)).rows;
}

async function perKind(ctx: RequestContext, q: string, limit: number): Promise<SearchHit[]> {
  const { actor, scope } = ctx;
  const found: SearchHit[] = [];
  if (can(actor, 'institution', 'read'))
    found.push(...(await hits(ctx, (w) => `SELECT 'institution' AS kind, id, name_en AS label, coalesce(name_zh, country_code) AS detail
      FROM institutions ${w} ORDER BY length(name_en), id LIMIT ${w.param(limit)}`, new Where().search('search_text', q))));
  if (can(actor, 'person', 'read'))
    found.push(...(await hits(ctx, (w) => `SELECT 'person' AS kind, p.id, trim(p.family_name || ' ' || coalesce(p.given_name, '')) AS label,
      coalesce(p.name_zh, p.title) AS detail FROM people p ${w} ORDER BY p.family_name, p.id LIMIT ${w.param(limit)}`,
      new Where().search('p.search_text', q).scope('p.unit_id', scope))));
  if (can(actor, 'agreement', 'read'))
    found.push(...(await hits(ctx, (w) => `SELECT 'agreement' AS kind, id, title_en AS label, title_zh AS detail
      FROM agreements ${w} ORDER BY signed_on DESC NULLS LAST, id LIMIT ${w.param(limit)}`,
      new Where().search('search_text', q).scope('unit_id', scope))));
  if (can(actor, 'visit', 'read'))
    found.push(...(await hits(ctx, (w) => `SELECT 'visit' AS kind, id, title_en AS label, coalesce(title_zh, start_date::text) AS detail
      FROM visits ${w} ORDER BY start_date DESC, id LIMIT ${w.param(limit)}`,
      new Where().search('search_text', q).scope('host_unit_id', scope))));
  if (can(actor, 'conference', 'read'))
    found.push(...(await hits(ctx, (w) => `SELECT 'conference' AS kind, id, title_en AS label, title_zh AS detail
      FROM conferences ${w} ORDER BY start_date DESC, id LIMIT ${w.param(limit)}`,
      new Where().search('search_text', q).scope('host_unit_id', scope))));
  if (can(actor, 'appointment', 'read')) {
    const appointments = await hits(ctx, (w) => `SELECT 'appointment' AS kind, a.id, trim(p.family_name || ' ' || coalesce(p.given_name, '')) AS label,
      a.title AS detail FROM appointments a JOIN people p ON p.id = a.person_id ${w} ORDER BY a.start_date DESC, a.id LIMIT ${w.param(limit)}`,
      new Where().search('p.search_text', q).scope('a.unit_id', scope));
    const title = (code: string | null) => APPOINTMENT_TITLE_LABELS[code as AppointmentTitle];
    found.push(...appointments.map((h) => ({ ...h, detail: title(h.detail) ? `${title(h.detail).en} · ${title(h.detail).zh}` : h.detail })));
  }
  if (can(actor, 'unit', 'read'))
    found.push(...(await hits(ctx, (w) => `SELECT 'unit' AS kind, id, name_en AS label, name_zh AS detail
      FROM units ${w} ORDER BY code LIMIT ${w.param(limit)}`, new Where().search('search_text', q))));
  return found;
}

/** The load test's searches (Chinese simplified and traditional, pinyin, Latin with and without accents) and a few broad ones. */
const SEARCHES = ['unit', '王振义', '王振義', 'Wang Zhenyi', 'wang zhen-yi', '医学', '醫學', '上海', 'paris cite', 'universite paris cite', 'Karolinska', 'sorbonne', 'lyon', 'hopkins', 'WHO', 'ruijin', 'chen zhu', 'zhu', 'marseille', 'strasbourg', 'geneve', 'a', 'e', 'professor', 'hospital', '2019', 'zzzz-nothing'];

describe('the header’s search in one statement', () => {
  it('finds the same hits in the same order as one query per kind, for every role and a coordinator of each unit', async () => {
    const actors: Actor[] = [
      ...ROLES.filter((r) => r !== 'coordinator').map((role) => ({ ...SYSTEM_ACTOR, role })),
      ...[t.units.a, t.units.b].map((unitId) => ({ ...SYSTEM_ACTOR, role: 'coordinator' as const, unitId })),
    ];
    let found = 0;
    const kinds = new Set<string>();
    for (const actor of actors) {
      const ctx = requestContext(actor, t.db);
      for (const q of SEARCHES) {
        for (const limit of [10, 3]) {
          const expected = await perKind(ctx, q, limit);
          expect(await searchAll(ctx, q, limit), `${actor.role} ${actor.unitId ?? ''} ${q} ${limit}`).toEqual(expected);
          found += expected.length;
          for (const h of expected) kinds.add(h.kind);
        }
      }
    }
    // The comparison is of something: hits of every kind were found.
    expect(found).toBeGreaterThan(50);
    expect([...kinds].sort()).toEqual(['agreement', 'appointment', 'conference', 'institution', 'person', 'unit', 'visit']);
  });
});
