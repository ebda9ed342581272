import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { institutionBody, personBody } from '../../test/factories.ts';
import { parseOrThrow } from '../../core/errors.ts';
import { requestContext } from '../../core/request-context.ts';
import { SYSTEM_ACTOR } from '../../policies/actor.ts';
import { ApplicationInput } from '../../../shared/contracts/exchanges.ts';
import { createApplications, type ApplicationStepInput } from './exchanges.service.ts';

let t: TestServer;
let officer: Client;
let lyon: number;
const people: number[] = [];
beforeAll(async () => {
  t = await startTestServer();
  officer = await t.as('officer');
  lyon = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Université Claude Bernard Lyon 1', countryCode: 'FR' }))).json().id;
  for (let i = 0; i < 6; i++) people.push((await officer.post('/api/people', personBody({ familyName: 'Zhang', givenName: `Wei ${i}`, nationality: 'CN', unitId: t.units.a }))).json().id);
});
afterAll(async () => t?.close());

const officerContext = () => requestContext({ ...SYSTEM_ACTOR, userId: t.userIds.officer, role: 'officer', unitId: null }, t.db);
const count = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

async function opportunity(academicYear: number, places: number): Promise<number> {
  const r = await officer.post('/api/exchange-opportunities', {
    titleEn: `Semester in Lyon ${academicYear} (${places})`, kind: 'semester_exchange', hostInstitutionId: lyon, places, academicYear, unitId: t.units.a,
    startsOn: '2024-09-01', endsOn: '2025-01-31', applicationsCloseOn: '2024-03-31',
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

/** An application's person-time as the ledger holds it, without what names the source. */
async function ledgerOf(id: number) {
  const { rows } = await t.db.query(
    `SELECT direction, who, person_id AS "personId", count, category, country_code AS "countryCode", institution_id AS "institutionId", unit_id AS "unitId",
            start_date::text AS "startDate", end_date::text AS "endDate", source_document AS document
     FROM ledger WHERE source_module = 'exchange_application' AND source_id = $1`,
    [id],
  );
  return rows;
}
const stored = async (opportunityId: number) =>
  (await t.db.query('SELECT * FROM exchange_applications WHERE opportunity_id = $1 ORDER BY id', [opportunityId])).rows.map(({ id: _i, opportunity_id: _o, created_at: _c, updated_at: _u, ewp_omobility_id: _e, ...rest }) => rest);
const auditOf = async (entity: string, id: number) =>
  (await t.db.query<{ action: string; after: Record<string, unknown> }>('SELECT action, after FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY id', [entity, String(id)])).rows;
const withoutIds = ({ id: _i, opportunityId: _o, createdAt: _c, updatedAt: _u, ...rest }: Record<string, unknown>) => rest;

/**
 * Six students for three places: the best holds a place elsewhere that year (passed over), the
 * next three are selected and nominated (one returns, one withdraws, one is still away), one
 * waitlisted is rejected, the last takes the place the withdrawal freed.
 */
function planned(): Array<{ body: Record<string, unknown>; steps: ApplicationStepInput[] }> {
  const body = (i: number, score: number, more: object = {}) => ({ personId: people[i], appliedOn: `2024-03-0${i + 1}`, score, languageCertificate: 'IELTS 7.0', ...more });
  return [
    { body: body(5, 99), steps: [] },
    { body: body(0, 95, { departureDate: '2024-09-01' }), steps: [{ to: 'nominated', on: '2024-05-20' }, { to: 'departed', on: '2024-09-01' }, { to: 'returned', on: '2025-01-31' }] },
    { body: body(1, 90), steps: [{ to: 'nominated', on: '2024-05-20' }, { to: 'withdrawn', on: '2024-06-15' }] },
    { body: body(2, 85, { departureDate: '2024-09-02' }), steps: [{ to: 'nominated', on: '2024-05-20' }, { to: 'departed', on: '2024-09-03' }] },
    { body: body(3, 80), steps: [{ to: 'rejected', on: '2024-06-01' }] },
    { body: body(4, 75), steps: [{ to: 'selected', on: '2024-06-20' }] },
  ];
}

/** A place held by people[5] in another opportunity of `academicYear`, as the office gives it. */
async function holdElsewhere(academicYear: number): Promise<void> {
  const other = await opportunity(academicYear, 1);
  expect((await officer.post('/api/exchange-applications', { opportunityId: other, personId: people[5], appliedOn: '2024-02-01', score: 70 })).statusCode).toBe(201);
  expect((await officer.post(`/api/exchange-opportunities/${other}/allocation`, { on: '2024-04-01' })).statusCode).toBe(200);
}

describe('exchange applications: created set-based (createApplications)', () => {
  it('writes the same applications, ledger rows, allocation and final audited record as the same applications typed, allocated and stepped one by one', async () => {
    // Two academic years, the same students, so that no place of one is held in the other.
    await holdElsewhere(2024);
    await holdElsewhere(2023);
    const plan = planned();
    const batchOpportunity = await opportunity(2024, 3);
    const ledgerBefore = await count('ledger');
    const made = await createApplications(officerContext(), {
      opportunityId: batchOpportunity, allocateOn: '2024-04-15',
      applications: plan.map(({ body, steps }) => ({ input: parseOrThrow(ApplicationInput, { ...body, opportunityId: batchOpportunity }), steps })),
    });
    expect(made.map((a) => a.status)).toEqual(['submitted', 'returned', 'withdrawn', 'departed', 'rejected', 'selected']);
    expect((await count('ledger')) - ledgerBefore).toBe(2);

    // The same typed in the app: each application, the allocation, then each one's steps.
    const typedOpportunity = await opportunity(2023, 3);
    const typedIds: number[] = [];
    for (const { body } of plan) {
      const r = await officer.post('/api/exchange-applications', { ...body, opportunityId: typedOpportunity });
      expect(r.statusCode, r.body).toBe(201);
      typedIds.push(r.json().id);
    }
    expect((await officer.post(`/api/exchange-opportunities/${typedOpportunity}/allocation`, { on: '2024-04-15' })).statusCode).toBe(200);
    for (const [i, { steps }] of plan.entries())
      for (const step of steps) {
        const { version } = (await officer.get(`/api/exchange-applications/${typedIds[i]}`)).json();
        const r = await officer.post(`/api/exchange-applications/${typedIds[i]}/transitions`, { ...step, version });
        expect(r.statusCode, r.body).toBe(200);
      }
    expect((await count('ledger')) - ledgerBefore).toBe(4);

    expect(await stored(batchOpportunity)).toEqual(await stored(typedOpportunity));
    for (const [i, application] of made.entries()) {
      const typedId = typedIds[i]!;
      expect(await ledgerOf(application.id)).toEqual(await ledgerOf(typedId));
      const shown = (await officer.get(`/api/exchange-applications/${application.id}`)).json();
      const typed = (await officer.get(`/api/exchange-applications/${typedId}`)).json();
      expect(withoutIds({ ...shown, opportunity: null })).toEqual(withoutIds({ ...typed, opportunity: null }));
      expect(withoutIds(application as unknown as Record<string, unknown>)).toEqual(withoutIds(shown));
      // One audit row for the application made in one go, holding it as the last step left the typed one.
      const [created, ...more] = await auditOf('exchange_application', application.id);
      expect(more).toEqual([]);
      expect(created!.action).toBe('create');
      expect(withoutIds(created!.after)).toEqual(withoutIds((await auditOf('exchange_application', typedId)).at(-1)!.after));
    }
    // The opportunities: the places taken, the allocation's day and outcome (by student).
    const figures = async (id: number) => {
      const { placesTaken, applicants, allocatedOn, version } = (await officer.get(`/api/exchange-opportunities/${id}`)).json();
      const counted = (await officer.get(`/api/exchange-applications?opportunityId=${id}&counted=true`)).json().total;
      return { placesTaken, applicants, allocatedOn, version, counted };
    };
    expect(await figures(batchOpportunity)).toEqual(await figures(typedOpportunity));
    const outcome = async (id: number, ids: number[]) => {
      const allocation = (await auditOf('exchange_opportunity', id)).at(-1)!.after.allocation as Record<string, number[]>;
      return Object.fromEntries(['selected', 'waitlisted', 'skipped'].map((k) => [k, allocation[k]!.map((appId) => ids.indexOf(appId))]));
    };
    expect(await outcome(batchOpportunity, made.map((a) => a.id))).toEqual(await outcome(typedOpportunity, typedIds));
    expect(await outcome(batchOpportunity, made.map((a) => a.id))).toEqual({ selected: [1, 2, 3], waitlisted: [4, 5], skipped: [0] });
  });

  it('names the application of a batch that is refused by its index, and writes nothing', async () => {
    const o = await opportunity(2022, 1);
    const applications = await count('exchange_applications');
    const audits = await count('audit_log');
    const input = (i: number, more: object = {}) => parseOrThrow(ApplicationInput, { opportunityId: o, personId: people[i], appliedOn: '2024-03-01', score: 90 - i, ...more });
    const run = (list: Array<{ input: ReturnType<typeof input>; steps: ApplicationStepInput[] }>, allocateOn?: string, ctx = officerContext()) =>
      createApplications(ctx, { opportunityId: o, applications: list, ...(allocateOn ? { allocateOn } : {}) });
    await expect(run([{ input: input(0), steps: [] }, { input: input(0), steps: [] }])).rejects.toMatchObject({ code: 'exchange_already_applied', extra: { fields: [{ field: '1.personId' }] } });
    await expect(run([{ input: input(0), steps: [] }, { input: { ...input(1), personId: 999_999 }, steps: [] }])).rejects.toMatchObject({ extra: { fields: [{ field: '1.personId', reason: 'unknown_reference' }] } });
    // The one place taken by the allocation: the waitlisted cannot be selected too.
    await expect(run([{ input: input(0), steps: [] }, { input: input(1), steps: [{ to: 'selected', on: '2024-05-01' }] }], '2024-04-15')).rejects.toMatchObject({ code: 'exchange_places_full', extra: { fields: [{ field: '1.to' }] } });
    await expect(run([{ input: input(0), steps: [{ to: 'rejected', on: '2024-02-01' }] }])).rejects.toMatchObject({ extra: { fields: [{ field: '0.on', reason: 'before_applied' }] } });
    await expect(run([{ input: input(0), steps: [{ to: 'departed', on: '2024-09-01' }] }])).rejects.toMatchObject({ extra: { fields: [{ field: '0.to', reason: 'illegal_transition' }] } });
    await expect(run([{ input: input(0, { appliedOn: '2024-05-01' }), steps: [] }], '2024-04-15')).rejects.toMatchObject({ extra: { fields: [{ field: 'allocateOn', reason: 'before_applied' }] } });
    // The allocation is the office's.
    const coordinator = requestContext({ ...SYSTEM_ACTOR, userId: t.userIds.coordinatorA, role: 'coordinator', unitId: t.units.a }, t.db);
    await expect(run([{ input: input(0), steps: [] }], '2024-04-15', coordinator)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await count('exchange_applications')).toBe(applications);
    expect(await count('audit_log')).toBe(audits);
  });
});
