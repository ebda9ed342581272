/**
 * Telling whether a row names a record already on file: institutions by any of their names in
 * any script ("Univ. of Sydney" = "The University of Sydney" = 悉尼大学 when the record knows
 * that name), people by their name however it is spelled (王振义 = 王振義 = "Wang Zhenyi" =
 * "WANG Zhen-yi"). Built on the search module's folding, so an import finds what the search box finds.
 */
import { foldName, nameKeys } from '../../search/normalize.ts';

/** Abbreviations offices write in institution names, and the word each stands for. */
const ABBREVIATIONS: Record<string, string> = {
  univ: 'university', uni: 'university', u: 'university', inst: 'institute', hosp: 'hospital', coll: 'college', dept: 'department',
  natl: 'national', nat: 'national', intl: 'international', int: 'international', med: 'medical', sch: 'school', ctr: 'center',
  centre: 'center', st: 'saint', ste: 'sainte', tech: 'technology', sci: 'science', sciences: 'science', assoc: 'association',
  universite: 'university', universita: 'university', universidad: 'university', universitat: 'university',
};
/** Words that do not tell two institutions apart ("The University of Sydney" = "University Sydney"). */
const STOP_WORDS = new Set(['the', 'of', 'and', 'for', 'at', 'in', 'de', 'des', 'du', 'la', 'le', 'les', 'l', 'd', 'et', 'di', 'der', 'und', 'y']);

/**
 * The key of an institution's name: folded, abbreviations spelled out, small words dropped,
 * words in order ("Sydney University" and "University of Sydney" share it). A name in Chinese
 * keeps its characters (simplified), so 悉尼大学 matches a record whose Chinese name is 悉尼大學.
 */
export function institutionKey(name: string): string {
  const words = foldName(name)
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => ABBREVIATIONS[w] ?? w)
    .filter((w) => !STOP_WORDS.has(w));
  return [...words].sort().join(' ');
}

/** An institution as the matcher sees it: its id, country and every name it goes by. */
export interface InstitutionNames {
  id: number;
  countryCode: string;
  names: readonly string[];
}

/** Why a row was taken for a record on file, shown beside the proposed match. */
export type MatchReason = 'same_name' | 'same_name_other_script' | 'same_name_spelling' | 'same_identifier' | 'same_email' | 'same_partners_and_date' | 'same_passport' | 'same_visit' | 'same_mission' | 'same_appointment' | 'same_honour' | 'same_aggregate' | 'same_enrolment' | 'same_application' | 'same_student_number' | 'same_programme_student';

/** Which reason says more when several names of one row match one record. */
const STRENGTH: Record<MatchReason, number> = { same_visit: 0, same_mission: 0, same_appointment: 0, same_honour: 0, same_aggregate: 0, same_enrolment: 0, same_application: 0, same_student_number: 0, same_programme_student: 0, same_passport: 6, same_partners_and_date: 0, same_identifier: 5, same_email: 4, same_name: 3, same_name_other_script: 2, same_name_spelling: 1 };

/** A record a row is taken for, and why. */
export interface Match {
  id: number;
  reason: MatchReason;
}

/**
 * Finds institutions by name: a cell naming an institution (an agreement's partner, a person's
 * employer) or a row of the institutions' import. `country` narrows when both sides have one.
 */
export class InstitutionMatcher {
  private readonly byKey = new Map<string, InstitutionNames[]>();

  constructor(institutions: Iterable<InstitutionNames>) {
    for (const i of institutions) this.add(i);
  }

  /** Makes a record known, an existing one or one the import is about to create. */
  add(institution: InstitutionNames): void {
    for (const name of institution.names) {
      const key = institutionKey(name);
      if (key === '') continue;
      const list = this.byKey.get(key) ?? [];
      if (!list.some((i) => i.id === institution.id)) list.push(institution);
      this.byKey.set(key, list);
    }
  }

  /** The records any of `names` names (in `country`, if given), each once, with the strongest reason any name gives. */
  find(names: readonly string[], country?: string | null): Match[] {
    const found = new Map<number, Match>();
    for (const name of names) {
      const key = institutionKey(name);
      for (const i of this.byKey.get(key) ?? []) {
        if (country && i.countryCode !== country) continue;
        const exact = i.names.some((n) => foldName(n) === foldName(name));
        const script = /\p{Script=Han}/u.test(name) !== /\p{Script=Han}/u.test(i.names[0] ?? '');
        const reason: MatchReason = exact ? 'same_name' : script ? 'same_name_other_script' : 'same_name_spelling';
        const before = found.get(i.id);
        if (!before || STRENGTH[reason] > STRENGTH[before.reason]) found.set(i.id, { id: i.id, reason });
      }
    }
    return [...found.values()];
  }
}

/** A person as the matcher sees it: their id, nationality, e-mail and names. */
export interface PersonNames {
  id: number;
  nationality: string | null;
  email: string | null;
  familyName: string;
  givenName: string | null;
  nameZh: string | null;
  otherNames: readonly string[];
}

/** Every key a person is recognised by: family then given name and the other way round, the Chinese name, other names. */
export function personKeys(p: Omit<PersonNames, 'id' | 'nationality' | 'email'>): Set<string> {
  const given = p.givenName ?? '';
  const spellings = [`${p.familyName} ${given}`, `${given} ${p.familyName}`, p.nameZh, ...p.otherNames];
  // A Chinese name split into family and given parts reads as one name without a space.
  if (/\p{Script=Han}/u.test(p.familyName)) spellings.push(`${p.familyName}${given}`);
  const keys = new Set<string>();
  for (const s of spellings) if (s && s.trim()) for (const k of nameKeys(s)) keys.add(k);
  return keys;
}

/** Each person's folded spellings, computed once: a name the file repeats is compared with every row before it that bears it. */
const foldedOf = new WeakMap<object, Set<string>>();

/** A person's spellings folded (case, accents, punctuation, traditional → simplified), without their pinyin. */
function folded(p: Omit<PersonNames, 'id' | 'nationality' | 'email'>): Set<string> {
  let known = foldedOf.get(p);
  if (!known) foldedOf.set(p, (known = foldSpellings(p)));
  return known;
}

function foldSpellings(p: Omit<PersonNames, 'id' | 'nationality' | 'email'>): Set<string> {
  const given = p.givenName ?? '';
  const spellings = [`${p.familyName}${given}`, `${given}${p.familyName}`, p.nameZh, ...p.otherNames];
  return new Set(spellings.filter((s): s is string => !!s && s.trim() !== '').map((s) => foldName(s).replace(/ /g, '')));
}

/** Finds people by e-mail (the same person) or by name however spelled (possibly the same person). */
export class PersonMatcher {
  private readonly byKey = new Map<string, PersonNames[]>();
  private readonly byEmail = new Map<string, PersonNames>();
  /** Each spelling's keys, computed once (their pinyin readings are the most of a row's matching; a row's keys serve its find and its add). */
  private readonly keysOf = new Map<string, Set<string>>();

  private keys(p: Omit<PersonNames, 'id' | 'nationality' | 'email'>): Set<string> {
    const spelling = [p.familyName, p.givenName ?? '', p.nameZh ?? '', ...p.otherNames].join('\u0000');
    let keys = this.keysOf.get(spelling);
    if (!keys) this.keysOf.set(spelling, (keys = personKeys(p)));
    return keys;
  }

  constructor(people: Iterable<PersonNames>) {
    for (const p of people) this.add(p);
  }

  /** Makes a person known, an existing one or one the import is about to create. */
  add(person: PersonNames): void {
    if (person.email) this.byEmail.set(person.email.toLowerCase(), person);
    for (const key of this.keys(person)) {
      const list = this.byKey.get(key) ?? [];
      if (!list.some((p) => p.id === person.id)) list.push(person);
      this.byKey.set(key, list);
    }
  }

  /** The person with this e-mail address, if any. */
  byEmailAddress(email: string | null): Match | undefined {
    const p = email ? this.byEmail.get(email.toLowerCase()) : undefined;
    return p ? { id: p.id, reason: 'same_email' } : undefined;
  }

  /** People whose names match the row's (and nationality, when both have one), each once. */
  find(row: Omit<PersonNames, 'id' | 'email'>): Match[] {
    const found = new Map<number, Match>();
    const rowFolds = folded(row);
    for (const key of this.keys(row)) {
      for (const p of this.byKey.get(key) ?? []) {
        if (found.has(p.id)) continue;
        if (row.nationality && p.nationality && row.nationality !== p.nationality) continue;
        // The same letters once folded, or only through a name's pinyin (王振义 for "Wang Zhenyi").
        let same = false;
        for (const f of folded(p)) if (rowFolds.has(f)) same = true;
        found.set(p.id, { id: p.id, reason: same ? 'same_name' : 'same_name_other_script' });
      }
    }
    return [...found.values()];
  }
}
