/**
 * Second-level labels under which a country code registers names for others (ox.ac.uk,
 * unimelb.edu.au, keio.ac.jp, hku.hk is not one): the part of the Public Suffix List that
 * universities, hospitals and public bodies live under. A registrable domain is one label more.
 */
const SHARED_SECOND_LEVEL = new Set(['ac', 'co', 'com', 'edu', 'gov', 'govt', 'net', 'org', 'or', 'ne', 'go', 'gob', 'gouv', 'nic', 'mil', 'sch', 'med', 'nhs', 'res', 'health', 'int', 'lg', 'ed', 'gr', 'nom', 'asso', 'info', 'biz', 'ltd', 'plc']);

/**
 * The registrable domain of a website as offices write it (`https://www.ki.se/en`, `www.ki.se`,
 * `KI.SE.`): lower case, without scheme, port, path or sub-domains, so that the same university
 * is recognised whichever of its addresses was entered. Null when there is no host name.
 */
export function registrableDomain(website: string | null | undefined): string | null {
  if (!website) return null;
  const host = website
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^[^@/]*@/, '')
    .split(/[/?#]/)[0]!
    .replace(/:\d*$/, '')
    .replace(/\.+$/, '');
  const labels = host.split('.').filter(Boolean);
  if (labels.length < 2 || labels.some((l) => !/^[a-z0-9-]+$/.test(l)) || /^\d+$/.test(labels.at(-1)!)) return null;
  const tld = labels.at(-1)!;
  const second = labels.at(-2)!;
  const keep = tld.length === 2 && SHARED_SECOND_LEVEL.has(second) && labels.length >= 3 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** An identifier as compared: Erasmus codes are written with one, two or no spaces, in any case. */
export function identifierKey(value: string | null | undefined): string | null {
  const key = value?.replace(/\s+/g, '').toUpperCase();
  return key ? key : null;
}
