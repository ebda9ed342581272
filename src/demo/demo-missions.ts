import type { Db } from '../server/db/client.ts';
import type { Cipher } from '../server/security/personal-data.ts';
import { systemContext } from '../server/core/request-context.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { createPeople } from '../server/modules/people/people.service.ts';
import { createMissions } from '../server/modules/missions/missions.service.ts';
import { officeToday } from '../shared/calendar.ts';
import { MissionInput, MissionTransition, MISSION_COUNTED_STATUSES } from '../shared/contracts/missions.ts';
import { PersonInput } from '../shared/contracts/people.ts';
import { seededRng } from './demo-random.ts';
import { DEMO_PEOPLE } from './demo-people.ts';
import { DEMO_PARTNERS } from './demo-partners.ts';
import { ensurePartnerInstitutions } from './demo-partner-institutions.ts';
import { idOf } from './demo-inbound-people.ts';
import { planMissions, type MissionSpec, type StaffSpec } from './demo-missions-plan.ts';
import { loadOutboundAggregates, planOutboundAggregates } from './demo-missions-aggregates.ts';

/** Everything the outbound demo will write, planned before anything is written. */
export interface OutboundPlan {
  staff: StaffSpec[];
  missions: MissionSpec[];
  aggregates: ReturnType<typeof planOutboundAggregates>;
}

/** The person-times a mission will have written once its steps are taken: its members, if it travelled. */
function personTimesOf(m: MissionSpec): number {
  const last = m.steps.at(-1)?.to ?? 'requested';
  return MISSION_COUNTED_STATUSES.includes(last) ? m.members.length : 0;
}

/**
 * Plans the outbound demo for a load on `today`: our staff who travel, the missions since 2020,
 * and the annual counts of 1954–2019 that bring the staff person-times since 1954 to about
 * 17,000 with them. Pure: the same plan for the same day, on any machine.
 */
export function planOutbound(today: string): OutboundPlan {
  const taken = new Set(DEMO_PEOPLE.map((p) => `${p.nationality}|${p.familyName}|${p.givenName ?? ''}`));
  const { staff, missions } = planMissions(seededRng('outbound:missions'), today, taken);
  const recorded = missions.reduce((s, m) => s + personTimesOf(m), 0);
  return { staff, missions, aggregates: planOutboundAggregates(recorded) };
}

/**
 * Loads the outbound demo onto a database with the demo organization and the partners: our
 * staff who travel, the missions requested through the missions service and taken through their
 * steps on their days (createMissions, all in one call) (each member of a travelled mission becomes an outbound person-time in
 * the ledger there), and the annual counts of the years before individual records.
 */
export async function loadDemoMissions(db: Db, cipher: Cipher, today = officeToday()): Promise<void> {
  const plan = planOutbound(today);
  const units = new Map((await db.query<{ code: string; id: number }>('SELECT code, id FROM units')).rows.map((u) => [u.code, u.id]));
  const partners = await ensurePartnerInstitutions(db, DEMO_PARTNERS);
  // One call for the staff: the people and audit rows createPerson writes for each, in two statements.
  const inputs = plan.staff.map((s) => parseOrThrow(PersonInput, { familyName: s.familyName, givenName: s.givenName, nameZh: s.nameZh, gender: s.gender, nationality: 'CN', title: s.title, unitId: idOf(units, s.unitCode) }));
  const made = await createPeople(systemContext(db), { inputs, cipher });
  const people = new Map(plan.staff.map((s, i) => [s.key, made[i]!.id]));
  // One call for the missions: each checked and taken through its steps as transitionMission would, written a statement a table (createMissions).
  const missions = plan.missions.map((spec) => ({
    input: parseOrThrow(MissionInput, {
      titleEn: spec.titleEn,
      titleZh: spec.titleZh,
      unitId: idOf(units, spec.unitCode),
      purpose: spec.purpose,
      startDate: spec.startDate,
      endDate: spec.endDate,
      fundingSource: spec.fundingSource,
      invitationReference: spec.invitationReference,
      destinations: spec.destinations.map((d) => ({ countryCode: d.country, institutionId: d.partnerKey ? idOf(partners, d.partnerKey) : null })),
      members: spec.members.map((m) => ({ personId: idOf(people, m.staffKey), role: m.role })),
      requestedOn: spec.requestedOn,
    }),
    // Each step parsed as its transition would be (the version is the one it would be taken at).
    steps: spec.steps.map((step, k) => {
      const { version: _v, ...parsed } = parseOrThrow(MissionTransition, { ...step, version: k + 1 });
      return { ...parsed, on: step.on };
    }),
  }));
  await createMissions(systemContext(db), { missions });
  await loadOutboundAggregates(db, plan.aggregates, idOf(units, 'SJTUSM'));
}
