import type { InstitutionInput } from '../../shared/contracts/institutions.ts';
import type { PersonInput } from '../../shared/contracts/people.ts';

let counter = 0;

/** A valid institution body, with overrides. */
export function institutionBody(overrides: Partial<InstitutionInput> = {}): InstitutionInput {
  counter += 1;
  return { kind: 'university', nameEn: `Test University ${counter}`, countryCode: 'FR', city: 'Lyon', ...overrides };
}

/** A valid person body, with overrides. */
export function personBody(overrides: Partial<PersonInput> = {}): PersonInput {
  counter += 1;
  return { familyName: `Martin${counter}`, givenName: 'Claire', nationality: 'FR', gender: 'female', ...overrides };
}
