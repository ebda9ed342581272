import type { CatalogueEntry } from '../../../shared/contracts/institutions.ts';
import type { InstitutionFormValues } from './form-values.ts';

// Erasmus charter data often gives "www.example.eu"; the contract wants a full address.
const withScheme = (url: string | null) => (url ? (/^https?:\/\//i.test(url) ? url : `https://${url}`) : undefined);

/** What a catalogue entry fills in of a new institution (a university, named as the catalogue names it). */
export function prefillFrom(entry: CatalogueEntry): InstitutionFormValues {
  return {
    kind: 'university',
    nameEn: entry.name,
    otherNames: [],
    countryCode: entry.countryCode,
    city: entry.city ?? undefined,
    website: withScheme(entry.website),
    erasmusCode: entry.erasmusCode ?? undefined,
    pic: entry.pic ?? undefined,
    referenceRef: entry.ref,
  };
}
