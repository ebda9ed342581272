import type { InstitutionMatch, InstitutionMatchReason } from '../../../shared/contracts/institutions.ts';
import type { MatchCandidate, MatchKeys } from './institution-matches.repo.ts';
import { identifierKey, registrableDomain } from './web-domain.rules.ts';

/** What an institution being added (with its catalogue entry, if any) is known by. */
export function matchKeys(
  input: { website?: string | null; referenceRef?: string | null; erasmusCode?: string | null; pic?: string | null; ror?: string | null; schac?: string | null },
  catalogue: { website: string | null; domains: string[]; erasmusCode: string | null; pic: string | null } | null,
): MatchKeys {
  const domains = [input.website, catalogue?.website, ...(catalogue?.domains ?? [])].map(registrableDomain).filter((d): d is string => d !== null);
  return {
    domains: [...new Set(domains)],
    referenceRef: input.referenceRef ?? null,
    erasmusCode: identifierKey(input.erasmusCode ?? catalogue?.erasmusCode),
    pic: identifierKey(input.pic ?? catalogue?.pic),
    ror: input.ror?.trim().toLowerCase() || null,
    schac: identifierKey(input.schac),
  };
}

/**
 * The candidates that are the same institution, each with why: the same registrable website
 * domain (`www.ki.se` = `https://ki.se/en`, their own website or their catalogue entry's), the
 * same catalogue entry, or the same Erasmus code, PIC, ROR or SCHAC code.
 */
export function institutionMatches(keys: MatchKeys, candidates: MatchCandidate[]): InstitutionMatch[] {
  const wanted = new Set(keys.domains);
  return candidates
    .map((c) => {
      const reasons: InstitutionMatchReason[] = [];
      const theirs = [c.website, c.catalogueWebsite, ...(c.catalogueDomains ?? [])].map(registrableDomain);
      if (theirs.some((d) => d !== null && wanted.has(d))) reasons.push('website');
      if (keys.referenceRef && c.referenceRef === keys.referenceRef) reasons.push('referenceRef');
      if (keys.erasmusCode && identifierKey(c.erasmusCode) === keys.erasmusCode) reasons.push('erasmusCode');
      if (keys.pic && identifierKey(c.pic) === keys.pic) reasons.push('pic');
      if (keys.ror && c.ror?.toLowerCase() === keys.ror) reasons.push('ror');
      if (keys.schac && identifierKey(c.schac) === keys.schac) reasons.push('schac');
      return { id: c.id, nameEn: c.nameEn, nameZh: c.nameZh, nameFr: c.nameFr, countryCode: c.countryCode, website: c.website, reasons };
    })
    .filter((m) => m.reasons.length > 0);
}
