import type { Institution, InstitutionInput } from '../../../shared/contracts/institutions.ts';

/** What the institution form holds: the contract's fields, empty ones as undefined. */
export type InstitutionFormValues = Partial<Record<Exclude<keyof InstitutionInput, 'otherNames' | 'kind'>, string>> & {
  kind?: InstitutionInput['kind'];
  otherNames?: string[];
};

/** An institution as form values (nulls become empty fields). */
export function toFormValues(institution: Institution): InstitutionFormValues {
  const values: InstitutionFormValues = { kind: institution.kind, otherNames: institution.otherNames };
  const text = ['nameEn', 'nameZh', 'nameFr', 'nameLocal', 'countryCode', 'city', 'website', 'ror', 'schac', 'erasmusCode', 'pic', 'referenceRef', 'notes'] as const;
  for (const key of text) values[key] = institution[key] ?? undefined;
  return values;
}
