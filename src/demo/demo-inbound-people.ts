import type { Db } from '../server/db/client.ts';
import type { Cipher } from '../server/security/personal-data.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { systemContext } from '../server/core/request-context.ts';
import { createPeople } from '../server/modules/people/people.service.ts';
import { PersonInput } from '../shared/contracts/people.ts';
import type { Rng } from './demo-random.ts';
import { inventName } from './demo-names.ts';

/** A person of the inbound demo before it is created: visitors, experts, public figures. */
export interface PersonSpec {
  key: string;
  familyName: string;
  givenName: string | null;
  nameZh: string | null;
  otherNames: string[];
  gender: 'male' | 'female';
  nationality: string;
  institutionKey: string | null;
  title: string | null;
  /** The unit that looks after them (a coordinator's people): the first that received or appointed them. */
  unitCode: string;
  notes?: string;
}

/**
 * The people planned so far, by key, and the names already given: plans add to it, the
 * loader creates them all in the order they were planned (so ids follow the plan).
 */
export class PeoplePlan {
  readonly specs: PersonSpec[] = [];
  readonly taken = new Set<string>();
  private readonly byKey = new Map<string, PersonSpec>();

  /** Adds a person as given (a public figure, an aide). */
  add(spec: PersonSpec): PersonSpec {
    if (this.byKey.has(spec.key)) throw new Error(`demo inbound: person ${spec.key} planned twice`);
    this.specs.push(spec);
    this.byKey.set(spec.key, spec);
    this.taken.add(`${spec.nationality}|${spec.familyName}|${spec.givenName ?? ''}`);
    return spec;
  }

  /** Invents a person of `country` with a name no other demo person has. */
  invent(rng: Rng, key: string, fields: { country: string; institutionKey: string | null; title: string | null; unitCode: string; gender?: 'male' | 'female' }): PersonSpec {
    const name = inventName(rng, fields.country, this.taken, fields.institutionKey, fields.gender);
    return this.add({
      key,
      familyName: name.familyName,
      givenName: name.givenName,
      nameZh: name.nameZh,
      otherNames: name.otherNames,
      gender: name.gender,
      nationality: fields.country,
      institutionKey: fields.institutionKey,
      title: fields.title,
      unitCode: fields.unitCode,
    });
  }

  /** The planned person of a key; stops on a key never planned. */
  get(key: string): PersonSpec {
    const spec = this.byKey.get(key);
    if (!spec) throw new Error(`demo inbound: no person ${key}`);
    return spec;
  }
}

/** The id a demo key stands for; stops on a key that was never loaded rather than write a record without it. */
export function idOf(ids: Map<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`demo inbound: nothing loaded for ${key}`);
  return id;
}

// Names written family name first in Latin script too ("Kim Min-jun", "Chan Ka-ming").
const FAMILY_FIRST = new Set(['CN', 'HK', 'TW', 'SG', 'JP', 'KR']);

/** The name a title or an attendee list writes for a planned person, in Latin script. */
export function displayName(p: Pick<PersonSpec, 'familyName' | 'givenName' | 'nationality'>): string {
  if (!p.givenName) return p.familyName;
  return FAMILY_FIRST.has(p.nationality) ? `${p.familyName} ${p.givenName}` : `${p.givenName} ${p.familyName}`;
}

/**
 * Creates the planned people through the people service (validated and audited like any
 * other), all in one call (createPeople: one INSERT and one audit INSERT, the ids in plan
 * order, as createPerson one by one would give them), and returns their ids by key.
 */
export async function loadPeople(
  db: Db,
  cipher: Cipher,
  specs: readonly PersonSpec[],
  refs: { units: Map<string, number>; institutions: Map<string, number> },
): Promise<Map<string, number>> {
  const inputs = specs.map((p) =>
    parseOrThrow(PersonInput, {
      familyName: p.familyName,
      givenName: p.givenName,
      nameZh: p.nameZh,
      otherNames: p.otherNames,
      gender: p.gender,
      nationality: p.nationality,
      institutionId: p.institutionKey ? idOf(refs.institutions, p.institutionKey) : null,
      title: p.title,
      unitId: idOf(refs.units, p.unitCode),
      notes: p.notes ?? null,
    }),
  );
  const made = await createPeople(systemContext(db), { inputs, cipher });
  return new Map(specs.map((p, i) => [p.key, made[i]!.id]));
}
