/**
 * Builds the committed reference data under reference/ from the pinned third-party copies in
 * ../shared/data (relative to the repo root). Run: npx tsx scripts/build-reference-data.ts
 *
 * The output is deterministic (fixed key order, stable sort, one entry per line) so that a
 * rebuild from the same inputs gives a byte-identical file and a changed input gives a
 * readable diff. The script fails loudly instead of writing anything doubtful.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(repoRoot, '../shared/data');
const outDir = resolve(repoRoot, 'reference');

// ---------------------------------------------------------------------------------------------
// small helpers

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(resolve(dataDir, path), 'utf8')) as T;
}

function fail(message: string): never {
  throw new Error(`build-reference-data: ${message}`);
}

/** RFC 4180 parser: the ECHE CSV has quoted fields with commas, and no package is needed for it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (quoted) fail('unterminated quoted CSV field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Trims and collapses whitespace (including U+00A0) without touching case or spelling. */
function clean(value: string | null | undefined): string | null {
  if (value == null) return null;
  const v = value.replace(/[\s\u00a0]+/g, ' ').trim();
  return v === '' ? null : v;
}

/** One JSON value per line inside one array: parseable with JSON.parse, small, diff-friendly. */
function writeJsonLinesArray(file: string, items: readonly unknown[]): number {
  const body = items.map((item) => JSON.stringify(item)).join(',\n');
  const text = items.length === 0 ? '[]\n' : `[\n${body}\n]\n`;
  writeFileSync(resolve(outDir, file), text, 'utf8');
  return Buffer.byteLength(text, 'utf8');
}

// ---------------------------------------------------------------------------------------------
// countries

type EnName = string | string[];
interface I18nLang<T> {
  locale: string;
  countries: Record<string, T>;
}
interface WorldCountry {
  cca2: string;
  region: string;
}

interface CountryRow {
  code: string;
  alpha3: string;
  numeric: string;
  nameEn: string;
  nameZh: string;
  nameFr: string;
  isRegion: boolean;
  continent: string;
}

/**
 * i18n-iso-countries gives 20 English names as alias arrays (first = official). The office
 * prints the short common name, but "the last alias" is not always it (CG and CD would both
 * become "Congo", US would become "U.S.", GB "Great Britain"), so each one is chosen here.
 * The build fails if the package changes an array, so a new alias is looked at, not guessed.
 */
const EN_ALIAS_CHOICE: Record<string, string> = {
  AE: 'United Arab Emirates',
  AX: 'Åland Islands',
  CD: 'Democratic Republic of the Congo',
  CG: 'Republic of the Congo',
  CI: "Côte d'Ivoire",
  CN: 'China',
  CZ: 'Czechia',
  GB: 'United Kingdom',
  GM: 'Gambia',
  IR: 'Iran',
  KR: 'South Korea',
  MK: 'North Macedonia',
  NL: 'Netherlands',
  PN: 'Pitcairn Islands',
  PS: 'Palestine',
  RU: 'Russia',
  TR: 'Türkiye',
  TW: 'Taiwan',
  TZ: 'Tanzania',
  US: 'United States',
};

/** Office display overrides; the reasons are in reference/PROVENANCE.md. */
const DISPLAY_OVERRIDES: Record<string, Partial<Pick<CountryRow, 'nameEn' | 'nameZh' | 'nameFr'>>> = {
  TW: { nameEn: 'Taiwan', nameZh: '中国台湾', nameFr: 'Taïwan' },
  HK: { nameEn: 'Hong Kong', nameZh: '中国香港' },
  MO: { nameEn: 'Macao', nameZh: '中国澳门' },
};

const REGIONS = new Set(['HK', 'MO', 'TW']);
const CONTINENTS = new Set(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania', 'Antarctic']);

function buildCountries(): CountryRow[] {
  const base = 'countries-iso3166-en-zh-fr';
  const codes = readJson<Array<[string, string, string, string]>>(`${base}/i18n-iso-countries/codes.json`);
  const en = readJson<I18nLang<EnName>>(`${base}/i18n-iso-countries/en.json`).countries;
  const zh = readJson<I18nLang<string>>(`${base}/i18n-iso-countries/zh.json`).countries;
  const fr = readJson<I18nLang<string>>(`${base}/i18n-iso-countries/fr.json`).countries;
  const world = readJson<WorldCountry[]>(`${base}/world-countries/countries.json`);
  const continentOf = new Map(world.map((w) => [w.cca2, w.region]));

  const usedAliases = new Set<string>();
  const rows = codes.map(([code, alpha3, numeric]): CountryRow => {
    const enValue = en[code];
    let nameEn: string;
    if (Array.isArray(enValue)) {
      const choice = EN_ALIAS_CHOICE[code];
      if (choice === undefined || !enValue.includes(choice)) {
        fail(`English alias array for ${code} (${JSON.stringify(enValue)}) has no reviewed choice`);
      }
      usedAliases.add(code);
      nameEn = choice;
    } else if (typeof enValue === 'string') {
      nameEn = enValue;
    } else {
      fail(`no English name for ${code}`);
    }
    const nameZh = zh[code] ?? fail(`no Chinese name for ${code}`);
    const nameFr = fr[code] ?? fail(`no French name for ${code}`);
    const continent = continentOf.get(code) ?? fail(`no world-countries region for ${code}`);
    if (!CONTINENTS.has(continent)) fail(`unexpected region ${continent} for ${code}`);
    if (!/^[A-Z]{2}$/.test(code) || !/^[A-Z]{3}$/.test(alpha3) || !/^\d{3}$/.test(numeric)) {
      fail(`malformed codes for ${code}: ${alpha3} ${numeric}`);
    }
    return {
      code,
      alpha3,
      numeric,
      nameEn,
      nameZh,
      nameFr,
      isRegion: REGIONS.has(code),
      continent,
      ...DISPLAY_OVERRIDES[code],
    };
  });
  const unused = Object.keys(EN_ALIAS_CHOICE).filter((c) => !usedAliases.has(c));
  if (unused.length > 0) fail(`alias choices no longer needed: ${unused.join(' ')}`);
  if (rows.length !== 250) fail(`expected 250 countries, got ${rows.length}`);
  if (new Set(rows.map((r) => r.code)).size !== rows.length) fail('duplicate country code');
  for (const key of ['nameEn', 'nameZh', 'nameFr'] as const) {
    const seen = new Map<string, string>();
    for (const r of rows) {
      const other = seen.get(r[key]);
      if (other !== undefined) fail(`${key} "${r[key]}" used by both ${other} and ${r.code}`);
      seen.set(r[key], r.code);
    }
  }
  return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// institutions catalogue

interface HipoRow {
  name: string;
  alpha_two_code: string;
  country: string;
  domains: string[];
  web_pages: string[];
  'state-province': string | null;
}

interface CatalogueEntry {
  ref: string;
  source: 'hipo' | 'eche';
  name: string;
  countryCode: string;
  city?: string;
  website?: string;
  domains?: string[];
  erasmusCode?: string;
  pic?: string;
}

/** ECHE uses EU country codes; only Greece differs from ISO 3166-1 in this file. */
const EU_TO_ISO: Record<string, string> = { EL: 'GR' };

/**
 * Builds an entry with a fixed key order and without null/empty fields, so that the file stays
 * small and a rebuild is byte-identical.
 */
function entry(e: {
  ref: string;
  source: 'hipo' | 'eche';
  name: string | null;
  countryCode: string;
  city: string | null;
  website: string | null;
  domains: string[];
  erasmusCode: string | null;
  pic: string | null;
}): CatalogueEntry {
  if (e.name === null) fail(`${e.ref} has no name`);
  const out: CatalogueEntry = { ref: e.ref, source: e.source, name: e.name, countryCode: e.countryCode };
  if (e.city !== null) out.city = e.city;
  if (e.website !== null) out.website = e.website;
  if (e.domains.length > 0) out.domains = e.domains;
  if (e.erasmusCode !== null) out.erasmusCode = e.erasmusCode;
  if (e.pic !== null) out.pic = e.pic;
  return out;
}

function buildHipo(countryCodes: Set<string>): CatalogueEntry[] {
  const rows = readJson<HipoRow[]>('world-universities-hipo/world_universities_and_domains.json');
  if (rows.length !== 10251) fail(`expected 10,251 Hipo rows, got ${rows.length}`);
  return rows.map((r, index) => {
    const countryCode = r.alpha_two_code.trim().toUpperCase();
    if (!countryCodes.has(countryCode)) fail(`Hipo row ${index}: unknown country ${countryCode}`);
    const domains = [...new Set(r.domains.map((d) => d.trim().toLowerCase()).filter((d) => d !== ''))];
    return entry({
      // The 0-based position in the pinned file: the list has no ids of its own, and names and
      // domains are not unique.
      ref: `hipo:${index}`,
      source: 'hipo',
      name: clean(r.name),
      countryCode,
      // Hipo has no city; its state-province is not a city and is left out.
      city: null,
      website: r.web_pages.map((w) => w.trim()).find((w) => w !== '') ?? null,
      domains,
      erasmusCode: null,
      pic: null,
    });
  });
}

const ECHE_COLUMNS = [
  'proposal_number',
  'erasmus_code',
  'pic',
  'oid',
  'legal_name',
  'street',
  'post_code',
  'city',
  'country_code',
  'website_url',
  'eche_start',
  'eche_end',
] as const;

/** Erasmus codes pad the prefix with U+00A0 in most rows: matching needs one spelling. */
function normaliseErasmusCode(code: string): string {
  return code.replace(/\u00a0/g, ' ').trim().toUpperCase();
}

function buildEche(countryCodes: Set<string>): CatalogueEntry[] {
  const text = readFileSync(resolve(dataDir, 'eche-erasmus-charter-holders-2021-2027/eche_holders_2021_2027.csv'), 'utf8');
  const [header, ...data] = parseCsv(text).filter((r) => !(r.length === 1 && r[0] === ''));
  if (header === undefined || header.join(',') !== ECHE_COLUMNS.join(',')) fail('unexpected ECHE header');
  if (data.length !== 5912) fail(`expected 5,912 ECHE rows, got ${data.length}`);
  const seen = new Set<string>();
  return data.map((cells, index) => {
    if (cells.length !== ECHE_COLUMNS.length) fail(`ECHE row ${index + 2} has ${cells.length} cells`);
    const get = (col: (typeof ECHE_COLUMNS)[number]): string => cells[ECHE_COLUMNS.indexOf(col)] ?? '';
    const erasmusCode = normaliseErasmusCode(get('erasmus_code'));
    if (erasmusCode === '') fail(`ECHE row ${index + 2} has no Erasmus code`);
    if (seen.has(erasmusCode)) fail(`duplicate Erasmus code ${erasmusCode}`);
    seen.add(erasmusCode);
    const rawCountry = get('country_code').trim().toUpperCase();
    const countryCode = EU_TO_ISO[rawCountry] ?? rawCountry;
    if (!countryCodes.has(countryCode)) fail(`ECHE ${erasmusCode}: unknown country ${rawCountry}`);
    const website = get('website_url').trim();
    return entry({
      ref: `eche:${erasmusCode}`,
      source: 'eche',
      name: clean(get('legal_name')),
      countryCode,
      city: clean(get('city')),
      website: website === '' ? null : website,
      domains: [],
      erasmusCode,
      pic: clean(get('pic')),
    });
  });
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  mkdirSync(outDir, { recursive: true });
  const countries = buildCountries();
  const countryCodes = new Set(countries.map((c) => c.code));
  const countriesBytes = writeJsonLinesArray('countries.json', countries);

  const hipo = buildHipo(countryCodes);
  const eche = buildEche(countryCodes);
  // Hipo in file order (its ref is the position), then ECHE by Erasmus code: both stable.
  eche.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const catalogue = [...hipo, ...eche];
  const catalogueBytes = writeJsonLinesArray('institutions-catalogue.json', catalogue);

  console.log(`countries.json: ${countries.length} rows, ${countriesBytes} bytes`);
  console.log(
    `institutions-catalogue.json: ${catalogue.length} rows (hipo ${hipo.length}, eche ${eche.length}), ${catalogueBytes} bytes`,
  );
}

main();
