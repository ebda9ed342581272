import type { Db } from '../server/db/client.ts';
import { ensurePartnerInstitutions } from './demo-partner-institutions.ts';
import { DEMO_FORMER_AND_PROSPECTIVE_PARTNERS, DEMO_PARTNERS } from './demo-partners.ts';
import { INBOUND_INSTITUTIONS } from './demo-inbound-world.ts';

/** One of our units as titles and reports name it. */
export interface UnitNames {
  id: number;
  nameEn: string;
  nameZh: string;
}

/** What the inbound demo refers to: our units, the institutions by demo key, the country names. */
export interface InboundRefs {
  units: Map<string, number>;
  unitNames: Map<string, UnitNames>;
  institutions: Map<string, number>;
  countries: Map<string, { nameEn: string; nameZh: string }>;
}

/**
 * Reads the records the inbound demo builds on: the demo organization's units, the partner
 * institutions (the same ones the agreements demo made, never new ones) and the three
 * organizations, and the names of countries and regions as the office writes them.
 */
export async function loadInboundRefs(db: Db): Promise<InboundRefs> {
  const units = await db.query<UnitNames & { code: string }>('SELECT id, code, name_en AS "nameEn", name_zh AS "nameZh" FROM units');
  const institutions = await ensurePartnerInstitutions(db, [...DEMO_PARTNERS, ...DEMO_FORMER_AND_PROSPECTIVE_PARTNERS]);
  for (const org of INBOUND_INSTITUTIONS.filter((i) => i.organization)) {
    const found = await db.query<{ id: number }>('SELECT id FROM institutions WHERE name_en = $1 ORDER BY id LIMIT 1', [org.nameEn]);
    if (!found.rows[0]) throw new Error(`demo inbound: no institution ${org.nameEn}`);
    institutions.set(org.key, found.rows[0].id);
  }
  const countries = await db.query<{ code: string; nameEn: string; nameZh: string }>('SELECT code, name_en AS "nameEn", name_zh AS "nameZh" FROM countries');
  return {
    units: new Map(units.rows.map((u) => [u.code, u.id])),
    unitNames: new Map(units.rows.map((u) => [u.code, { id: u.id, nameEn: u.nameEn, nameZh: u.nameZh }])),
    institutions,
    countries: new Map(countries.rows.map((c) => [c.code, { nameEn: c.nameEn, nameZh: c.nameZh }])),
  };
}
