import type { Locale } from '../../../shared/contracts/common.ts';
import type { Person, PersonInput } from '../../../shared/contracts/people.ts';

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
  const v = <T,>(x: T | null | undefined) => x ?? undefined;
  return {
    familyName: p.familyName,
    givenName: v(p.givenName),
    nameZh: v(p.nameZh),
    otherNames: p.otherNames,
    gender: v(p.gender),
    nationality: v(p.nationality),
    institutionId: v(p.institutionId),
    title: v(p.title),
    email: v(p.email),
    unitId: v(p.unitId),
    notes: v(p.notes),
    birthDate: v(p.birthDate),
    passportNumber: v(p.passportNumber),
  };
}

/** A person's name to show first, and the other script beside it. */
export function personNames(p: Pick<Person, 'familyName' | 'givenName' | 'nameZh'>, locale: Locale): { primary: string; secondary: string | null } {
  const latin = p.givenName ? `${p.familyName}, ${p.givenName}` : p.familyName;
  if (locale === 'zh' && p.nameZh) return { primary: p.nameZh, secondary: latin };
  return { primary: latin, secondary: p.nameZh };
}
