import type { Rng } from './demo-random.ts';
import { FRENCH_POOL, NAME_POOLS, type NamePool } from './demo-names-data.ts';

/** An invented person's names as the people module stores them. */
export interface InventedName {
  familyName: string;
  givenName: string;
  /** The name in simplified Chinese, for names written in Han characters (the office's usage). */
  nameZh: string | null;
  /** The name in its own script where that is not the Chinese one (hangul, kanji, traditional characters). */
  otherNames: string[];
  gender: 'male' | 'female';
  /** As an attendee list writes it: Latin order for Latin names, the characters for Chinese colleagues. */
  fullName: string;
}

/** The institutions whose people are named in French though their country is not France. */
const FRENCH_SPEAKING_INSTITUTIONS = new Set(['montreal', 'uclouvain', 'geneva', 'lausanne']);

/** The pool for a person of `country`, at `institutionKey` when known. */
export function poolFor(country: string, institutionKey: string | null = null): NamePool {
  if (institutionKey && FRENCH_SPEAKING_INSTITUTIONS.has(institutionKey)) return FRENCH_POOL;
  const pool = NAME_POOLS[country];
  if (!pool) throw new Error(`demo: no name pool for ${country}`);
  return pool;
}

/**
 * Invents a name plausible for `country`, never one already in `taken` (which it extends):
 * no two invented people of the demo share a name, so that none looks like a duplicate.
 */
export function inventName(rng: Rng, country: string, taken: Set<string>, institutionKey: string | null = null, gender?: 'male' | 'female'): InventedName {
  const pool = poolFor(country, institutionKey);
  for (let attempt = 0; attempt < 200; attempt++) {
    const name = draw(rng, pool, gender ?? (rng.chance(0.38) ? 'female' : 'male'));
    const key = `${country}|${name.familyName}|${name.givenName}`;
    if (taken.has(key)) continue;
    taken.add(key);
    return name;
  }
  throw new Error(`demo: the ${country} name pool is exhausted`);
}

function draw(rng: Rng, pool: NamePool, gender: 'male' | 'female'): InventedName {
  if (pool.style === 'latin') {
    const familyName = rng.pick(pool.family);
    const givenName = rng.pick(gender === 'female' ? pool.female : pool.male);
    return { familyName, givenName, nameZh: null, otherNames: [], gender, fullName: `${givenName} ${familyName}` };
  }
  const [familyLatin, familyScript, familyZh] = rng.pick(pool.family);
  const given = pool.given.filter((g) => g[3] === gender);
  const [givenLatin, givenScript, givenZh] = rng.pick(given.length ? given : pool.given);
  const nameZh = familyZh + givenZh;
  const own = familyScript + givenScript;
  return {
    familyName: familyLatin,
    givenName: givenLatin,
    nameZh,
    otherNames: own !== nameZh ? [own] : [],
    gender,
    // Family name first, as these names are said; a mainland colleague by their characters.
    fullName: pool === NAME_POOLS.CN ? nameZh : `${familyLatin} ${givenLatin}`,
  };
}
