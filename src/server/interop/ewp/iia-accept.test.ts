import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, succeeded, type TestServer } from '../../test/harness.ts';
import { agreementBody, institutionBody } from '../../test/factories.ts';
import type { Agreement } from '../../../shared/contracts/agreements.ts';
import type { IiaDifference } from '../../../shared/contracts/ewp-iia-copies.ts';

// Issue 13, the agreement page: the office accepts the partner's value of a term its copy of the IIA
// states otherwise (the copies are the pull's; here they are written straight into ewp_iia_copies).

let t: TestServer;
let partner = 0;
let serial = 0;
beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  partner = (await succeeded(officer.post('/api/institutions', institutionBody({ nameEn: 'Karolinska Institutet', countryCode: 'SE', schac: 'ki.se' })))).id;
});
afterAll(async () => t?.close());

/** A collegiate exchange agreement of unit A, with a partner's copy that differs on `differences`. */
async function agreementWithCopy(overrides: Record<string, unknown>, differences: IiaDifference[]) {
  const officer = await t.as('officer');
  const agreement = await succeeded<Agreement>(
    officer.post('/api/agreements', agreementBody([partner], { kind: 'student_exchange', level: 'collegiate', unitId: t.units.a, ...overrides })),
  );
  const iiaId = `KI-IIA-${++serial}`;
  await t.db.query(
    `INSERT INTO ewp_iia_copies (partner_hei_id, partner_iia_id, agreement_id, terms, differences, pulled_at) VALUES ('ki.se', $1, $2, '{}', $3, now())`,
    [iiaId, agreement.id, JSON.stringify(differences)],
  );
  return { agreement, iiaId };
}

const storedDifferences = async (agreementId: number) =>
  (await t.db.query<{ differences: IiaDifference[] }>('SELECT differences FROM ewp_iia_copies WHERE agreement_id = $1', [agreementId])).rows[0]!.differences;
const auditRows = async (agreementId: number) =>
  (await t.db.query<{ action: string; before: Record<string, unknown>; after: Record<string, unknown> }>(`SELECT action, before, after FROM audit_log WHERE entity = 'agreement' AND entity_id = $1 ORDER BY id`, [String(agreementId)])).rows;

describe("accepting a partner's value of an IIA term", () => {
  it("an officer accepts the partner's quota: the agreement changes, its version moves, the audit names the partner's IIA, the difference is gone", async () => {
    const ours = 2;
    const theirs = ours + 3;
    const yearDifference: IiaDifference = { field: 'firstAcademicYear', ours: '2024/2025', theirs: '2025/2026' };
    const { agreement, iiaId } = await agreementWithCopy({ studentsInPerYear: ours }, [{ field: 'studentsInPerYear', ours, theirs }, yearDifference]);
    const officer = await t.as('officer');

    const response = await officer.post(`/api/agreements/${agreement.id}/ewp/accept`, { field: 'studentsInPerYear', version: agreement.version });
    expect(response.statusCode, response.body).toBe(200);
    const changed = response.json() as Agreement;
    expect(changed.studentsInPerYear).toBe(theirs);
    expect(changed.version).toBe(agreement.version + 1);
    expect(((await officer.get(`/api/agreements/${agreement.id}`)).json() as Agreement).studentsInPerYear).toBe(theirs);

    const audit = await auditRows(agreement.id);
    expect(audit.map((r) => r.action)).toEqual(['create', 'update']);
    expect(audit[1]!.before.studentsInPerYear).toBe(ours);
    expect(audit[1]!.after).toMatchObject({ studentsInPerYear: theirs, acceptedFromPartnerIia: { partnerHeiId: 'ki.se', partnerIiaId: iiaId, field: 'studentsInPerYear' } });

    // the accepted field is no longer listed; the others are
    expect(await storedDifferences(agreement.id)).toEqual([yearDifference]);
    // accepting it again: nothing left to accept
    const again = await officer.post(`/api/agreements/${agreement.id}/ewp/accept`, { field: 'studentsInPerYear', version: changed.version });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('ewp_no_difference');
  });

  it('takes the languages and what the places are for as the agreement stores them, and a coordinator accepts on their own unit', async () => {
    const { agreement } = await agreementWithCopy({ languageSkills: ['fr B2'] }, [
      { field: 'languageSkills', ours: ['fr B2'], theirs: ['en B2', 'sv A2'] },
      { field: 'studentMobility', ours: null, theirs: 'studies' },
    ]);
    const coordinator = await t.as('coordinatorA');
    const first = await succeeded<Agreement>(coordinator.post(`/api/agreements/${agreement.id}/ewp/accept`, { field: 'languageSkills', version: agreement.version }));
    expect(first.languageSkills).toEqual(['en B2', 'sv A2']);
    const second = await succeeded<Agreement>(coordinator.post(`/api/agreements/${agreement.id}/ewp/accept`, { field: 'studentMobility', version: first.version }));
    expect(second.studentMobility).toBe('studies');
    expect(await storedDifferences(agreement.id)).toEqual([]);
  });

  it("is out of reach of another unit's coordinator (404) and of roles that may not change agreements (403); nothing changes", async () => {
    const { agreement } = await agreementWithCopy({ staffOutPerYear: 1 }, [{ field: 'staffOutPerYear', ours: 1, theirs: 3 }]);
    const body = { field: 'staffOutPerYear', version: agreement.version };
    expect((await (await t.as('coordinatorB')).post(`/api/agreements/${agreement.id}/ewp/accept`, body)).statusCode).toBe(404);
    expect((await (await t.as('viewer')).post(`/api/agreements/${agreement.id}/ewp/accept`, body)).statusCode).toBe(403);
    expect((await (await t.as('leader')).post(`/api/agreements/${agreement.id}/ewp/accept`, body)).statusCode).toBe(403);
    expect((await (await t.as('officer')).get(`/api/agreements/${agreement.id}`)).json()).toMatchObject({ staffOutPerYear: 1, version: agreement.version });
    expect(await storedDifferences(agreement.id)).toHaveLength(1);
    expect((await auditRows(agreement.id)).map((r) => r.action)).toEqual(['create']);
  });

  it('at a stale version: 409 with the current agreement, and neither the agreement nor the difference changes', async () => {
    const { agreement } = await agreementWithCopy({ studentsOutPerYear: 2 }, [{ field: 'studentsOutPerYear', ours: 2, theirs: 6 }]);
    const officer = await t.as('officer');
    const saved = await succeeded<Agreement>(officer.patch(`/api/agreements/${agreement.id}`, { notes: 'Saved in between', version: agreement.version }));
    const response = await officer.post(`/api/agreements/${agreement.id}/ewp/accept`, { field: 'studentsOutPerYear', version: agreement.version });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'version_conflict', current: { version: saved.version } });
    expect((await officer.get(`/api/agreements/${agreement.id}`)).json()).toMatchObject({ studentsOutPerYear: 2, version: saved.version });
    expect(await storedDifferences(agreement.id)).toHaveLength(1);
  });

  it('refuses a field the copy does not differ on with 400 naming the field, in the caller’s language', async () => {
    const { agreement } = await agreementWithCopy({ staffInPerYear: 1 }, [{ field: 'staffInPerYear', ours: 1, theirs: 2 }]);
    const officer = await t.as('officer');
    for (const [lang, words] of [['en', 'nothing to accept'], ['fr', 'rien à accepter'], ['zh', '无可接受']] as const) {
      const response = await officer.post(`/api/agreements/${agreement.id}/ewp/accept`, { field: 'staffMobility', version: agreement.version }, { 'accept-language': lang });
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe('ewp_no_difference');
      expect(error.fields).toEqual([{ field: 'staffMobility', message: expect.stringContaining(words) }]);
      expect(error.message).toContain('staffMobility');
    }
    expect((await auditRows(agreement.id)).map((r) => r.action)).toEqual(['create']);
  });

  it('takes only from the copy the page shows (the latest one pulled): a difference of an older copy is not accepted', async () => {
    const { agreement } = await agreementWithCopy({ staffInPerYear: 1 }, [{ field: 'staffInPerYear', ours: 1, theirs: 2 }]);
    await t.db.query(`INSERT INTO ewp_iia_copies (partner_hei_id, partner_iia_id, agreement_id, terms, differences, pulled_at) VALUES ('ki.se', 'KI-IIA-LATER', $1, '{}', '[]', now() + interval '1 minute')`, [agreement.id]);
    const officer = await t.as('officer');
    expect((await officer.get(`/api/agreements/${agreement.id}/ewp`)).json().copy).toMatchObject({ partnerIiaId: 'KI-IIA-LATER', differences: [] });
    const response = await officer.post(`/api/agreements/${agreement.id}/ewp/accept`, { field: 'staffInPerYear', version: agreement.version });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('ewp_no_difference');
  });

  it('refuses the academic years, which the contract does not let be accepted field by field', async () => {
    const { agreement } = await agreementWithCopy({}, [{ field: 'lastAcademicYear', ours: '2026/2027', theirs: '2027/2028' }]);
    const response = await (await t.as('officer')).post(`/api/agreements/${agreement.id}/ewp/accept`, { field: 'lastAcademicYear', version: agreement.version });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['field']);
    expect(await storedDifferences(agreement.id)).toHaveLength(1);
  });

  it("refuses a partner's value the agreement cannot hold, naming the field, and changes nothing", async () => {
    const { agreement } = await agreementWithCopy({}, [{ field: 'staffMobility', ours: null, theirs: 'sabbatical' }]);
    const response = await (await t.as('officer')).post(`/api/agreements/${agreement.id}/ewp/accept`, { field: 'staffMobility', version: agreement.version });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['staffMobility']);
    expect(await storedDifferences(agreement.id)).toHaveLength(1);
  });
});
