import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { institutionBody, missionBody, personBody } from '../../test/factories.ts';
import { parseOrThrow } from '../../core/errors.ts';
import { requestContext } from '../../core/request-context.ts';
import { SYSTEM_ACTOR } from '../../policies/actor.ts';
import { MissionInput } from '../../../shared/contracts/missions.ts';
import { createMissions, type MissionStepInput } from './missions.service.ts';

let t: TestServer;
let lyon: number;
let chen: number;
let li: number;
beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  lyon = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Université Claude Bernard Lyon 1', countryCode: 'FR' }))).json().id;
  chen = (await officer.post('/api/people', personBody({ familyName: 'Chen', givenName: 'Bo', nationality: 'CN', unitId: t.units.a }))).json().id;
  li = (await officer.post('/api/people', personBody({ familyName: 'Li', givenName: 'Na', nationality: 'CN', unitId: t.units.a1 }))).json().id;
});
afterAll(async () => t?.close());

const officerContext = () => requestContext({ ...SYSTEM_ACTOR, userId: t.userIds.officer, role: 'officer', unitId: null }, t.db);
const count = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

/** A mission's person-times as the ledger holds them, without what names the source. */
async function ledgerOf(missionId: number) {
  const { rows } = await t.db.query(
    `SELECT direction, who, person_id AS "personId", count, category, country_code AS "countryCode", institution_id AS "institutionId", unit_id AS "unitId",
            start_date::text AS "startDate", end_date::text AS "endDate", source_document AS "document"
     FROM ledger WHERE source_module = 'mission' AND source_id = $1 ORDER BY person_id`,
    [missionId],
  );
  return rows;
}

/** Missions in every status the demo leaves them in, each with the steps that bring it there. */
function planned(): Array<{ body: ReturnType<typeof missionBody>; steps: MissionStepInput[] }> {
  const two = { destinations: [{ institutionId: lyon }, { countryCode: 'CH' }], members: [{ personId: chen, role: 'leader' as const }, { personId: li, role: 'interpreter' as const }] };
  return [
    { body: missionBody(t.units.a, [chen], { startDate: '2023-05-10', endDate: '2023-05-14', requestedOn: '2023-03-01' }), steps: [] },
    { body: missionBody(t.units.a, [li], { startDate: '2023-06-10', endDate: '2023-06-14', requestedOn: '2023-04-01' }), steps: [{ to: 'approved', on: '2023-04-20', approvalDocumentNo: 'SJTUSM-2023-101' }] },
    { body: missionBody(t.units.a, [chen, li], { ...two, startDate: '2023-09-01', endDate: '2023-09-08', requestedOn: '2023-06-01', invitationReference: 'Lyon 2023/17' }),
      steps: [{ to: 'approved', on: '2023-06-20', approvalDocumentNo: 'SJTUSM-2023-102' }, { to: 'travelled', on: '2023-09-01' }] },
    { body: missionBody(t.units.a1, [li, chen], { ...two, startDate: '2023-10-01', endDate: '2023-10-05', requestedOn: '2023-07-01', purpose: 'joint_research', fundingSource: 'research_grant' }),
      steps: [{ to: 'approved', on: '2023-07-15', approvalDocumentNo: 'SJTUSM-2023-103' }, { to: 'travelled', on: '2023-10-01' }, { to: 'closed', on: '2023-10-20', report: 'Report of the mission' }] },
    { body: missionBody(t.units.a, [chen], { startDate: '2023-11-01', endDate: '2023-11-03', requestedOn: '2023-08-01' }), steps: [{ to: 'rejected', on: '2023-08-10' }] },
  ];
}

describe('missions: created set-based (createMissions)', () => {
  it('writes the same rows, destinations, members, ledger rows, figures and final audited record as the same missions typed step by step', async () => {
    const officer = await t.as('officer');
    const plan = planned();
    const outboundBefore = await count('ledger');
    const made = await createMissions(officerContext(), { missions: plan.map(({ body, steps }) => ({ input: parseOrThrow(MissionInput, body), steps })) });
    expect(made.map((m) => m.status)).toEqual(['requested', 'approved', 'travelled', 'closed', 'rejected']);
    const madeRows = (await count('ledger')) - outboundBefore;
    expect(madeRows).toBe(4);

    // The same missions typed in the app, step by step on the same days.
    const typedIds: number[] = [];
    for (const { body, steps } of plan) {
      let typed = (await officer.post('/api/missions', body)).json();
      for (const step of steps) {
        const stepped = await officer.post(`/api/missions/${typed.id}/transitions`, { ...step, version: typed.version });
        expect(stepped.statusCode, stepped.body).toBe(200);
        typed = stepped.json();
      }
      typedIds.push(typed.id);
    }
    expect((await count('ledger')) - outboundBefore).toBe(2 * madeRows);

    const stored = async (table: string, key: string, id: number) =>
      (await t.db.query(`SELECT * FROM ${table} WHERE ${key} = $1 ORDER BY ${table === 'missions' ? 'id' : 'position'}`, [id])).rows.map(
        ({ id: _i, mission_id: _m, created_at: _c, updated_at: _u, ...rest }) => rest,
      );
    const history = async (id: number) => (await officer.get(`/api/audit?entity=mission&entityId=${id}&order=asc`)).json().items as Array<{ action: string; after: Record<string, unknown> }>;
    const withoutTimes = ({ id: _i, createdAt: _c, updatedAt: _u, ...rest }: Record<string, unknown>) => rest;
    for (const [i, mission] of made.entries()) {
      const typedId = typedIds[i]!;
      expect(await stored('missions', 'id', mission.id)).toEqual(await stored('missions', 'id', typedId));
      expect(await stored('mission_destinations', 'mission_id', mission.id)).toEqual(await stored('mission_destinations', 'mission_id', typedId));
      expect(await stored('mission_members', 'mission_id', mission.id)).toEqual(await stored('mission_members', 'mission_id', typedId));
      expect((await ledgerOf(mission.id)).map(({ document: _d, ...rest }) => rest)).toEqual((await ledgerOf(typedId)).map(({ document: _d, ...rest }) => rest));
      expect(withoutTimes((await officer.get(`/api/missions/${mission.id}`)).json())).toEqual(withoutTimes((await officer.get(`/api/missions/${typedId}`)).json()));
      // One audit row for the mission made in one go, holding the mission as the last step left the typed one.
      const [created, ...more] = await history(mission.id);
      expect(more).toEqual([]);
      expect(created!.action).toBe('create');
      expect(withoutTimes(created!.after)).toEqual(withoutTimes((await history(typedId)).at(-1)!.after));
    }
    // Found by the approval number the step recorded, as the typed one is.
    const found = (await officer.get('/api/missions?q=SJTUSM-2023-103')).json().items.map((m: { id: number }) => m.id);
    expect(found).toEqual(expect.arrayContaining([made[3]!.id, typedIds[3]!]));
  });

  it('names the mission of a batch that is refused (a step it cannot take, another unit for a coordinator) by its index, and writes nothing', async () => {
    const missions = await count('missions');
    const audits = await count('audit_log');
    const ok = { input: parseOrThrow(MissionInput, missionBody(t.units.a, [chen])), steps: [] };
    // Approved without the approval number.
    const unnumbered = createMissions(officerContext(), { missions: [ok, { input: parseOrThrow(MissionInput, missionBody(t.units.a, [chen])), steps: [{ to: 'approved', on: '2023-04-01' }] }] });
    await expect(unnumbered).rejects.toMatchObject({ extra: { fields: [{ field: '1.approvalDocumentNo', reason: 'required' }] } });
    // Closed straight from requested.
    const skipping = createMissions(officerContext(), { missions: [ok, { input: parseOrThrow(MissionInput, missionBody(t.units.a, [chen])), steps: [{ to: 'closed', on: '2023-04-01', report: 'r' }] }] });
    await expect(skipping).rejects.toMatchObject({ extra: { fields: [{ field: '1.to' }] } });
    // A coordinator of unit A sending unit B's mission, and approving: the office's step.
    const coordinator = requestContext({ ...SYSTEM_ACTOR, userId: t.userIds.coordinatorA, role: 'coordinator', unitId: t.units.a }, t.db);
    await expect(createMissions(coordinator, { missions: [ok, { input: parseOrThrow(MissionInput, missionBody(t.units.b, [chen])), steps: [] }] })).rejects.toMatchObject({
      extra: { fields: [{ field: '1.unitId', reason: 'not_allowed' }] },
    });
    await expect(createMissions(coordinator, { missions: [ok, { input: parseOrThrow(MissionInput, missionBody(t.units.a, [chen])), steps: [{ to: 'approved', on: '2023-04-01', approvalDocumentNo: 'X-1' }] }] })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await count('missions')).toBe(missions);
    expect(await count('audit_log')).toBe(audits);
  });
});
