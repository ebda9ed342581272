/**
 * The files the import bench reads, made deterministically (the same bytes every run): a ledger
 * aggregate file, one distinct count per row (year × direction × people × purpose × country ×
 * unit), and a visitors file, one row per visitor, five to a visit, in the scripts an office's
 * sheets mix (Chinese, pinyin, Japanese, Korean, Cyrillic, accented Latin), some of them people
 * already on file (by passport number, or by name only). Values as offices type them: labels in
 * en/zh/fr, countries by ISO code or name in any of the three languages, dates in several forms.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { DIRECTIONS, LEDGER_CATEGORIES, WHO } from '../src/shared/contracts/ledger.ts';

/** A country as the reference table names it. */
export interface BenchCountry {
  code: string;
  nameEn: string;
  nameZh: string;
  nameFr: string;
}

/** A unit as a cell may name it. */
export interface BenchUnit {
  code: string;
  nameZh: string;
}

/** A person on file the visitors file names again. */
export interface KnownPerson {
  familyName: string;
  givenName: string;
  nameZh: string | null;
  nationality: string;
  passportNumber: string;
}

const DIRECTION_CELLS: Record<(typeof DIRECTIONS)[number], string[]> = { inbound: ['Inbound', '来访', 'Entrant'], outbound: ['Outbound', '出访', 'Sortant'] };
const WHO_CELLS: Record<(typeof WHO)[number], string[]> = {
  staff: ['Staff', '教职工', 'Personnel'],
  student: ['Students', '学生', 'Étudiants'],
  visitor: ['Visitors', '来宾', 'Visiteurs'],
  expert: ['Experts', '专家', 'Experts'],
};

/** A CSV cell, quoted when it must be. */
function cell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes `lines` to `path` in chunks, the file never held whole. */
async function writeLines(path: string, header: string[], lines: Iterable<string[]>): Promise<number> {
  const out = createWriteStream(path);
  let chunk = `${header.map(cell).join(',')}\n`;
  let bytes = 0;
  for (const line of lines) {
    chunk += `${line.map(cell).join(',')}\n`;
    if (chunk.length > 1 << 16) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  bytes += Buffer.byteLength(chunk);
  out.end(chunk);
  await once(out, 'finish');
  return bytes;
}

/** The header of the aggregate file, as an office would head it (English, Chinese and French mixed). */
export const AGGREGATE_HEADER = ['Year', 'Direction', '人员类别', 'Purpose', 'Pays ou région', 'Unit', '人次', 'Source', 'Notes'];

/**
 * Writes `rows` distinct aggregate counts to `path`; returns the file's size. Row i is the i-th
 * combination in mixed radix, so no two rows count the same cell (each is a new count, none a
 * duplicate of another).
 */
export async function writeAggregateFile(path: string, rows: number, countries: BenchCountry[], units: BenchUnit[]): Promise<number> {
  const years = 2020 - 1950;
  const unitCells = ['', ...units.map((u, i) => (i % 2 ? u.nameZh : u.code))];
  function* lines(): Generator<string[]> {
    for (let i = 0; i < rows; i += 1) {
      let k = i;
      const take = (n: number) => {
        const v = k % n;
        k = Math.floor(k / n);
        return v;
      };
      const country = countries[take(countries.length)]!;
      const year = 1950 + take(years);
      const direction = DIRECTIONS[take(DIRECTIONS.length)]!;
      const who = WHO[take(WHO.length)]!;
      const category = LEDGER_CATEGORIES[take(LEDGER_CATEGORIES.length)]!;
      const unit = unitCells[take(unitCells.length)]!;
      if (k > 0) throw new Error(`${rows} rows are more than the distinct counts the bench can write`);
      const form = i % 3;
      const countryCell = [country.code, country.nameZh, country.nameFr][form]!;
      yield [String(year), DIRECTION_CELLS[direction][form]!, WHO_CELLS[who][(form + 1) % 3]!, category, countryCell, unit, String(1 + (i % 97)), `年报 ${year} / Annual report ${year}`, i % 10 ? '' : `Compté à la main, ${i}`];
    }
  }
  return writeLines(path, AGGREGATE_HEADER, lines());
}

/** The header of the visitors file. */
export const VISITOR_HEADER = ['Visit title (English)', '来访标题（中文）', 'Host unit', 'First day', 'Last day', 'Family name', 'Given name', '中文姓名', 'Gender', 'Country or region', 'Position', 'Role in the delegation', 'Email', 'Passport number'];

const CHINESE_FAMILY = [['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'], ['黄', 'Huang'], ['赵', 'Zhao'], ['吴', 'Wu'], ['周', 'Zhou']] as const;
const CHINESE_GIVEN = [['振义', 'Zhenyi'], ['晓明', 'Xiaoming'], ['丽华', 'Lihua'], ['建国', 'Jianguo'], ['海燕', 'Haiyan'], ['志强', 'Zhiqiang'], ['秀英', 'Xiuying'], ['文博', 'Wenbo'], ['嘉怡', 'Jiayi'], ['子涵', 'Zihan'], ['宇航', 'Yuhang']] as const;
const OTHER = [
  { family: 'Dupont', given: 'Amélie', country: 'FR' },
  { family: 'Müller', given: 'Jürgen', country: 'DE' },
  { family: '佐藤', given: '健太', country: 'JP' },
  { family: '김', given: '민준', country: 'KR' },
  { family: 'Иванова', given: 'Мария', country: 'RU' },
  { family: 'García Márquez', given: 'José', country: 'ES' },
  { family: "O'Brien", given: 'Siobhán', country: 'IE' },
  { family: 'Nguyễn', given: 'Thị Hoa', country: 'VN' },
  { family: 'Smith', given: 'John', country: 'US' },
  { family: 'Kowalski', given: 'Łukasz', country: 'PL' },
  { family: 'Øvergaard', given: 'Sigrid', country: 'NO' },
  { family: 'Rossi', given: 'Giulia', country: 'IT' },
  { family: 'Silva', given: 'João', country: 'BR' },
] as const;
const POSITIONS = ['Professor', '教授', 'Maître de conférences', 'Dean', '院长', 'Research fellow', 'PhD student', '副教授'];

/** The i-th made-up visitor (never one of the known people: their passports differ). */
function visitor(i: number, countries: Map<string, BenchCountry>): { family: string; given: string; zh: string; country: string; email: string; passport: string } {
  if (i % 2 === 0) {
    const [fz, fp] = CHINESE_FAMILY[i % CHINESE_FAMILY.length]!;
    const [gz, gp] = CHINESE_GIVEN[Math.floor(i / 7) % CHINESE_GIVEN.length]!;
    // Each Chinese visitor named apart from the others (a number in the given name), so only the known people match by name.
    const tag = String(i).split('').map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
    const country = ['CN', 'TW', 'HK', 'SG', 'MO'][i % 5]!;
    const place = countries.get(country);
    return { family: fp, given: `${gp}${i}`, zh: `${fz}${gz}${tag}`, country: i % 3 === 0 && place ? place.nameZh : country, email: `${fp.toLowerCase()}.${gp.toLowerCase()}${i}@example.cn`, passport: `E${String(10_000_000 + i)}` };
  }
  const o = OTHER[i % OTHER.length]!;
  const place = countries.get(o.country);
  return { family: o.family, given: `${o.given} ${i}`, zh: '', country: i % 3 === 0 && place ? place.nameFr : o.country, email: i % 4 === 1 ? '' : `v${i}@example.org`, passport: i % 5 === 0 ? '' : `P${String(20_000_000 + i)}` };
}

/**
 * Writes `rows` visitor rows to `path`, five to a visit (the head first); every 50th row is one of
 * `known` by passport number (a sure match: linked), every 200th one of them by name only, in
 * another script (a possible duplicate the user decides). Returns the file's size.
 */
export async function writeVisitorFile(path: string, rows: number, known: KnownPerson[], countries: BenchCountry[], units: BenchUnit[]): Promise<number> {
  const byCode = new Map(countries.map((c) => [c.code, c]));
  function* lines(): Generator<string[]> {
    for (let i = 0; i < rows; i += 1) {
      const visit = Math.floor(i / 5);
      const day = new Date(Date.UTC(2000 + (visit % 24), visit % 12, 1 + (visit % 27)));
      const last = new Date(day.getTime() + (1 + (visit % 6)) * 86_400_000);
      const iso = (d: Date) => d.toISOString().slice(0, 10);
      const dateCell = (d: Date) => (visit % 3 === 0 ? iso(d) : visit % 3 === 1 ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日` : iso(d).replace(/-/g, '/'));
      const unit = units[visit % units.length]!;
      const head = [`Delegation ${visit} of partner universities`, visit % 2 ? `合作院校代表团${visit}` : '', visit % 2 ? unit.nameZh : unit.code, dateCell(day), dateCell(last)];
      const role = i % 5 === 0 ? '团长 / Head' : '';
      if (i % 50 === 25 && known.length) {
        const k = known[(i / 50) % known.length | 0]!;
        yield [...head, k.familyName, k.givenName, k.nameZh ?? '', '', k.nationality, POSITIONS[i % POSITIONS.length]!, role, '', k.passportNumber];
        continue;
      }
      if (i % 200 === 110 && known.length) {
        // The same person by name only: the Chinese name alone, or the Latin one in capitals.
        const k = known[(i / 200) % known.length | 0]!;
        yield k.nameZh
          ? [...head, k.nameZh.slice(0, 1), k.nameZh.slice(1), k.nameZh, '', k.nationality, '', role, '', '']
          : [...head, k.familyName.toUpperCase(), k.givenName, '', '', k.nationality, '', role, '', ''];
        continue;
      }
      const v = visitor(i, byCode);
      yield [...head, v.family, v.given, v.zh, ['Male', '女', 'Femme', ''][i % 4]!, v.country, POSITIONS[i % POSITIONS.length]!, role, v.email, v.passport];
    }
  }
  return writeLines(path, VISITOR_HEADER, lines());
}
