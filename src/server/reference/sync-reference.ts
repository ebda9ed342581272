import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { paths } from '../paths.ts';
import type { Db, Queryable } from '../db/client.ts';
import { searchText } from '../search/normalize.ts';

// Part of each file's digest: bump it when the loaders change what they derive (search text),
// so that existing databases reload.
const LOADER_VERSION = '2';

interface CountryEntry {
  code: string;
  alpha3: string;
  numeric: string;
  nameEn: string;
  nameZh: string;
  nameFr: string;
  isRegion: boolean;
  continent: string;
}

interface CatalogueEntry {
  ref: string;
  source: string;
  name: string;
  countryCode: string;
  city?: string;
  website?: string;
  domains?: string[];
  erasmusCode?: string;
  pic?: string;
}

async function loadOnce(db: Db, name: string, load: (tx: Queryable, text: string) => Promise<void>): Promise<boolean> {
  const text = await readFile(paths.reference + name, 'utf8');
  const sha256 = createHash('sha256').update(LOADER_VERSION).update(text).digest('hex');
  const seen = await db.query('SELECT 1 FROM reference_versions WHERE name = $1 AND sha256 = $2', [name, sha256]);
  if (seen.rowCount) return false;
  await db.transaction(async (tx) => {
    await load(tx, text);
    await tx.query(
      `INSERT INTO reference_versions (name, sha256) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET sha256 = EXCLUDED.sha256, loaded_at = now()`,
      [name, sha256],
    );
  });
  return true;
}

async function loadCountries(tx: Queryable, text: string): Promise<void> {
  const countries = JSON.parse(text) as CountryEntry[];
  await tx.query(
    `INSERT INTO countries (code, alpha3, numeric, name_en, name_zh, name_fr, is_region, continent)
     SELECT code, alpha3, numeric, "nameEn", "nameZh", "nameFr", "isRegion", continent
     FROM json_to_recordset($1::json) AS c(code text, alpha3 text, numeric text, "nameEn" text, "nameZh" text, "nameFr" text, "isRegion" boolean, continent text)
     ON CONFLICT (code) DO UPDATE SET alpha3 = EXCLUDED.alpha3, numeric = EXCLUDED.numeric, name_en = EXCLUDED.name_en,
       name_zh = EXCLUDED.name_zh, name_fr = EXCLUDED.name_fr, is_region = EXCLUDED.is_region, continent = EXCLUDED.continent`,
    [JSON.stringify(countries)],
  );
}

async function loadCatalogue(tx: Queryable, text: string): Promise<void> {
  const entries = (JSON.parse(text) as CatalogueEntry[]).map((e) => ({
    ...e,
    domains: e.domains ?? [],
    searchText: searchText(e.name, e.city, e.erasmusCode, ...(e.domains ?? [])),
  }));
  for (let i = 0; i < entries.length; i += 4000) {
    await tx.query(
      `INSERT INTO reference_institutions (ref, source, name, country_code, city, website, domains, erasmus_code, pic, search_text)
       SELECT ref, source, name, "countryCode", city, website, ARRAY(SELECT json_array_elements_text(domains)), "erasmusCode", pic, "searchText"
       FROM json_to_recordset($1::json) AS e(ref text, source text, name text, "countryCode" text, city text, website text,
         domains json, "erasmusCode" text, pic text, "searchText" text)
       ON CONFLICT (ref) DO UPDATE SET source = EXCLUDED.source, name = EXCLUDED.name, country_code = EXCLUDED.country_code,
         city = EXCLUDED.city, website = EXCLUDED.website, domains = EXCLUDED.domains, erasmus_code = EXCLUDED.erasmus_code,
         pic = EXCLUDED.pic, search_text = EXCLUDED.search_text`,
      [JSON.stringify(entries.slice(i, i + 4000))],
    );
  }
}

/**
 * Loads the committed reference data (countries and regions, the institution catalogue)
 * when the files differ from what the database last loaded. Returns the names loaded now.
 */
export async function syncReferenceData(db: Db): Promise<string[]> {
  const loaded: string[] = [];
  if (await loadOnce(db, 'countries.json', loadCountries)) loaded.push('countries.json');
  if (await loadOnce(db, 'institutions-catalogue.json', loadCatalogue)) loaded.push('institutions-catalogue.json');
  // PGlite has no autovacuum: without fresh statistics the planner guesses on a new table.
  if (loaded.length) await db.query('ANALYZE countries, reference_institutions');
  return loaded;
}
