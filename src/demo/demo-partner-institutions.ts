import type { Db } from '../server/db/client.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { systemContext } from '../server/core/request-context.ts';
import { createInstitution } from '../server/modules/institutions/institutions.service.ts';
import { InstitutionInput } from '../shared/contracts/institutions.ts';
import { DEMO_SCHAC_CODES, type DemoPartner } from './demo-partners.ts';

interface CatalogueRow {
  name: string;
  countryCode: string;
  website: string | null;
  erasmusCode: string | null;
  pic: string | null;
}

// The Erasmus charter list writes most addresses without a scheme ("www.uu.se"), some not at all.
function website(given: string | null): string | null {
  if (!given) return null;
  if (/^https?:\/\/[^\s]+\.[^\s]+$/i.test(given)) return given;
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(given) ? `https://${given}` : null;
}

/**
 * The institution of each demo partner, by key: the one already made from the same catalogue
 * entry when there is one (the demo organization makes Université Paris Cité and Karolinska
 * Institutet), otherwise a new one created from the catalogue entry through the institutions
 * service. Stops if an entry is missing or lies in another country than the demo says, rather
 * than load a partner that is not the one meant.
 */
export async function ensurePartnerInstitutions(db: Db, partners: DemoPartner[]): Promise<Map<string, number>> {
  const refs = partners.map((p) => p.ref);
  // One query each for what exists and for the catalogue entries, rather than two per partner.
  const existing = await db.query<{ ref: string; id: number }>(
    'SELECT DISTINCT ON (reference_ref) reference_ref AS ref, id FROM institutions WHERE reference_ref = ANY($1) ORDER BY reference_ref, id',
    [refs],
  );
  const catalogue = await db.query<CatalogueRow & { ref: string }>(
    `SELECT ref, name, country_code AS "countryCode", website, erasmus_code AS "erasmusCode", pic FROM reference_institutions WHERE ref = ANY($1)`,
    [refs],
  );
  const made = new Map(existing.rows.map((r) => [r.ref, r.id]));
  const entries = new Map(catalogue.rows.map((r) => [r.ref, r]));
  const ids = new Map<string, number>();
  for (const p of partners) {
    const id = made.get(p.ref);
    if (id !== undefined) {
      ids.set(p.key, id);
      continue;
    }
    const entry = entries.get(p.ref);
    if (!entry || entry.countryCode !== p.country) throw new Error(`demo partner ${p.key}: catalogue entry ${p.ref} is not in ${p.country}`);
    const institution = await createInstitution(
      systemContext(db),
      {
        input: parseOrThrow(InstitutionInput, {
          kind: 'university',
          nameEn: p.nameEn,
          nameZh: p.nameZh,
          nameFr: p.nameFr ?? null,
          nameLocal: p.nameLocal ?? null,
          // The catalogue's spelling stays findable.
          otherNames: entry.name !== p.nameEn ? [entry.name] : [],
          countryCode: entry.countryCode,
          city: p.city,
          website: website(entry.website),
          erasmusCode: entry.erasmusCode,
          pic: entry.pic,
          schac: DEMO_SCHAC_CODES[p.key] ?? null,
          referenceRef: p.ref,
        }),
      },
    );
    ids.set(p.key, institution.id);
  }
  return ids;
}
