import type { Queryable } from '../../db/client.ts';

/** An institution on file with what identifies it: its own website and codes, and its catalogue entry's. */
export interface MatchCandidate {
  id: number;
  nameEn: string;
  nameZh: string | null;
  nameFr: string | null;
  countryCode: string;
  website: string | null;
  referenceRef: string | null;
  erasmusCode: string | null;
  pic: string | null;
  ror: string | null;
  schac: string | null;
  catalogueWebsite: string | null;
  catalogueDomains: string[] | null;
}

/** What the institution being added is known by. */
export interface MatchKeys {
  domains: string[];
  referenceRef: string | null;
  erasmusCode: string | null;
  pic: string | null;
  ror: string | null;
  schac: string | null;
}

/**
 * Institutions on file that may be the one described by `keys`: the same catalogue entry or
 * identifier, or a website (their own or their catalogue entry's) containing one of the
 * domains. The caller checks each domain exactly: `ki.se` is inside `pki.se` too.
 */
export async function findMatchCandidates(db: Queryable, keys: MatchKeys): Promise<MatchCandidate[]> {
  const patterns = keys.domains.map((d) => `%${d.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const { rows } = await db.query<MatchCandidate>(
    `SELECT i.id, i.name_en AS "nameEn", i.name_zh AS "nameZh", i.name_fr AS "nameFr", i.country_code AS "countryCode",
            i.website, i.reference_ref AS "referenceRef", i.erasmus_code AS "erasmusCode", i.pic, i.ror, i.schac,
            r.website AS "catalogueWebsite", r.domains AS "catalogueDomains"
     FROM institutions i LEFT JOIN reference_institutions r ON r.ref = i.reference_ref
     WHERE i.reference_ref = $1
        OR upper(regexp_replace(i.erasmus_code, '\\s', '', 'g')) = $2
        OR i.pic = $3 OR i.ror = $4 OR upper(regexp_replace(i.schac, '\\s', '', 'g')) = $5
        OR i.website ILIKE ANY($6::text[]) OR r.website ILIKE ANY($6::text[]) OR r.domains && $7::text[]
     ORDER BY i.id LIMIT 50`,
    [keys.referenceRef, keys.erasmusCode, keys.pic, keys.ror, keys.schac, patterns, keys.domains],
  );
  return rows;
}

/** A catalogue entry's website, domains and codes, for matching what is added from it. */
export async function catalogueKeys(db: Queryable, ref: string): Promise<{ website: string | null; domains: string[]; erasmusCode: string | null; pic: string | null } | null> {
  const { rows } = await db.query<{ website: string | null; domains: string[]; erasmusCode: string | null; pic: string | null }>(
    'SELECT website, domains, erasmus_code AS "erasmusCode", pic FROM reference_institutions WHERE ref = $1',
    [ref],
  );
  return rows[0] ?? null;
}
