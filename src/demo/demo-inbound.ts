import type { Db } from '../server/db/client.ts';
import type { Cipher } from '../server/security/personal-data.ts';
import { officeToday } from '../shared/calendar.ts';
import { seededRng } from './demo-random.ts';
import { loadPeople, PeoplePlan } from './demo-inbound-people.ts';
import { loadInboundRefs } from './demo-inbound-context.ts';
import { DORMANT_PARTNERS, yearOf } from './demo-inbound-world.ts';
import { planExperts, type AppointmentSpec } from './demo-experts-plan.ts';
import { loadExperts } from './demo-experts.ts';
import { VisitPlanner, type VisitSpec } from './demo-visits-plan.ts';
import { planVisits } from './demo-visits-schedule.ts';
import { planNotableVisits } from './demo-notable-visits.ts';
import { loadVisits } from './demo-visits.ts';
import { planConferences, type ConferenceSpec } from './demo-conferences-plan.ts';
import { attendeeLists } from './demo-conference-attendees.ts';
import { loadConferences } from './demo-conferences.ts';
import { loadInboundAggregates, planInboundAggregates, type RecordedPersonTimes } from './demo-inbound-aggregates.ts';
import { idOf } from './demo-inbound-people.ts';

/** Everything the inbound demo will write, planned before anything is written. */
export interface InboundPlan {
  people: PeoplePlan;
  experts: ReturnType<typeof planExperts>;
  visits: VisitSpec[];
  conferences: ConferenceSpec[];
  aggregates: ReturnType<typeof planInboundAggregates>;
}

const took = (steps: ReadonlyArray<{ to: string }>) => steps.some((s) => s.to === 'held') && !steps.some((s) => s.to === 'cancelled');

/** The person-times the visits and conferences will write, as the aggregates must leave room for them. */
function recorded(plan: Pick<InboundPlan, 'people' | 'visits' | 'conferences'>): RecordedPersonTimes[] {
  const rows: RecordedPersonTimes[] = [];
  for (const v of plan.visits.filter((x) => took(x.steps)))
    for (const m of v.members) rows.push({ year: yearOf(v.startDate), country: plan.people.get(m.personKey).nationality, category: v.purpose, count: 1 });
  for (const c of plan.conferences.filter((x) => took(x.steps))) rows.push({ year: yearOf(c.startDate), country: null, category: 'conference', count: c.foreignParticipants });
  return rows;
}

/**
 * People an attendee list may name by their record on `date`: experts of `country` holding a
 * title then, and visitors who came before; none from a partner kept dormant.
 */
function knownPeople(people: PeoplePlan, appointments: readonly AppointmentSpec[]) {
  const terms = new Map<string, AppointmentSpec[]>();
  for (const a of appointments.filter((x) => x.fate === 'appointed')) terms.set(a.personKey, [...(terms.get(a.personKey) ?? []), a]);
  return (country: string, date: string): string[] =>
    people.specs
      .filter((p) => p.nationality === country && !(p.institutionKey && DORMANT_PARTNERS.includes(p.institutionKey)))
      .filter((p) => p.key.startsWith('visitor:') || (terms.get(p.key) ?? []).some((a) => a.startDate <= date && a.endDate >= date))
      .map((p) => p.key);
}

/**
 * Plans the inbound demo for a load on `today`: experts and appointments, the seed's four
 * notable visits, the visits since 2020, the conferences since 1980, and the annual counts
 * that bring the inbound person-times since 1980 to about 50,000. Pure: the same plan for the
 * same day, on any machine.
 */
export function planInbound(today: string, countries: Map<string, { nameEn: string; nameZh: string }>): InboundPlan {
  const people = new PeoplePlan();
  const experts = planExperts(seededRng('inbound:experts'), today, people);
  const planner = new VisitPlanner(seededRng('inbound:visits'), today, people, countries);
  planNotableVisits(planner);
  planVisits(planner, experts.appointments);
  const visits = [...planner.visits].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const lists = attendeeLists(seededRng('inbound:attendees'), people, knownPeople(people, experts.appointments));
  const conferences = planConferences(seededRng('inbound:conferences'), today, lists);
  const aggregates = planInboundAggregates(recorded({ people, visits, conferences }));
  return { people, experts, visits, conferences, aggregates };
}

/**
 * Loads the inbound demo onto a database with the demo organization and the partners'
 * agreements: the foreign experts with their appointments and documents, the visits (with
 * the four the seed names), the conferences hosted since 1980 and the annual statistics of
 * the years before individual records. Every record goes through its module's service, as a
 * user's would, and is audited; dates that depend on "today" are relative to `today`.
 */
export async function loadDemoInbound(db: Db, cipher: Cipher, today = officeToday()): Promise<void> {
  const refs = await loadInboundRefs(db);
  const plan = planInbound(today, refs.countries);
  const people = await loadPeople(db, cipher, plan.people.specs, refs);
  await loadExperts(db, cipher, plan.experts, refs, people);
  await loadVisits(db, plan.visits, { units: refs.units, people });
  await loadConferences(db, cipher, plan.conferences, { units: refs.units, institutions: refs.institutions, people });
  await loadInboundAggregates(db, plan.aggregates, idOf(refs.units, 'SJTUSM'));
}
