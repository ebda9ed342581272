import { addDays } from '../shared/calendar.ts';
import type { VisitPurpose } from '../shared/contracts/visits.ts';
import type { AppointmentSpec } from './demo-experts-plan.ts';
import { DORMANT_PARTNERS, INBOUND_INSTITUTIONS, universitiesOf, yearOf } from './demo-inbound-world.ts';
import { daysBetween, fromInstitution, unitNames, type Origin, type VisitPlanner, type VisitSpec, type VisitStep } from './demo-visits-plan.ts';
import { UNIT_FIELDS, visitTitle, type Bilingual } from './demo-visit-texts.ts';
import { displayName } from './demo-inbound-people.ts';

// Former and prospective partners with no visit in recent years (Copenhagen's delegation is planned apart).
const QUIET = new Set(['clermont', 'uppsala', 'uq', 'tubingen']);

const PURPOSES: ReadonlyArray<readonly [VisitPurpose, number]> = [
  ['academic_exchange', 42], ['lecturing', 10], ['courtesy_visit', 16], ['negotiation_signing', 9], ['inspection', 14], ['other', 9],
];
const PARTNER_PURPOSES: ReadonlyArray<readonly [VisitPurpose, number]> = [
  ['academic_exchange', 40], ['negotiation_signing', 20], ['courtesy_visit', 20], ['inspection', 10], ['lecturing', 10],
];
// Where the visitors of the last years came from.
const COUNTRIES: ReadonlyArray<readonly [string, number]> = [
  ['US', 16], ['FR', 16], ['JP', 14], ['HK', 9], ['KR', 8], ['DE', 6], ['GB', 6], ['TW', 5], ['AU', 5], ['CA', 4], ['SG', 3],
  ['SE', 2], ['NL', 2], ['CH', 2], ['IT', 1], ['BE', 1],
];
// The consuls general in Shanghai, and one ambassador, call on the school: received at ambassador level.
const DIPLOMATS: ReadonlyArray<readonly [country: string, title: Bilingual, date: string | null]> = [
  ['US', { en: 'Consul General of the United States in Shanghai', zh: '美国驻上海总领事' }, '2020-09-15'],
  ['FR', { en: 'Consul General of France in Shanghai', zh: '法国驻上海总领事' }, '2021-10-19'],
  ['DE', { en: 'Consul General of Germany in Shanghai', zh: '德国驻上海总领事' }, '2022-11-08'],
  ['JP', { en: 'Consul General of Japan in Shanghai', zh: '日本驻上海总领事' }, null],
  ['HU', { en: 'Ambassador of Hungary to China', zh: '匈牙利驻华大使' }, null],
];

/** Visits of each partner in the last two years, so that its agreements are not dormant; the dormant ones' last visits are older. */
function partnerVisits(p: VisitPlanner): void {
  for (const i of INBOUND_INSTITUTIONS) {
    if (QUIET.has(i.key) || i.key === 'copenhagen') continue;
    const origin = fromInstitution(i.key);
    const dormant = DORMANT_PARTNERS.includes(i.key);
    const start = dormant ? p.daysAgo(800, 1250) : p.daysAgo(20, 640);
    const president = !dormant && !i.organization && i.units.includes('SJTUSM') && p.rng.chance(0.45);
    // An organization comes to review the working arrangement, or on a courtesy call.
    const purpose: VisitPurpose = i.organization ? p.rng.pick(['negotiation_signing', 'courtesy_visit'] as const) : p.rng.weighted(PARTNER_PURPOSES);
    p.delegationVisit(origin, p.unitFor(origin), purpose, start, president ? { level: 'university_president', headTitle: 'President', size: p.rng.int(3, 6) } : {});
  }
  // The Danish delegation whose visit led to the agreement now under review.
  p.delegationVisit(fromInstitution('copenhagen'), 'SJTUSM', 'negotiation_signing', p.daysAgo(240, 330), { size: 4 });
  for (const key of ['clermont', 'uppsala']) p.delegationVisit(fromInstitution(key), p.unitFor(fromInstitution(key)), 'academic_exchange', p.daysAgo(1000, 1300));
}

/** The pandemic years (a few delegations in January 2020, then only diplomats posted in China), and the diplomats' calls since. */
function pandemicVisits(p: VisitPlanner): void {
  for (const [key, day] of [['tokyo', '2020-01-07'], ['jhu', '2020-01-09'], ['sorbonne', '2020-01-14'], ['heidelberg', '2020-01-16']] as const)
    p.delegationVisit(fromInstitution(key), p.unitFor(fromInstitution(key)), 'academic_exchange', day);
  for (const [country, title, date] of DIPLOMATS) {
    const start = date ?? p.daysAgo(60, 500);
    // Diplomats of their own: never drawn from the pool of visiting physicians.
    const head = p.people.invent(p.rng, `diplomat:${country}`, { country, institutionKey: null, title: title.en, unitCode: 'SJTUSM' });
    const aideTitle = country === 'HU' ? 'Counsellor, Embassy of Hungary in Beijing' : 'Consul for Education and Science';
    const aide = p.people.invent(p.rng, `diplomat:${country}:aide`, { country, institutionKey: null, title: aideTitle, unitCode: 'SJTUSM' });
    const members = [{ personKey: head.key, role: 'Head of delegation' }, { personKey: aide.key, role: 'Member' }];
    const name = nameOf(p, head.key);
    p.took({
      unitCode: 'SJTUSM',
      purpose: 'courtesy_visit',
      start,
      days: 1,
      members,
      level: 'ambassador',
      visitors: { kind: 'person', name, title: title.en, from: null },
      title: { en: `Courtesy visit of ${name.en}, ${title.en}`, zh: `${title.zh}${name.zh}礼节性拜访` },
    });
  }
}

/** The experts' own stays: lectures and work with the unit that appointed them, during their term. */
function expertVisits(p: VisitPlanner, appointments: readonly AppointmentSpec[]): void {
  const inForce = appointments.filter((a) => a.fate === 'appointed' && !a.renewal && a.startDate <= p.today && a.endDate >= p.today);
  for (const a of inForce) p.enrol(a.personKey, a.institutionKey ? fromInstitution(a.institutionKey) : { country: p.people.get(a.personKey).nationality, institution: null });
  // Honorary professors come less often than those who teach here.
  const visiting = inForce.filter((a) => a.title !== 'honorary_professor' || p.rng.chance(0.3));
  for (let n = 0; n < 25; n++) {
    const a = p.rng.pick(visiting);
    const earliest = a.startDate > addDays(p.today, -1400) ? a.startDate : addDays(p.today, -1400);
    const span = daysBetween(earliest, addDays(p.today, -10));
    if (span < 0) continue;
    const start = addDays(earliest, p.rng.int(0, span));
    if (!p.free(a.personKey, start)) continue;
    p.attend(a.personKey, start);
    const expert = p.people.get(a.personKey);
    const home = a.institutionKey ? fromInstitution(a.institutionKey).institution! : null;
    p.took({
      unitCode: a.unitCode,
      purpose: p.rng.chance(0.6) ? 'lecturing' : 'academic_exchange',
      start,
      days: p.rng.int(3, 14),
      members: [{ personKey: a.personKey, role: null }],
      visitors: { kind: 'person', name: nameOf(p, a.personKey), title: expert.title, from: home ? { en: home.nameEn.replace(/^The /, ''), zh: home.nameZh } : null },
    });
  }
}

/** A person's name as a title writes it: in Latin script in English, by the characters in Chinese when there are any. */
function nameOf(p: VisitPlanner, personKey: string): Bilingual {
  const person = p.people.get(personKey);
  return { en: displayName(person), zh: person.nameZh ?? displayName(person) };
}

/** The delegations of the years since 2023, more each year as exchanges pick up again after the pandemic. */
function recentVisits(p: VisitPlanner, count: number): void {
  for (let n = 0; n < count; n++) {
    const start = addDays(p.today, -Math.round(5 + 1415 * (1 - p.rng.next() ** 0.7)));
    const country = p.rng.weighted(COUNTRIES);
    const universities = universitiesOf(country, yearOf(start), true);
    const origin: Origin = universities.length && p.rng.chance(0.7) ? fromInstitution(p.rng.pick(universities).key) : { country, institution: null };
    let purpose = p.rng.weighted(PURPOSES);
    if (!origin.institution && purpose === 'negotiation_signing') purpose = 'academic_exchange';
    p.delegationVisit(origin, p.unitFor(origin), purpose, start);
  }
}

/**
 * The visits still in the office's hands: held with the report overdue (four) or not yet due,
 * approved and requested for the coming months, one rejected and two cancelled.
 */
function pendingVisits(p: VisitPlanner): void {
  const origins = () => fromInstitution(p.rng.pick(INBOUND_INSTITUTIONS.filter((i) => !i.organization && !QUIET.has(i.key) && !DORMANT_PARTNERS.includes(i.key) && i.since <= yearOf(p.today))).key);
  for (let n = 0; n < 4; n++) p.delegationVisit(origins(), 'SJTUSM', 'academic_exchange', p.daysAgo(45, 160), { held: true });
  for (let n = 0; n < 2; n++) p.delegationVisit(origins(), 'RUIJIN', 'academic_exchange', p.daysAgo(2, 12), { held: true });
  const plan = (steps: Array<[VisitStep['to'], number]>, requested: number, start: number, purpose: VisitPurpose) => {
    const origin = origins();
    const unitCode = p.unitFor(origin);
    const startDate = addDays(p.today, start);
    const members = p.delegation(origin, unitCode, startDate, p.size());
    const unit = unitNames(unitCode);
    const title = visitTitle(purpose, members.length === 1 ? { kind: 'person', name: nameOf(p, members[0]!.personKey), title: p.people.get(members[0]!.personKey).title, from: p.from(origin) } : { kind: 'delegation', from: p.from(origin) }, p.rng.pick(UNIT_FIELDS[unitCode]!), unit);
    p.visits.push({
      titleEn: title.en,
      titleZh: title.zh,
      hostUnitCode: unitCode,
      purpose,
      startDate,
      endDate: addDays(startDate, p.rng.int(0, 3)),
      protocolLevel: 'other',
      receivingOfficial: null,
      members,
      requestedOn: addDays(p.today, requested),
      steps: steps.map(([to, on]) => ({ to, on: addDays(p.today, on) })),
    });
  };
  for (let n = 0; n < 3; n++) plan([['approved', -p.rng.int(1, 9)]], -p.rng.int(10, 40), p.rng.int(10, 60), 'academic_exchange');
  for (let n = 0; n < 3; n++) plan([], -p.rng.int(0, 14), p.rng.int(40, 150), p.rng.pick(['academic_exchange', 'lecturing', 'negotiation_signing'] as const));
  plan([['rejected', -75]], -90, -30, 'other');
  plan([['approved', -100], ['cancelled', -60]], -120, -45, 'academic_exchange');
  plan([['approved', -30], ['cancelled', -3]], -50, 20, 'courtesy_visit');
}

/**
 * Plans the individual visits since 2020 (about 170: the visits service costs four
 * transactions a visit, and the demo loads on first start), relative to `today` where
 * "recent" matters: every partner but the dormant ones visited in the last two years, the
 * experts' stays, the delegations since the pandemic, and the visits still in progress.
 */
export function planVisits(p: VisitPlanner, appointments: readonly AppointmentSpec[]): VisitSpec[] {
  partnerVisits(p);
  pandemicVisits(p);
  expertVisits(p, appointments);
  recentVisits(p, 60);
  pendingVisits(p);
  return p.visits;
}
