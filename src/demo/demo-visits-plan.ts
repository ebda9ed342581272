import { addDays } from '../shared/calendar.ts';
import type { ProtocolLevel, VisitPurpose, VisitStatus } from '../shared/contracts/visits.ts';
import { DEMO_UNITS } from './demo-organization.ts';
import type { Rng } from './demo-random.ts';
import { displayName, type PeoplePlan } from './demo-inbound-people.ts';
import { institution, type InboundInstitution } from './demo-inbound-world.ts';
import { ADJECTIVES, UNIT_FIELDS, receivingOfficial, visitReport, visitTitle, type Bilingual, type Visitors } from './demo-visit-texts.ts';

/** One visitor of a planned visit, in delegation order. */
export interface VisitMemberSpec {
  personKey: string;
  role: string | null;
}

/** One workflow step after the request, dated; closing carries the report. */
export interface VisitStep {
  to: VisitStatus;
  on: string;
  report?: string;
}

/** A visit to request, then to take through its steps. */
export interface VisitSpec {
  titleEn: string;
  titleZh: string;
  hostUnitCode: string;
  purpose: VisitPurpose;
  startDate: string;
  endDate: string;
  protocolLevel: ProtocolLevel;
  receivingOfficial: string | null;
  members: VisitMemberSpec[];
  requestedOn: string;
  steps: VisitStep[];
  notes?: string;
}

const UNIT_NAMES = new Map(DEMO_UNITS.map((u) => [u.code, { en: u.nameEn, zh: u.nameZh }]));

/** Our unit's names by code. */
export function unitNames(code: string): Bilingual {
  const names = UNIT_NAMES.get(code);
  if (!names) throw new Error(`demo inbound: no unit ${code}`);
  return names;
}

const HEAD_TITLES = ['Dean, Faculty of Medicine', 'Vice-President for International Affairs', 'Professor', 'Vice-Dean for Research', 'Director of International Relations'];
const MEMBER_TITLES: ReadonlyArray<readonly [string, number]> = [
  ['Professor', 30], ['Associate Professor', 18], ['Dr', 18], ['Senior Lecturer', 6], ['Head of International Relations', 5], ['Director of Nursing', 4], ['Research Fellow', 6],
];
const ORGANIZATION_TITLES: Record<string, string[]> = {
  who: ['Medical Officer, WHO Representative Office in China', 'Technical Officer, WHO Western Pacific Region'],
  hope: ['Country Director, Project HOPE China', 'Programme Manager, Project HOPE'],
  alliance: ['Director, Alliance Française de Shanghai', 'Head of Language Programmes, Alliance Française'],
};
const SIZES: ReadonlyArray<readonly [number, number]> = [[1, 14], [2, 16], [3, 18], [4, 18], [5, 17], [6, 17]];

/** Where visitors come from: an institution, or a country's physicians with no institution on record. */
export interface Origin {
  country: string;
  institution: InboundInstitution | null;
}

/**
 * The visit plan under construction: the people it draws on, and when each visitor was last
 * here, so that a returning visitor is never on two visits in the same month.
 */
export class VisitPlanner {
  readonly visits: VisitSpec[] = [];
  private readonly pools = new Map<string, string[]>();
  private readonly seen = new Map<string, string[]>();
  private counter = 0;

  constructor(
    readonly rng: Rng,
    readonly today: string,
    readonly people: PeoplePlan,
    private readonly countries: Map<string, { nameEn: string; nameZh: string }>,
  ) {}

  /** Makes an existing person (an expert, a public figure) a possible returning visitor of their institution. */
  enrol(personKey: string, origin: Origin): void {
    const pool = this.pools.get(this.poolKey(origin)) ?? [];
    pool.push(personKey);
    this.pools.set(this.poolKey(origin), pool);
  }

  private poolKey(origin: Origin): string {
    return origin.institution ? origin.institution.key : `country:${origin.country}`;
  }

  /** Whether a person is free to come on `date`: not here within 40 days of it already. */
  free(personKey: string, date: string): boolean {
    return !(this.seen.get(personKey) ?? []).some((d) => Math.abs(daysBetween(d, date)) < 40);
  }

  /** Notes that a person comes on `date`. */
  attend(personKey: string, date: string): void {
    this.seen.set(personKey, [...(this.seen.get(personKey) ?? []), date]);
  }

  /** A visitor from `origin` on `date`: someone who came before (almost one time in two), or a new person. */
  visitor(origin: Origin, unitCode: string, date: string, title: string, taken: string[], returning = 0.45): string {
    const pool = (this.pools.get(this.poolKey(origin)) ?? []).filter((k) => !taken.includes(k) && this.free(k, date));
    const key = pool.length && this.rng.chance(returning)
      ? this.rng.pick(pool)
      : this.people.invent(this.rng, `visitor:${this.counter++}`, { country: origin.country, institutionKey: origin.institution?.key ?? null, title, unitCode }).key;
    if (!pool.includes(key)) this.enrol(key, origin);
    this.attend(key, date);
    return key;
  }

  /** The members of a delegation of `size` from `origin`: its head first. */
  delegation(origin: Origin, unitCode: string, date: string, size: number, headTitle?: string): VisitMemberSpec[] {
    const members: VisitMemberSpec[] = [];
    const orgTitles = origin.institution?.organization ? ORGANIZATION_TITLES[origin.institution.key] : undefined;
    for (let i = 0; i < size; i++) {
      const title = i === 0 ? (headTitle ?? (orgTitles ? orgTitles[0]! : this.rng.pick(HEAD_TITLES))) : orgTitles ? orgTitles[1]! : this.rng.weighted(MEMBER_TITLES);
      // A head named for the occasion (a president) is someone new; members return more often than heads.
      const key = this.visitor(origin, unitCode, date, title, members.map((m) => m.personKey), i > 0 ? 0.45 : headTitle ? 0 : 0.35);
      members.push({ personKey: key, role: size === 1 ? null : i === 0 ? 'Head of delegation' : 'Member' });
    }
    return members;
  }

  /** A size drawn from the office's usual delegations (one to six). */
  size(): number {
    return this.rng.weighted(SIZES);
  }

  /** How the origin is named in a title: the institution, or "the Japanese medical" delegation. */
  from(origin: Origin): Bilingual {
    if (origin.institution) return { en: origin.institution.nameEn.replace(/^The /, ''), zh: origin.institution.nameZh };
    const country = this.countries.get(origin.country);
    return { en: `${ADJECTIVES[origin.country] ?? country?.nameEn ?? origin.country} medical`, zh: `${country?.nameZh ?? origin.country}医学` };
  }

  /**
   * Adds a visit that took place: requested some weeks before, approved, held on its first
   * day, and closed with its report some days after its last, unless `held` says it is left
   * held (its report pending) or that day is still to come.
   */
  took(fields: { unitCode: string; purpose: VisitPurpose; start: string; days: number; members: VisitMemberSpec[]; level?: ProtocolLevel; visitors: Visitors; title?: Bilingual; notes?: string; held?: boolean }): VisitSpec {
    const { rng } = this;
    const unit = unitNames(fields.unitCode);
    const field = rng.pick(UNIT_FIELDS[fields.unitCode] ?? UNIT_FIELDS.SJTUSM!);
    const title = fields.title ?? visitTitle(fields.purpose, fields.visitors, field, unit);
    const end = addDays(fields.start, fields.days - 1);
    const level = fields.level ?? 'other';
    const steps: VisitStep[] = [{ to: 'approved', on: addDays(fields.start, -rng.int(5, 20)) }, { to: 'held', on: fields.start }];
    const closeOn = addDays(end, rng.int(2, 25));
    if (!fields.held && closeOn <= this.today) steps.push({ to: 'closed', on: closeOn, report: visitReport(rng, fields.purpose, field, unit) });
    const visit: VisitSpec = {
      titleEn: title.en,
      titleZh: title.zh,
      hostUnitCode: fields.unitCode,
      purpose: fields.purpose,
      startDate: fields.start,
      endDate: end,
      protocolLevel: level,
      receivingOfficial: receivingOfficial(rng, fields.unitCode, unit, level),
      members: fields.members,
      requestedOn: addDays(fields.start, -rng.int(25, 80)),
      steps,
      ...(fields.notes ? { notes: fields.notes } : {}),
    };
    this.visits.push(visit);
    return visit;
  }

  /** A delegation from `origin` that took place on `start`, named from its purpose. */
  delegationVisit(origin: Origin, unitCode: string, purpose: VisitPurpose, start: string, options: { size?: number; level?: ProtocolLevel; headTitle?: string; held?: boolean } = {}): VisitSpec {
    const members = this.delegation(origin, unitCode, start, options.size ?? this.size(), options.headTitle);
    const head = this.people.get(members[0]!.personKey);
    const visitors: Visitors =
      members.length === 1
        ? { kind: 'person', name: { en: displayName(head), zh: head.nameZh ?? displayName(head) }, title: head.title, from: origin.institution ? this.from(origin) : null }
        : { kind: 'delegation', from: this.from(origin) };
    return this.took({ unitCode, purpose, start, days: this.rng.int(1, 4), members, visitors, ...(options.level ? { level: options.level } : {}), ...(options.held ? { held: true } : {}) });
  }

  /** A day `min` to `max` days before today. */
  daysAgo(min: number, max: number): string {
    return addDays(this.today, -this.rng.int(min, max));
  }

  /** The unit an institution's visitors usually go to. */
  unitFor(origin: Origin): string {
    return origin.institution ? this.rng.pick(origin.institution.units) : this.rng.pick(['SJTUSM', 'RUIJIN', 'RENJI', 'XINHUA', 'NINTH', 'SPH']);
  }
}

/** The origin of an institution's visitors, by demo key. */
export function fromInstitution(key: string): Origin {
  const i = institution(key);
  return { country: i.country, institution: i };
}

/** Whole days from `a` to `b` ('YYYY-MM-DD'). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}
