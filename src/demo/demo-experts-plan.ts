import { addDays, addMonths } from '../shared/calendar.ts';
import type { AppointmentTitle, ExpertDocumentKind } from '../shared/contracts/appointments.ts';
import type { Rng } from './demo-random.ts';
import type { PeoplePlan } from './demo-inbound-people.ts';
import { unitIn, universitiesOf, yearOf } from './demo-inbound-world.ts';

/** One appointment to make; what happens to it after it is proposed. */
export interface AppointmentSpec {
  personKey: string;
  title: AppointmentTitle;
  unitCode: string;
  institutionKey: string | null;
  startDate: string;
  endDate: string;
  /** Left proposed, conferred, or conferred and later revoked on `revokedOn`. */
  fate: 'proposed' | 'appointed' | 'revoked';
  revokedOn?: string;
  /** Renewed (renewAppointment) into a successor, conferred or still proposed. */
  renewal?: 'appointed' | 'proposed';
  notes?: string;
}

/** A document of an expert working here, tied to their appointment (a contract) or their own (a visa). */
export interface DocumentSpec {
  personKey: string;
  /** The appointment it belongs to (an index into the plan's appointments), or null. */
  appointment: number | null;
  kind: ExpertDocumentKind;
  number: string | null;
  issuedOn: string;
  expiresOn: string;
}

/** The experts' appointments and documents, in the order they are made. */
export interface ExpertsPlan {
  appointments: AppointmentSpec[];
  documents: DocumentSpec[];
}

// Experts ever appointed by the school and still on its books, by nationality: France first
// (the Sino-French programme), then the United States, Japan, Germany, the United Kingdom …
const EXPERT_COUNTRIES: ReadonlyArray<readonly [string, number]> = [
  ['FR', 40], ['US', 38], ['JP', 26], ['DE', 15], ['GB', 14], ['HK', 12], ['CA', 12], ['AU', 11], ['SE', 9], ['KR', 9],
  ['TW', 6], ['NL', 6], ['CH', 6], ['IT', 5], ['BE', 4], ['SG', 4], ['FI', 2], ['NO', 2], ['HU', 2], ['DK', 2],
];

/** How many of them hold a title today; the rest ended or were revoked. */
const IN_FORCE = 200;
const REVOKED = 5;

// Titles of the 200 in force: mostly the seed's three.
const TITLES: ReadonlyArray<readonly [AppointmentTitle, number]> = [
  ['honorary_professor', 90], ['visiting_professor', 50], ['consultant', 40], ['adjunct_professor', 12], ['guest_lecturer', 8],
];

// Experts appointed in earlier decades whose terms have long ended: they count in "engaged since".
const EARLIER_EXPERTS: ReadonlyArray<readonly [string, number]> = [['FR', 5], ['US', 5], ['JP', 4], ['DE', 2], ['GB', 1], ['CA', 1], ['AU', 1], ['HK', 1]];

const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['RUIJIN', 16], ['RUIJIN-HEMA', 8], ['RENJI', 12], ['XINHUA', 10], ['NINTH', 10], ['SCMC', 7], ['BASIC', 10], ['BASIC-PATHO', 4], ['SPH', 10], ['NURSING', 6], ['SJTUSM', 7],
];
// French experts lean to Ruijin and its institute of haematology, and to the school's Sino-French programme.
const FRENCH_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['RUIJIN', 22], ['RUIJIN-HEMA', 18], ['SJTUSM', 14], ['RENJI', 8], ['XINHUA', 8], ['NINTH', 8], ['BASIC', 8], ['SPH', 6], ['NURSING', 4], ['SCMC', 4],
];

const PERSON_TITLES: ReadonlyArray<readonly [string, number]> = [['Professor', 70], ['Associate Professor', 12], ['Dr', 10], ['Professor Emeritus', 5]];
const TERM_YEARS: ReadonlyArray<readonly [number, number]> = [[3, 30], [4, 15], [5, 55]];

const REVOCATION_NOTES = [
  'Revoked at the expert’s request on leaving academic medicine.',
  'Revoked: the expert moved to an institution outside the cooperation.',
  'Revoked by the office after the programme it served was closed.',
];

// A term starting on 29 February would make its renewal a few days short (the service measures
// the successor's term with age(), which counts 28 February as not yet a full year): offices start terms on other days anyway.
const notLeapDay = (date: string): string => (date.endsWith('-02-29') ? addDays(date, 1) : date);

function termEnd(start: string, years: number): string {
  return addDays(addMonths(start, years * 12), -1);
}

/** The expert's home university: one of their country's partners most of the time, named so in `year`. */
function homeInstitution(rng: Rng, country: string, year: number): string | null {
  const universities = universitiesOf(country, year, true);
  return universities.length && rng.chance(0.78) ? rng.pick(universities).key : null;
}

/**
 * Plans the foreign experts and their appointments relative to `today`: 200 people holding a
 * title today (a few holding two), terms of three to five years, some ending within the next
 * months (a few already renewed into a proposed successor), some in a second term after a
 * renewal; 25 whose titles ended or were revoked, 30 from earlier decades, two proposals; and
 * the contracts, permits and visas of those working here, some expiring soon.
 */
export function planExperts(rng: Rng, today: string, people: PeoplePlan): ExpertsPlan {
  const appointments: AppointmentSpec[] = [];
  const documents: DocumentSpec[] = [];
  const nationalities = rng.shuffle(EXPERT_COUNTRIES.flatMap(([c, n]) => Array<string>(n).fill(c)));
  const titles = rng.shuffle(TITLES.flatMap(([t, n]) => Array<AppointmentTitle>(n).fill(t)));
  const newExpert = (key: string, country: string, year: number, unitCode: string) =>
    people.invent(rng, key, { country, institutionKey: homeInstitution(rng, country, year), title: rng.weighted(PERSON_TITLES), unitCode });

  let renewedSoon = 0;
  nationalities.forEach((country, i) => {
    const unitCode = rng.weighted(country === 'FR' ? FRENCH_UNITS : UNITS);
    const years = rng.weighted(TERM_YEARS);
    const termDays = years * 365;
    let spec: AppointmentSpec;
    if (i < IN_FORCE) {
      const title = titles[i]!;
      const secondTerm = rng.chance(0.1);
      // A second term: the first ended between a month and almost a whole term ago.
      const start = notLeapDay(secondTerm ? addDays(today, -rng.int(30, termDays - 30)) : addDays(today, -Math.round(rng.next() * 0.955 * termDays + 0.03 * termDays)));
      const firstStart = notLeapDay(secondTerm ? addMonths(start, -12 * years) : start);
      const person = newExpert(`expert:${i}`, country, yearOf(firstStart), unitCode);
      const end = termEnd(firstStart, years);
      spec = { personKey: person.key, title, unitCode, institutionKey: person.institutionKey, startDate: firstStart, endDate: secondTerm ? addDays(start, -1) : end, fate: 'appointed' };
      if (secondTerm) spec.renewal = 'appointed';
      // Three of those ending within the next three months are already proposed for another term.
      else if (end <= addMonths(today, 3) && renewedSoon < 3) {
        spec.renewal = 'proposed';
        renewedSoon += 1;
      }
    } else {
      // Ended a month to six years ago, or revoked before its end.
      const end = addDays(today, -rng.int(30, 6 * 365));
      const start = addDays(addMonths(end, -12 * years), 1);
      const person = newExpert(`expert:${i}`, country, yearOf(start), unitCode);
      const title = rng.weighted(TITLES);
      spec = { personKey: person.key, title, unitCode, institutionKey: person.institutionKey, startDate: start, endDate: end, fate: 'appointed' };
      if (i >= nationalities.length - REVOKED) {
        spec.fate = 'revoked';
        spec.revokedOn = addDays(start, rng.int(200, termDays - 100));
        spec.notes = rng.pick(REVOCATION_NOTES);
      }
    }
    appointments.push(spec);
  });

  // A few experts hold a second title from another unit (a consultant of a hospital who is also a visiting professor).
  for (const first of appointments.slice(0, 40).filter((a) => a.fate === 'appointed' && !a.renewal).slice(0, 6)) {
    const unitCode = rng.weighted(UNITS.filter(([u]) => u !== first.unitCode));
    const start = addDays(today, -rng.int(60, 700));
    const title = first.title === 'consultant' ? 'visiting_professor' : 'consultant';
    appointments.push({ personKey: first.personKey, title, unitCode, institutionKey: first.institutionKey, startDate: start, endDate: termEnd(start, 3), fate: 'appointed' });
  }

  EARLIER_EXPERTS.flatMap(([c, n]) => Array<string>(n).fill(c)).forEach((country, i) => {
    const years = rng.pick([3, 5]);
    const start = `${rng.int(1984, 2012)}-${String(rng.int(3, 11)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const unitCode = unitIn(rng.weighted(country === 'FR' ? FRENCH_UNITS : UNITS), yearOf(start));
    const person = newExpert(`expert:earlier:${i}`, country, yearOf(start), unitCode);
    appointments.push({ personKey: person.key, title: rng.pick(['honorary_professor', 'consultant'] as const), unitCode, institutionKey: person.institutionKey, startDate: start, endDate: termEnd(start, years), fate: 'appointed' });
  });

  // Proposals the office has not decided yet: a new expert, and a second title for one already here.
  for (const [i, country] of ['KR', 'DE'].entries()) {
    const start = addMonths(today, 1 + i);
    const unitCode = rng.weighted(UNITS);
    const person = newExpert(`expert:proposed:${i}`, country, yearOf(start), unitCode);
    appointments.push({ personKey: person.key, title: i ? 'visiting_professor' : 'adjunct_professor', unitCode, institutionKey: person.institutionKey, startDate: start, endDate: termEnd(start, 3), fate: 'proposed' });
  }

  documents.push(...planDocuments(rng, today, appointments));
  return { appointments, documents };
}

/**
 * The papers of the visiting and adjunct professors who work here: a contract for the term,
 * a work permit and a residence permit (four expiring within three months, so that the
 * renewal list shows them), and a visa for some.
 */
function planDocuments(rng: Rng, today: string, appointments: AppointmentSpec[]): DocumentSpec[] {
  const documents: DocumentSpec[] = [];
  const working = appointments
    .map((a, index) => ({ a, index }))
    .filter(({ a }) => a.fate === 'appointed' && !a.renewal && a.endDate > today && (a.title === 'visiting_professor' || a.title === 'adjunct_professor'))
    .slice(0, 12);
  working.forEach(({ a, index }, i) => {
    // Issued after arrival, and never later than today.
    const issued = addDays(a.startDate, rng.int(5, 40));
    const permitIssued = issued < today ? issued : addDays(today, -1);
    const permitExpires = i < 4 ? addDays(today, rng.int(20, 80)) : addDays(today, rng.int(150, 600));
    documents.push({ personKey: a.personKey, appointment: index, kind: 'contract', number: null, issuedOn: a.startDate, expiresOn: a.endDate });
    documents.push({ personKey: a.personKey, appointment: index, kind: 'work_permit', number: `WP31${String(400000 + i * 7919).padStart(8, '0')}`, issuedOn: permitIssued, expiresOn: permitExpires });
    const residence = addDays(permitIssued, rng.int(7, 25));
    documents.push({ personKey: a.personKey, appointment: index, kind: 'residence_permit', number: null, issuedOn: residence < today ? residence : permitIssued, expiresOn: addDays(permitExpires, rng.int(0, 10)) });
    if (i % 3 === 0) documents.push({ personKey: a.personKey, appointment: null, kind: 'visa', number: null, issuedOn: addDays(a.startDate, -rng.int(20, 60)), expiresOn: addDays(today, rng.int(30, 400)) });
  });
  return documents;
}
