/**
 * Reading an attendee list as people write it: headers in English, Chinese or French,
 * countries as ISO codes or names in any of the three languages, roles in words. Pure: the
 * country names come in as data, so that the rules can be tested without a database.
 */
import type { FieldProblem } from '../../core/errors.ts';
import type { AttendeeRole } from '../../../shared/contracts/conferences.ts';

/** The columns an attendee list has. */
export type AttendeeColumn = 'name' | 'country' | 'institution' | 'role';

/** A key that ignores case, accents, width, spaces and punctuation ("Côte d'Ivoire" = "cote divoire"). */
export function looseKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const HEADER_ALIASES: Record<AttendeeColumn, string[]> = {
  name: ['name', 'full name', 'attendee', 'participant', 'nom', 'nom complet', '姓名', '名字', '全名', '参会人', '参会人员'],
  country: ['country', 'country/region', 'country or region', 'countries and regions', 'nationality', 'pays', 'nationalité', '国家', '国家/地区', '国家或地区', '国家和地区', '国别', '国籍'],
  institution: ['institution', 'organization', 'organisation', 'affiliation', 'university', 'établissement', 'organisme', '单位', '机构', '工作单位', '所在单位', '所在机构', '院校'],
  role: ['role', 'rôle', 'type', '角色', '身份', '类别', '参会身份'],
};

const HEADERS = new Map<string, AttendeeColumn>(
  Object.entries(HEADER_ALIASES).flatMap(([column, aliases]) => aliases.map((a) => [looseKey(a), column as AttendeeColumn])),
);

const ROLE_ALIASES: Record<AttendeeRole, string[]> = {
  speaker: ['speaker', 'presenter', 'keynote', 'keynote speaker', 'invited speaker', 'lecturer', 'intervenant', 'orateur', 'conférencier', '发言人', '报告人', '演讲者', '讲者', '特邀报告人', '主讲人'],
  participant: ['participant', 'attendee', 'delegate', 'delegue', 'délégué', '参会者', '参会人员', '代表', '与会者', '参会代表'],
  organizer: ['organizer', 'organiser', 'organizing committee', 'organisateur', 'organisatrice', '组织者', '主办方', '会务', '组委会'],
  other: ['other', 'autre', '其他'],
};

const ROLES = new Map<string, AttendeeRole>(
  Object.entries(ROLE_ALIASES).flatMap(([role, aliases]) => aliases.map((a) => [looseKey(a), role as AttendeeRole])),
);

/** English names people write that are not the reference data's. */
const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'US', 'united states of america': 'US', america: 'US', uk: 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB',
  scotland: 'GB', wales: 'GB', korea: 'KR', 'republic of korea': 'KR', holland: 'NL', 'the netherlands': 'NL', 'czech republic': 'CZ',
  russia: 'RU', 'russian federation': 'RU', 'viet nam': 'VN', 'hong kong sar': 'HK', 'macau': 'MO', 'macao sar': 'MO', prc: 'CN',
  "people's republic of china": 'CN', 'mainland china': 'CN', '中国大陆': 'CN', '香港特别行政区': 'HK', '澳门特别行政区': 'MO',
};

export interface CountryName {
  code: string;
  alpha3: string;
  nameEn: string;
  nameZh: string;
  nameFr: string;
  isRegion: boolean;
}

/** Finds a country or region by code (alpha-2 or alpha-3) or by its name in English, Chinese or French. */
export function countryResolver(countries: CountryName[]): (given: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const c of countries) {
    for (const name of [c.code, c.alpha3, c.nameEn, c.nameZh, c.nameFr]) byKey.set(looseKey(name), c.code);
    // "中国香港" is also written "香港".
    if (c.isRegion && c.nameZh.startsWith('中国')) byKey.set(looseKey(c.nameZh.slice(2)), c.code);
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) if (!byKey.has(looseKey(alias))) byKey.set(looseKey(alias), code);
  return (given) => byKey.get(looseKey(given));
}

/** The role a cell names; empty is a participant. */
export function resolveRole(given: string): AttendeeRole | undefined {
  return given.trim() === '' ? 'participant' : ROLES.get(looseKey(given));
}

/** Which column each header cell is (undefined: a column we do not read). */
export function mapHeaders(cells: string[]): { columns: Map<AttendeeColumn, number>; problems: FieldProblem[] } {
  const columns = new Map<AttendeeColumn, number>();
  const problems: FieldProblem[] = [];
  cells.forEach((cell, index) => {
    const column = HEADERS.get(looseKey(cell));
    if (!column) return;
    if (columns.has(column)) problems.push({ field: `columns.${column}`, reason: 'duplicate' });
    else columns.set(column, index);
  });
  if (!columns.has('name')) problems.push({ field: 'columns.name', reason: 'missing_column' });
  return { columns, problems };
}

/** One attendee as the file gives it, before institutions are looked up. */
export interface ParsedAttendee {
  rowNumber: number;
  fullName: string;
  countryCode: string | null;
  institutionName: string | null;
  role: AttendeeRole;
}

/** A row of the sheet: its number as the spreadsheet shows it, and its cells as text. */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
}

/** At most this many problems are reported: a wrong file would otherwise answer with thousands. */
export const MAX_REPORTED_PROBLEMS = 100;

/**
 * Reads one data row: the name is required (at most 300 characters), a country must be one
 * we know, a role one of ours. Problems are named `rows.<row number>.<column>`.
 */
export function parseAttendeeRow(
  row: SheetRow,
  columns: Map<AttendeeColumn, number>,
  resolveCountry: (given: string) => string | undefined,
): { attendee?: ParsedAttendee; problems: FieldProblem[] } {
  const cell = (column: AttendeeColumn) => {
    const index = columns.get(column);
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };
  const problems: FieldProblem[] = [];
  const at = (column: AttendeeColumn) => `rows.${row.rowNumber}.${column}`;
  const fullName = cell('name');
  if (!fullName) problems.push({ field: at('name'), reason: 'required' });
  else if (fullName.length > 300) problems.push({ field: at('name'), reason: 'too_long' });
  const country = cell('country');
  const countryCode = country ? resolveCountry(country) : null;
  if (countryCode === undefined) problems.push({ field: at('country'), reason: 'unknown_country' });
  const institutionName = cell('institution');
  if (institutionName.length > 500) problems.push({ field: at('institution'), reason: 'too_long' });
  const role = resolveRole(cell('role'));
  if (!role) problems.push({ field: at('role'), reason: 'unknown_role' });
  if (problems.length) return { problems };
  return { attendee: { rowNumber: row.rowNumber, fullName, countryCode: countryCode ?? null, institutionName: institutionName || null, role: role! }, problems };
}

/** Whether an attendee is foreign: by the country given, else by the linked person's nationality; unknown is not foreign. */
export function isForeignAttendee(countryCode: string | null, nationality: string | null = null): boolean {
  const country = countryCode ?? nationality;
  return country !== null && country !== 'CN';
}
