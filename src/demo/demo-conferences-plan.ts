import { addDays } from '../shared/calendar.ts';
import type { AttendeeRole, ConferenceStatus } from '../shared/contracts/conferences.ts';
import type { Rng } from './demo-random.ts';
import { DORMANT_PARTNERS, INBOUND_INSTITUTIONS, institution, unitIn } from './demo-inbound-world.ts';
import { unitNames } from './demo-visits-plan.ts';
import { CONFERENCES_PER_YEAR, editionEn, editionZh, RECENT_CONFERENCES, SERIES, TEMPLATES, TOPICS, type Series, type Topic } from './demo-conference-topics.ts';

/** One row of an attendee list as a spreadsheet gives it. */
export interface AttendeeRow {
  fullName: string;
  country: string;
  institution: string | null;
  role: AttendeeRole;
}

/** A conference to propose, then to take through its steps; the attendee list comes once it is held. */
export interface ConferenceSpec {
  titleEn: string;
  titleZh: string;
  titleFr: string | null;
  startDate: string;
  endDate: string;
  venue: string;
  hostUnitCode: string;
  partners: Array<{ key: string; role: string }>;
  participants: number;
  foreignParticipants: number;
  countriesRepresented: number;
  steps: Array<{ to: ConferenceStatus; on: string; summary?: string }>;
  /** Where the foreign participants come from, for the attendee list. */
  countries: ReadonlyArray<readonly [string, number]>;
  /** The attendee list of the conferences of the last years, imported once they are held. */
  attendees: AttendeeRow[];
  /** People we know on that list (experts, visitors), added by their person record. */
  linked: Array<AttendeeRow & { personKey: string; institutionKey: string | null }>;
  notes?: string;
}

/** Makes the attendee list of a conference: `foreign` foreign attendees among `total`, some of them people we know. */
export type ListMaker = (c: Pick<ConferenceSpec, 'startDate' | 'hostUnitCode' | 'countries' | 'partners'>, total: number, foreign: number) => Pick<ConferenceSpec, 'attendees' | 'linked'>;

/** Where foreign participants come from when the conference has no particular partner country. */
export const WORLD: ReadonlyArray<readonly [string, number]> = [
  ['US', 20], ['JP', 16], ['FR', 14], ['DE', 8], ['GB', 8], ['KR', 7], ['HK', 7], ['TW', 5], ['AU', 5], ['CA', 4], ['SG', 3],
  ['SE', 2], ['NL', 2], ['CH', 2], ['IT', 2], ['BE', 1],
];

const OLD_VENUES = ['Shanghai Second Medical University, South Chongqing Road campus', 'Jinjiang Hotel, Shanghai', 'Shanghai Exhibition Centre'];
const VENUES = ['Shanghai Jiao Tong University School of Medicine, South Chongqing Road campus', 'Shanghai International Convention Center', 'Shanghai Exhibition Centre', 'Jinjiang Hotel, Shanghai'];
const MONTHS = [3, 4, 5, 6, 9, 10, 11, 12];

/** The co-organizers of a conference of `year` from `keys`: named so then, and not one of the partners kept dormant. */
function coOrganizers(rng: Rng, keys: readonly string[], year: number, max: number): Array<{ key: string; role: string }> {
  const usable = keys.filter((k) => institution(k).since <= year && !DORMANT_PARTNERS.includes(k));
  return rng.shuffle(usable).slice(0, max).map((key) => ({ key, role: institution(key).organization ? 'Co-sponsor' : 'Co-organizer' }));
}

/** The scale of a general conference of `year` (under the office's threshold of 50 foreign participants), or of a major one. */
function scale(rng: Rng, year: number, majorForeign?: number): { participants: number; foreignParticipants: number; countriesRepresented: number } {
  if (majorForeign) return { participants: majorForeign + rng.int(250, 700), foreignParticipants: majorForeign, countriesRepresented: rng.int(16, 32) };
  const [lo, hi, domestic] = year < 1990 ? [4, 18, 120] : year < 2000 ? [6, 28, 220] : year < 2010 ? [8, 38, 380] : year < 2020 ? [10, 46, 480] : year < 2023 ? [1, 6, 150] : [12, 45, 300];
  const foreign = rng.int(lo, hi);
  return { participants: foreign + rng.int(40, domestic), foreignParticipants: foreign, countriesRepresented: 1 + Math.min(foreign, rng.int(2, 10)) };
}

function venueOf(rng: Rng, year: number, unitCode: string): string {
  if (rng.chance(0.3) && unitCode !== 'SJTUSM') return `${unitNames(unitCode).en}, lecture hall`;
  return rng.pick(year < 2005 ? OLD_VENUES : VENUES);
}

/** The summary the host unit submits when it closes the conference. */
function summaryOf(c: Pick<ConferenceSpec, 'participants' | 'foreignParticipants' | 'countriesRepresented'>, withList: boolean): string {
  return (
    `About ${c.participants} participants, ${c.foreignParticipants} from abroad (${c.countriesRepresented} countries and regions). ` +
    `Keynote lectures, parallel sessions and a poster session; the proceedings were sent to the participants.` +
    (withList ? ' The attendee list is attached.' : '')
  );
}

interface Slot {
  start: string;
  days: number;
  year: number;
  series?: Series;
  major?: number;
}

/** Builds a conference from a slot: a series' edition, or a one-off on one of the school's topics. */
function conference(rng: Rng, slot: Slot, editions: Map<string, number>): Omit<ConferenceSpec, 'steps' | 'attendees' | 'linked'> {
  const { year } = slot;
  const end = addDays(slot.start, slot.days - 1);
  if (slot.series) {
    const s = slot.series;
    const n = (editions.get(s.key) ?? 0) + 1;
    editions.set(s.key, n);
    return {
      titleEn: `The ${editionEn(n)} ${s.en}`,
      titleZh: `${editionZh(n)}${s.zh}`,
      titleFr: s.fr ? `${n}${n === 1 ? 'res' : 'es'} ${s.fr}` : null,
      startDate: slot.start,
      endDate: end,
      venue: venueOf(rng, year, unitIn(s.unit, year)),
      hostUnitCode: unitIn(s.unit, year),
      partners: coOrganizers(rng, s.partners, year, 2),
      ...scale(rng, year, slot.major),
      countries: s.countries ?? WORLD,
    };
  }
  const template = rng.weighted(TEMPLATES.filter(([t]) => t.since <= year));
  const topic: Topic = rng.pick(TOPICS);
  const partnerKeys = INBOUND_INSTITUTIONS.filter((i) => (template.country ? i.country === template.country : !i.organization) && i.units.includes(topic.unit)).map((i) => i.key);
  const fallback = INBOUND_INSTITUTIONS.filter((i) => (template.country ? i.country === template.country : false)).map((i) => i.key);
  const organizations = topic.unit === 'SPH' ? ['who'] : topic.unit === 'NURSING' || topic.unit === 'SCMC' ? ['hope'] : [];
  const wanted = template.country || rng.chance(0.35);
  const partners = [...coOrganizers(rng, organizations, year, rng.chance(0.5) ? 1 : 0), ...(wanted ? coOrganizers(rng, partnerKeys.length ? partnerKeys : fallback, year, 1) : [])];
  return {
    titleEn: template.en(topic),
    titleZh: template.zh(topic),
    titleFr: template.fr ? template.fr(topic) : null,
    startDate: slot.start,
    endDate: end,
    venue: venueOf(rng, year, unitIn(topic.unit, year)),
    hostUnitCode: unitIn(topic.unit, year),
    partners,
    ...scale(rng, year),
    countries: template.country ? [[template.country, 70], ...WORLD.filter(([c]) => c !== template.country).slice(0, 6)] : WORLD,
  };
}

/** A date in `year`, in a month when conferences meet (not at Spring Festival, not in the summer heat). */
function dayIn(rng: Rng, year: number): string {
  return `${year}-${String(rng.pick(MONTHS)).padStart(2, '0')}-${String(rng.int(1, 25)).padStart(2, '0')}`;
}

/**
 * Plans the conferences hosted since 1980: the years until 2023 from the table (the series'
 * editions first, one-offs for the rest), then the last three years before `today` with
 * attendee lists (one of them held with its summary overdue, two held recently), and the
 * coming ones proposed or approved; one of 2020 cancelled by the pandemic.
 */
export function planConferences(rng: Rng, today: string, makeList: ListMaker): ConferenceSpec[] {
  const slots: Slot[] = [];
  for (const [y, count] of Object.entries(CONFERENCES_PER_YEAR)) {
    const year = Number(y);
    const editions = year >= 2020 && year <= 2022 ? [] : SERIES.filter((s) => year >= s.first && (year - s.first) % s.every === 0);
    for (const s of editions) slots.push({ start: dayIn(rng, year), days: s.major[year] ? rng.int(3, 5) : rng.int(2, 4), year, series: s, ...(s.major[year] ? { major: s.major[year] } : {}) });
    for (let n = editions.length; n < count; n++) slots.push({ start: year === 2020 ? '2020-01-10' : dayIn(rng, year), days: rng.int(1, 3), year });
  }
  const recent = Array.from({ length: RECENT_CONFERENCES }, (_, i): Slot => {
    // Spread over the last 34 months, the last a fortnight ago (still held: its summary is not due yet).
    const ago = Math.round(1030 - (i * (1030 - 15)) / (RECENT_CONFERENCES - 1)) + (i === RECENT_CONFERENCES - 1 ? 0 : rng.int(-12, 12));
    const start = addDays(today, -ago);
    return { start, days: rng.int(1, 3), year: Number(start.slice(0, 4)) };
  });
  // One recent edition of the Sino-French days and of the haematology symposium.
  recent[6]!.series = SERIES[0];
  recent[15]!.series = SERIES[1];
  slots.push(...recent);
  slots.sort((a, b) => a.start.localeCompare(b.start));

  const editions = new Map<string, number>();
  const specs: ConferenceSpec[] = slots.map((slot) => {
    let c = conference(rng, slot, editions);
    // The lists of the last years hold everyone who came: a few dozen; the declared scale is the list's.
    const withList = slot.start >= addDays(today, -1100);
    const others = rng.int(10, 40); // drawn either way, so that the draws after it do not depend on the day of loading
    const list = withList ? makeList(c, c.foreignParticipants + others, c.foreignParticipants) : { attendees: [], linked: [] };
    if (withList) {
      const everyone = [...list.attendees, ...list.linked];
      c = { ...c, participants: everyone.length, countriesRepresented: new Set(everyone.map((a) => a.country)).size };
    }
    // The summary comes two to eight weeks after; one that ended weeks ago is in by yesterday, so that only the one below is overdue.
    const planned = addDays(c.endDate, rng.int(14, 55));
    const closeOn = planned < today ? planned : c.endDate <= addDays(today, -20) ? addDays(today, -1) : null;
    const steps: ConferenceSpec['steps'] = [{ to: 'approved', on: addDays(slot.start, -rng.int(60, 150)) }, { to: 'held', on: slot.start }];
    if (closeOn) steps.push({ to: 'closed', on: closeOn, summary: summaryOf(c, withList) });
    return { ...c, steps, ...list, ...(slot.year >= 2021 && slot.year <= 2022 ? { notes: 'Held on site and online; foreign speakers mostly joined remotely and are not counted as visitors.' } : {}) };
  });
  // The last but two (ended about a hundred days ago) stays held past its due date: its summary is overdue.
  const overdue = specs.filter((s) => s.attendees.length).at(-3)!;
  overdue.steps = overdue.steps.filter((s) => s.to !== 'closed');
  return [...specs, ...futureConferences(rng, today, editions)];
}

/** Conferences being prepared: three proposed by their units, two approved by the office, and one of 2020 cancelled. */
function futureConferences(rng: Rng, today: string, editions: Map<string, number>): ConferenceSpec[] {
  const coming = [60, 120, 200, 260, 300].map((days, i) => {
    const start = addDays(today, days + rng.int(-10, 10));
    const c = conference(rng, { start, days: rng.int(2, 3), year: Number(start.slice(0, 4)) }, editions);
    const steps: ConferenceSpec['steps'] = i < 2 ? [{ to: 'approved', on: addDays(today, -rng.int(5, 40)) }] : [];
    return { ...c, steps, attendees: [], linked: [] };
  });
  const cancelled = conference(rng, { start: '2020-03-20', days: 3, year: 2020 }, new Map());
  return [
    ...coming,
    { ...cancelled, steps: [{ to: 'approved', on: '2019-11-15' }, { to: 'cancelled', on: '2020-02-03' }], attendees: [], linked: [], notes: 'Cancelled: COVID-19 outbreak.' },
  ];
}
