import type { Locale } from '../../../shared/contracts/common.ts';
import type { Person, PersonInput } from '../../../shared/contracts/people.ts';
import { formValuesOf } from '../../lib/form-values.ts';

/** What the person form holds: the contract's fields, empty ones as undefined. */
export interface PersonFormValues {
  familyName?: string;
  givenName?: string;
  nameZh?: string;
  otherNames?: string[];
  gender?: NonNullable<PersonInput['gender']>;
  nationality?: string;
  institutionId?: number;
  title?: string;
  email?: string;
  unitId?: number;
  notes?: string;
  birthDate?: string;
  passportNumber?: string;
}

/** A person as form values (nulls become empty fields). */
export function toPersonFormValues(p: Person): PersonFormValues {
  return formValuesOf(p, [
    'familyName', 'givenName', 'nameZh', 'otherNames', 'gender', 'nationality', 'institutionId', 'title', 'email', 'unitId', 'notes',
    'birthDate', 'passportNumber',
  ]);
}

/** A person's name to show first, and the other script beside it. */
export function personNames(p: Pick<Person, 'familyName' | 'givenName' | 'nameZh'>, locale: Locale): { primary: string; secondary: string | null } {
  const latin = p.givenName ? `${p.familyName}, ${p.givenName}` : p.familyName;
  if (locale === 'zh' && p.nameZh) return { primary: p.nameZh, secondary: latin };
  return { primary: latin, secondary: p.nameZh };
}
