import { addDays } from '../shared/calendar.ts';
import type { FundingSource, MemberRole, MissionPurpose, MissionStatus } from '../shared/contracts/missions.ts';
import type { Rng } from './demo-random.ts';
import { inventName } from './demo-names.ts';
import { DEMO_PARTNERS, type DemoPartner } from './demo-partners.ts';
import { DORMANT_PARTNERS, yearOf } from './demo-inbound-world.ts';
import { daysBetween } from './demo-visits-plan.ts';
import { CONGRESSES, DURATIONS, MISSION_PURPOSE_WEIGHTS, PURPOSE_TITLES, reportText, STAFF_PER_UNIT, STAFF_TITLES } from './demo-missions-texts.ts';

/** The first year of individual mission records; the years before enter as annual counts. */
export const MISSIONS_FROM = 2020;

/** One of our staff who travels, before it is created. */
export interface StaffSpec {
  key: string;
  familyName: string;
  givenName: string;
  nameZh: string | null;
  gender: 'male' | 'female';
  title: string;
  unitCode: string;
}

/** A step of a mission's workflow, on its day. */
export interface MissionStepSpec {
  to: MissionStatus;
  on: string;
  approvalDocumentNo?: string;
  report?: string;
}

/** A mission before it is written: its fields, its members by staff key, its steps. */
export interface MissionSpec {
  titleEn: string;
  titleZh: string;
  unitCode: string;
  purpose: MissionPurpose;
  startDate: string;
  endDate: string;
  fundingSource: FundingSource;
  invitationReference: string;
  destinations: Array<{ country: string; partnerKey: string | null }>;
  members: Array<{ staffKey: string; role: MemberRole }>;
  requestedOn: string;
  steps: MissionStepSpec[];
}

/** How many missions start in a year: January 2020 before the borders closed, a few during the pandemic, then the office's usual pace. */
function missionsIn(year: number): { count: number; from: string; to: string } {
  if (year === 2020) return { count: 6, from: '2020-01-02', to: '2020-01-20' };
  if (year === 2021) return { count: 1, from: '2021-09-01', to: '2021-09-10' };
  if (year === 2022) return { count: 2, from: '2022-10-10', to: '2022-12-10' };
  return { count: 45, from: `${year}-01-03`, to: `${year}-12-20` };
}

const FUNDING: Record<MissionPurpose, ReadonlyArray<readonly [FundingSource, number]>> = {
  conference: [['research_grant', 70], ['school', 30]],
  friendly_visit: [['school', 100]],
  investigation_tour: [['school', 70], ['government', 30]],
  advanced_study: [['government', 60], ['school', 20], ['host', 20]],
  lecturing: [['host', 70], ['school', 30]],
  joint_research: [['research_grant', 60], ['host', 40]],
  other: [['school', 100]],
};

const SIZES: ReadonlyArray<readonly [number, number]> = [[1, 42], [2, 30], [3, 16], [4, 8], [5, 4]];

/** Partners a mission may go to: the partners in force, never one the demo keeps dormant (a mission is activity). */
const HOSTS: readonly DemoPartner[] = DEMO_PARTNERS.filter((p) => !DORMANT_PARTNERS.includes(p.key));

/**
 * Plans the missions since 2020 for a load on `today`: our staff who travel, and each mission
 * with its itinerary, members and steps taken on their days — approved with the office's
 * number, travelled on the first day, closed with the report within 30 days of return (a few
 * late, a few still overdue, a few rejected or cancelled), and those still to come requested
 * or approved. Pure: the same plan for the same day, on any machine.
 */
export function planMissions(rng: Rng, today: string, taken: Set<string>): { staff: StaffSpec[]; missions: MissionSpec[] } {
  const staff: StaffSpec[] = [];
  for (const [unitCode, n] of STAFF_PER_UNIT) {
    for (let i = 0; i < n; i++) {
      const name = inventName(rng, 'CN', taken);
      staff.push({ key: `staff:${unitCode}:${i}`, familyName: name.familyName, givenName: name.givenName, nameZh: name.nameZh, gender: name.gender, title: rng.weighted(STAFF_TITLES), unitCode });
    }
  }
  const away = new Map<string, Array<[string, string]>>();
  const free = (key: string, start: string, end: string) => !(away.get(key) ?? []).some(([s, e]) => s <= addDays(end, 3) && e >= addDays(start, -3));
  const horizon = addDays(today, 90);
  const starts: string[] = [];
  for (let year = MISSIONS_FROM; year <= yearOf(horizon); year++) {
    const { count, from, to } = missionsIn(year);
    const span = daysBetween(from, to);
    for (let i = 0; i < count; i++) starts.push(addDays(from, rng.int(0, span)));
  }
  const numbers = new Map<number, number>();
  const missions: MissionSpec[] = [];
  for (const startDate of starts.filter((s) => s <= horizon).sort()) {
    const purpose = yearOf(startDate) === 2021 ? 'advanced_study' : rng.weighted(MISSION_PURPOSE_WEIGHTS);
    const [min, max] = DURATIONS[purpose];
    const endDate = addDays(startDate, rng.int(min, max) - 1);
    const unitCode = rng.weighted(STAFF_PER_UNIT);
    const size = purpose === 'advanced_study' ? 1 : Math.min(rng.weighted(SIZES), purpose === 'conference' ? 3 : 5);
    const pool = rng.shuffle(staff.filter((s) => s.unitCode === unitCode && free(s.key, startDate, endDate)));
    if (!pool.length) continue;
    const members = pool.slice(0, size).map((s, i, all) => ({ staffKey: s.key, role: (all.length === 1 ? 'member' : i === 0 ? 'leader' : i === all.length - 1 && all.length >= 4 ? 'secretary' : 'member') as MemberRole }));
    for (const m of members) away.set(m.staffKey, [...(away.get(m.staffKey) ?? []), [startDate, endDate]]);
    const texts = describe(rng, purpose, startDate);
    const requestedOn = minDate(addDays(startDate, -rng.int(25, 60)), today);
    const steps = stepsOf(rng, { startDate, endDate, requestedOn, today, titleEn: texts.titleEn, titleZh: texts.titleZh }, numbers);
    missions.push({ ...texts, unitCode, purpose, startDate, endDate, fundingSource: rng.weighted(FUNDING[purpose]), members, requestedOn, steps });
  }
  return { staff, missions };
}

const minDate = (a: string, b: string) => (a < b ? a : b);

/** The itinerary, titles and invitation of a mission: a congress, or one or two partners of a country. */
function describe(rng: Rng, purpose: MissionPurpose, startDate: string): Pick<MissionSpec, 'titleEn' | 'titleZh' | 'destinations' | 'invitationReference'> {
  const year = yearOf(startDate);
  if (purpose === 'conference') {
    const congress = rng.pick(CONGRESSES);
    return {
      titleEn: `${congress.nameEn} ${year}`,
      titleZh: `参加${congress.nameZh}（${year}）`,
      destinations: [{ country: congress.country, partnerKey: null }],
      invitationReference: `${congress.nameEn} ${year}: registration and letter of invitation`,
    };
  }
  const host = rng.pick(HOSTS);
  const second = rng.chance(0.2) ? HOSTS.find((p) => p.country === host.country && p.key !== host.key) : undefined;
  const words = PURPOSE_TITLES[purpose];
  const hosts = [host, ...(second ? [second] : [])];
  return {
    titleEn: `${words.en} ${hosts.map((h) => h.nameEn).join(' and ')}`,
    titleZh: `赴${hosts.map((h) => h.nameZh ?? h.nameEn).join('、')}${words.zh}`,
    destinations: hosts.map((h) => ({ country: h.country, partnerKey: h.key })),
    invitationReference: `Letter of invitation from ${host.nameEn}, ${addDays(startDate, -rng.int(70, 120))}`,
  };
}

/**
 * The steps a mission has taken by `today`. The office approves within days of the request,
 * with its approval number (沪交医外〔year〕n号, numbered through the year); the mission
 * travels on its first day and is closed when its report comes in, 3 to 28 days after
 * return, now and then a little late; a few recent ones still owe their report.
 */
function stepsOf(
  rng: Rng,
  m: { startDate: string; endDate: string; requestedOn: string; today: string; titleEn: string; titleZh: string },
  numbers: Map<number, number>,
): MissionStepSpec[] {
  const { startDate, endDate, requestedOn, today } = m;
  const approvedOn = minDate(minDate(addDays(requestedOn, rng.int(4, 15)), addDays(startDate, -1)), today);
  const approval = (): MissionStepSpec => {
    const year = yearOf(approvedOn);
    const n = (numbers.get(year) ?? 0) + 1;
    numbers.set(year, n);
    return { to: 'approved', on: approvedOn, approvalDocumentNo: `沪交医外〔${year}〕${n}号` };
  };
  if (startDate > today) {
    // To come: approved once the office has had a week, else still requested; now and then turned down.
    if (rng.chance(0.06)) return [{ to: 'rejected', on: minDate(addDays(requestedOn, rng.int(3, 10)), today) }];
    return daysBetween(requestedOn, today) >= 7 && approvedOn <= today ? [approval()] : [];
  }
  const fate = rng.next();
  if (fate < 0.03) return [{ to: 'rejected', on: minDate(addDays(requestedOn, rng.int(3, 10)), today) }];
  if (fate < 0.06) return [approval(), { to: 'cancelled', on: minDate(addDays(startDate, -rng.int(1, 10)), today) }];
  const steps: MissionStepSpec[] = [approval(), { to: 'travelled', on: startDate }];
  if (endDate >= today) return steps;
  const late = daysBetween(endDate, today) > 30 && daysBetween(endDate, today) < 240 && rng.chance(0.05);
  const closedOn = addDays(endDate, rng.chance(0.08) ? rng.int(31, 45) : rng.int(3, 28));
  if (!late && closedOn <= today) steps.push({ to: 'closed', on: closedOn, report: reportText(m.titleZh, m.titleEn) });
  return steps;
}
