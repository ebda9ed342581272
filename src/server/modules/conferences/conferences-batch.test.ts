import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { conferenceBody, institutionBody } from '../../test/factories.ts';
import { parseOrThrow } from '../../core/errors.ts';
import { requestContext } from '../../core/request-context.ts';
import { SYSTEM_ACTOR } from '../../policies/actor.ts';
import { ConferenceInput } from '../../../shared/contracts/conferences.ts';
import { createConferences, type ConferenceStepInput } from './conferences.service.ts';

let t: TestServer;
let lyon: number;
let leiden: number;
beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  lyon = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Hospices Civils de Lyon', countryCode: 'FR' }))).json().id;
  leiden = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Leiden University', countryCode: 'NL' }))).json().id;
});
afterAll(async () => t?.close());

const officerContext = () => requestContext({ ...SYSTEM_ACTOR, userId: t.userIds.officer, role: 'officer', unitId: null }, t.db);
const count = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

/** A conference's ledger rows, without what names the source. */
async function ledgerOf(id: number) {
  const { rows } = await t.db.query(
    `SELECT direction, who, person_id AS "personId", count, category, country_code AS "countryCode", institution_id AS "institutionId", unit_id AS "unitId",
            start_date::text AS "startDate", end_date::text AS "endDate", source_document AS document
     FROM ledger WHERE source_module = 'conference' AND source_id = $1 ORDER BY country_code NULLS LAST, count`,
    [id],
  );
  return rows;
}

/** Conferences in every status the demo leaves them in, each with the steps that bring it there. */
function planned(): Array<{ body: ReturnType<typeof conferenceBody>; steps: ConferenceStepInput[] }> {
  const partners = [{ institutionId: lyon, role: 'co-organizer' }, { institutionId: leiden, role: null }];
  const dated = (start: string, end: string, more: object = {}) => conferenceBody(t.units.a, { startDate: start, endDate: end, foreignParticipants: 60, participants: 200, countriesRepresented: 9, venue: 'Shanghai', ...more });
  return [
    { body: dated('2023-05-10', '2023-05-11'), steps: [] },
    { body: dated('2023-06-10', '2023-06-12', { partners }), steps: [{ to: 'approved', on: '2023-03-01' }] },
    { body: dated('2023-09-01', '2023-09-03', { partners, foreignParticipants: 12 }), steps: [{ to: 'approved', on: '2023-06-01' }, { to: 'held', on: '2023-09-01' }] },
    { body: dated('2023-10-01', '2023-10-02', { hostUnitId: t.units.a1 }), steps: [{ to: 'approved', on: '2023-07-01' }, { to: 'held', on: '2023-10-01' }, { to: 'closed', on: '2023-11-20', summary: 'Two days, 30 talks.' }] },
    { body: dated('2023-11-01', '2023-11-02'), steps: [{ to: 'rejected', on: '2023-08-01' }] },
  ];
}

describe('conferences: proposed set-based (createConferences)', () => {
  it('writes the same rows, co-organizers, ledger rows, figures and final audited record as the same conferences typed step by step', async () => {
    const officer = await t.as('officer');
    const plan = planned();
    const before = await count('ledger');
    const made = await createConferences(officerContext(), { conferences: plan.map(({ body, steps }) => ({ input: parseOrThrow(ConferenceInput, body), steps })) });
    expect(made.map((c) => c.status)).toEqual(['proposed', 'approved', 'held', 'closed', 'rejected']);
    const madeRows = (await count('ledger')) - before;
    expect(madeRows).toBe(2);

    const typedIds: number[] = [];
    for (const { body, steps } of plan) {
      let typed = (await officer.post('/api/conferences', body)).json();
      for (const step of steps) {
        const stepped = await officer.post(`/api/conferences/${typed.id}/transitions`, { ...step, version: typed.version });
        expect(stepped.statusCode, stepped.body).toBe(200);
        typed = stepped.json();
      }
      typedIds.push(typed.id);
    }
    expect((await count('ledger')) - before).toBe(2 * madeRows);

    const stored = async (table: string, key: string, id: number) =>
      (await t.db.query(`SELECT * FROM ${table} WHERE ${key} = $1 ORDER BY ${table === 'conferences' ? 'id' : 'position'}`, [id])).rows.map(
        ({ id: _i, conference_id: _c, created_at: _ca, updated_at: _u, search_text: search, ...rest }) => ({ ...rest, search }),
      );
    const history = async (id: number) => (await officer.get(`/api/audit?entity=conference&entityId=${id}&order=asc`)).json().items as Array<{ action: string; after: Record<string, unknown> }>;
    const withoutTimes = ({ id: _i, createdAt: _c, updatedAt: _u, titleEn: _t, titleZh: _z, ...rest }: Record<string, unknown>) => rest;
    const withoutTitles = (rows: Array<Record<string, unknown>>) => rows.map(({ title_en: _t, title_zh: _z, search: _s, ...rest }) => rest);
    for (const [i, conference] of made.entries()) {
      const typedId = typedIds[i]!;
      // The factory numbers each title: the rows are the same but for it.
      expect(withoutTitles(await stored('conferences', 'id', conference.id))).toEqual(withoutTitles(await stored('conferences', 'id', typedId)));
      expect(await stored('conference_partners', 'conference_id', conference.id)).toEqual(await stored('conference_partners', 'conference_id', typedId));
      expect((await ledgerOf(conference.id)).map((r) => ({ ...r, document: String(r.document).replace(String(conference.id), '#') }))).toEqual(
        (await ledgerOf(typedId)).map((r) => ({ ...r, document: String(r.document).replace(String(typedId), '#') })),
      );
      expect(withoutTimes((await officer.get(`/api/conferences/${conference.id}`)).json())).toEqual(withoutTimes((await officer.get(`/api/conferences/${typedId}`)).json()));
      const [created, ...more] = await history(conference.id);
      expect(more).toEqual([]);
      expect(created!.action).toBe('create');
      expect(withoutTimes(created!.after)).toEqual(withoutTimes((await history(typedId)).at(-1)!.after));
    }
  });

  it('names the conference of a batch that is refused (a step it cannot take, another unit for a coordinator) by its index, and writes nothing', async () => {
    const conferences = await count('conferences');
    const audits = await count('audit_log');
    const ok = { input: parseOrThrow(ConferenceInput, conferenceBody(t.units.a)), steps: [] };
    const unsummarised = createConferences(officerContext(), { conferences: [ok, { input: parseOrThrow(ConferenceInput, conferenceBody(t.units.a)), steps: [{ to: 'approved', on: '2024-01-01' }, { to: 'held', on: '2024-05-10' }, { to: 'closed', on: '2024-06-01' }] }] });
    await expect(unsummarised).rejects.toMatchObject({ extra: { fields: [{ field: '1.summary' }] } });
    const early = createConferences(officerContext(), { conferences: [ok, { input: parseOrThrow(ConferenceInput, conferenceBody(t.units.a)), steps: [{ to: 'approved', on: '2024-01-01' }, { to: 'held', on: '2024-05-01' }] }] });
    await expect(early).rejects.toMatchObject({ extra: { fields: [{ field: '1.on' }] } });
    const coordinator = requestContext({ ...SYSTEM_ACTOR, userId: t.userIds.coordinatorA, role: 'coordinator', unitId: t.units.a }, t.db);
    await expect(createConferences(coordinator, { conferences: [ok, { input: parseOrThrow(ConferenceInput, conferenceBody(t.units.b)), steps: [] }] })).rejects.toMatchObject({
      extra: { fields: [{ field: '1.hostUnitId', reason: 'not_allowed' }] },
    });
    await expect(createConferences(coordinator, { conferences: [ok, { input: parseOrThrow(ConferenceInput, conferenceBody(t.units.a)), steps: [{ to: 'approved', on: '2024-01-01' }] }] })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await count('conferences')).toBe(conferences);
    expect(await count('audit_log')).toBe(audits);
  });
});
