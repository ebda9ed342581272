import type { AttendeeRole } from '../shared/contracts/conferences.ts';
import type { Rng } from './demo-random.ts';
import { inventName } from './demo-names.ts';
import { displayName, type PeoplePlan } from './demo-inbound-people.ts';
import { institution, universitiesOf, yearOf } from './demo-inbound-world.ts';
import { unitNames } from './demo-visits-plan.ts';
import type { AttendeeRow, ListMaker } from './demo-conferences-plan.ts';

// Colleagues from elsewhere in China on our conferences' lists.
const CHINESE_INSTITUTIONS = ['Fudan University', 'Zhejiang University School of Medicine', 'Peking Union Medical College Hospital', 'Sun Yat-sen University', 'Tongji University School of Medicine', 'Sichuan University West China Hospital'];

const FOREIGN_ROLES: ReadonlyArray<readonly [AttendeeRole, number]> = [['speaker', 25], ['participant', 72], ['other', 3]];
const DOMESTIC_ROLES: ReadonlyArray<readonly [AttendeeRole, number]> = [['organizer', 20], ['speaker', 15], ['participant', 65]];

/**
 * A maker of attendee lists as the host units send them: invented foreign attendees with their
 * country and often their university (written as the office writes it, so that the import
 * links it), our Chinese colleagues by their characters, and, added apart by their records, one
 * to three people we know: experts in force or visitors of `country`, from `known`.
 */
export function attendeeLists(rng: Rng, people: PeoplePlan, known: (country: string, date: string) => string[]): ListMaker {
  return (c, total, foreign) => {
    const year = yearOf(c.startDate);
    const linked: Array<AttendeeRow & { personKey: string; institutionKey: string | null }> = [];
    const wanted = rng.int(1, 3);
    for (let tries = 0; linked.length < Math.min(wanted, foreign) && tries < 10; tries++) {
      const candidates = known(rng.weighted(c.countries), c.startDate).filter((k) => !linked.some((l) => l.personKey === k));
      if (!candidates.length) continue;
      const person = people.get(rng.pick(candidates));
      linked.push({
        personKey: person.key,
        fullName: displayName(person),
        country: person.nationality,
        institution: person.institutionKey ? institution(person.institutionKey).nameEn : null,
        institutionKey: person.institutionKey,
        role: 'speaker',
      });
    }
    const attendees: AttendeeRow[] = [];
    for (let n = linked.length; n < foreign; n++) {
      const country = rng.weighted(c.countries);
      const universities = universitiesOf(country, year, true);
      const home = universities.length && rng.chance(0.55) ? rng.pick(universities) : null;
      attendees.push({ fullName: foreignName(rng, country, people.taken, home?.key ?? null), country, institution: home?.nameEn ?? null, role: rng.weighted(FOREIGN_ROLES) });
    }
    // Our colleagues come to many conferences: their names may recur from one list to the next.
    const colleagues = new Set<string>();
    for (let n = foreign; n < total; n++) {
      const name = inventName(rng, 'CN', colleagues);
      const home = rng.chance(0.6) ? unitNames(c.hostUnitCode).en : rng.pick(CHINESE_INSTITUTIONS);
      attendees.push({ fullName: name.fullName, country: 'CN', institution: home, role: rng.weighted(DOMESTIC_ROLES) });
    }
    return { attendees: rng.shuffle(attendees), linked };
  };
}

/** A foreign attendee's name no planned person has; from the list's own names once a country's pool is spent. */
function foreignName(rng: Rng, country: string, taken: Set<string>, institutionKey: string | null): string {
  try {
    return inventName(rng, country, taken, institutionKey).fullName;
  } catch {
    return inventName(rng, country, new Set(), institutionKey).fullName;
  }
}

/** The CSV a host unit would upload: a header row, then one attendee a row (RFC 4180 quoting). */
export function attendeeCsv(rows: readonly AttendeeRow[]): Buffer {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = ['Name,Country,Institution,Role', ...rows.map((r) => [r.fullName, r.country, r.institution ?? '', r.role].map(quote).join(','))];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
