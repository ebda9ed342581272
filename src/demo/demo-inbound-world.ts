import { DEMO_AGREEMENTS } from './demo-agreements-data.ts';
import { DEMO_FORMER_AND_PROSPECTIVE_PARTNERS, DEMO_PARTNERS } from './demo-partners.ts';
import { DEMO_ORGANIZATIONS } from './demo-people.ts';

/** An institution visitors, experts and co-organizers come from, by its demo key. */
export interface InboundInstitution {
  key: string;
  country: string;
  nameEn: string;
  nameZh: string;
  /** The first year the institution bears this name: no conference of 1990 names a university founded in 2019. */
  since: number;
  /** Our units that work with it (its agreements' units; the school for institutional ones). */
  units: string[];
  organization: boolean;
}

/**
 * Partners left without any activity for the last two years, so that the agreements list's
 * "dormant" filter has something to show: each has one agreement, in force for more than two
 * years. Their last visits are older than that.
 */
export const DORMANT_PARTNERS: readonly string[] = ['debrecen', 'bologna', 'oslo', 'helsinki', 'nycu'];

// Universities formed by recent mergers or renamings: the year their present name begins.
const NAMED_SINCE: Record<string, number> = {
  'paris-cite': 2019, sorbonne: 2018, saclay: 2020, 'aix-marseille': 2012, strasbourg: 2009, bordeaux: 2014, montpellier: 2015,
  lille: 2018, lorraine: 2012, nantes: 2022, 'cote-azur': 2020, grenoble: 2020, clermont: 2017, nycu: 2021,
};

const ORGANIZATION_KEYS = ['who', 'hope', 'alliance'] as const;

function unitsOf(key: string): string[] {
  const units = DEMO_AGREEMENTS.filter((a) => a.partners.some((p) => (typeof p === 'string' ? p : p[0]) === key)).map((a) => a.unit ?? 'SJTUSM');
  return units.length ? [...new Set(units)] : ['SJTUSM'];
}

/** Every institution of the inbound demo: the partner universities, former and prospective ones, and the three organizations. */
export const INBOUND_INSTITUTIONS: readonly InboundInstitution[] = [
  ...[...DEMO_PARTNERS, ...DEMO_FORMER_AND_PROSPECTIVE_PARTNERS].map((p) => ({
    key: p.key,
    country: p.country,
    nameEn: p.nameEn,
    nameZh: p.nameZh ?? p.nameEn,
    since: NAMED_SINCE[p.key] ?? 1900,
    units: unitsOf(p.key),
    organization: false,
  })),
  ...ORGANIZATION_KEYS.map((key, i) => ({
    key,
    country: DEMO_ORGANIZATIONS[i]!.countryCode,
    nameEn: DEMO_ORGANIZATIONS[i]!.nameEn,
    nameZh: DEMO_ORGANIZATIONS[i]!.nameZh,
    since: 1900,
    units: unitsOf(key),
    organization: true,
  })),
];

const BY_KEY = new Map(INBOUND_INSTITUTIONS.map((i) => [i.key, i]));

/** The institution of a key; stops on a key the demo does not have. */
export function institution(key: string): InboundInstitution {
  const found = BY_KEY.get(key);
  if (!found) throw new Error(`demo inbound: no institution ${key}`);
  return found;
}

/**
 * The universities of `country` that a visitor or an expert of `year` may come from: named so
 * then, and, when `active` is set, not one of the partners kept dormant.
 */
export function universitiesOf(country: string, year: number, active: boolean): InboundInstitution[] {
  return INBOUND_INSTITUTIONS.filter((i) => !i.organization && i.country === country && i.since <= year && !(active && DORMANT_PARTNERS.includes(i.key)));
}

// Units younger than the demo's history, and who did their work before them: the Shanghai
// Children's Medical Center opened in 1998 (Xinhua's paediatricians before), the institute of
// haematology in 1987 (Ruijin's department before).
const UNIT_FOUNDED: Record<string, readonly [year: number, before: string]> = { SCMC: [1998, 'XINHUA'], 'RUIJIN-HEMA': [1987, 'RUIJIN'] };

/** The unit that did a unit's work in `year`: itself, or the one it grew out of. */
export function unitIn(code: string, year: number): string {
  const founded = UNIT_FOUNDED[code];
  return founded && year < founded[0] ? founded[1] : code;
}

/** The year of a 'YYYY-MM-DD' date. */
export const yearOf = (date: string): number => Number(date.slice(0, 4));
