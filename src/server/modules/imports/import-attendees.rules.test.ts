import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../interop/csv-rows.ts';
import { ATTENDEE_IMPORT } from '../../../shared/contracts/import-attendees.ts';
import { AttendeeInput } from '../../../shared/contracts/conferences.ts';
import { isForeignAttendee } from '../conferences/conferences.rules.ts';
import { recognizeColumns, readRow, type CellReaders } from './import-sheet.ts';
import { countryReader } from './import-values.ts';

// Any attendee list, read as the general import reads the `attendees` kind (CSV records → header
// → rows → the contract's checks): either every row is an attendee, exactly as written, or the
// problems name exactly the bad cells by their column — judged against an oracle written here
// from the rules, not from the code.

const COUNTRIES = [
  { code: 'FR', alpha3: 'FRA', nameEn: 'France', nameZh: '法国', nameFr: 'France', isRegion: false },
  { code: 'HK', alpha3: 'HKG', nameEn: 'Hong Kong', nameZh: '中国香港', nameFr: 'Hong Kong', isRegion: true },
  { code: 'CI', alpha3: 'CIV', nameEn: "Côte d'Ivoire", nameZh: '科特迪瓦', nameFr: "Côte d'Ivoire", isRegion: false },
  { code: 'US', alpha3: 'USA', nameEn: 'United States', nameZh: '美国', nameFr: "États-Unis d'Amérique", isRegion: false },
  { code: 'GB', alpha3: 'GBR', nameEn: 'United Kingdom', nameZh: '英国', nameFr: 'Royaume-Uni', isRegion: false },
];
const readers: CellReaders = { country: countryReader(COUNTRIES), unit: () => undefined, institution: () => undefined, dayOrder: 'day-first' };
const KNOWN_COUNTRY: Record<string, string> = { FR: 'FR', france: 'FR', 法国: 'FR', HK: 'HK', 'Hong Kong': 'HK', 香港: 'HK', '': '' };
const KNOWN_ROLE: Record<string, string> = { speaker: 'speaker', 发言人: 'speaker', 报告人: 'speaker', keynote: 'speaker', '': 'participant', participant: 'participant', Delegate: 'participant', 组委会: 'organizer' };

const name = fc.oneof(
  fc.constantFrom('Li Ming', 'Hélène Dupont', '王振义', '<script>alert(1)</script>', "'; DROP TABLE people; --", '👩‍👩‍👧‍👦', ' padded '),
  fc.constant(''),
  fc.constant('   '),
  fc.constant('n'.repeat(301)),
  fc.string({ unit: fc.constantFrom('a', 'é', '王', ' ', ',', '"'), minLength: 1, maxLength: 10 }),
);
const country = fc.constantFrom(...Object.keys(KNOWN_COUNTRY), 'Atlantis', 'ZZ');
const institution = fc.oneof(fc.constantFrom('', 'Université Lyon 1', 'x,y "z"'), fc.constant('i'.repeat(501)));
const role = fc.constantFrom(...Object.keys(KNOWN_ROLE), 'emperor');
const row = fc.tuple(name, country, institution, role);

const quote = (c: string) => (/[",\r\n]/.test(c) || c === '' ? `"${c.replaceAll('"', '""')}"` : c);
const HEADER = ['Name', 'Country', 'Institution', 'Role'];

/** What the rules say is wrong with one row: the cells that cannot be read, else the contract's limits. */
function expectedProblems([n, c, i, r]: [string, string, string, string]): string[] {
  const read: string[] = [];
  if (n.trim() === '') read.push('Name:required');
  if (!(c.trim() in KNOWN_COUNTRY)) read.push('Country:unknown_country');
  if (!(r.trim() in KNOWN_ROLE)) read.push('Role:invalid_value');
  if (read.length) return read;
  const limits: string[] = [];
  if (n.trim().length > 300) limits.push('Name:too_long');
  if (i.trim().length > 500) limits.push('Institution:too_long');
  return limits;
}

const COLUMN: Record<string, string> = { fullName: 'Name', countryCode: 'Country', institutionName: 'Institution', role: 'Role' };

describe('an attendee list, any rows, read as the attendees kind', () => {
  it('reads every row exactly as written, or names every bad cell by its column and nothing else', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
        const text = [HEADER, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
        const records = [...csvRecords(text)];
        const columns = recognizeColumns(ATTENDEE_IMPORT, records[0]!.cells);
        expect(columns.problems).toEqual([]);
        records.slice(1).forEach((record, index) => {
          expect(record.rowNumber).toBe(index + 2);
          const read = readRow(ATTENDEE_IMPORT, columns, record, readers);
          const checked = AttendeeInput.omit({ version: true }).safeParse(read.values);
          const problems = read.problems.length
            ? read.problems.map((p) => `${p.column}:${p.reason}`)
            : checked.success ? [] : checked.error.issues.map((issue) => `${COLUMN[String(issue.path[0])]}:${issue.code === 'too_big' ? 'too_long' : issue.code}`);
          expect(problems).toEqual(expectedProblems(rows[index]!));
          if (problems.length === 0) {
            const [n, c, i, r] = rows[index]!;
            expect([read.values.fullName, read.values.countryCode ?? '', read.values.institutionName ?? null, read.values.role]).toEqual([n.trim(), KNOWN_COUNTRY[c.trim()], i.trim() || null, KNOWN_ROLE[r.trim()]]);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('recognises its headers in English, Chinese or French, and refuses a list without names', () => {
    for (const header of [['姓名', '国家/地区', '工作单位', '身份'], ['Nom', 'Pays', 'Établissement', 'Rôle'], ['Full name', 'Nationality', 'Affiliation', 'Type']]) {
      expect([...recognizeColumns(ATTENDEE_IMPORT, header).byField.keys()], header.join()).toEqual(['fullName', 'countryCode', 'institutionName', 'role']);
    }
    expect(recognizeColumns(ATTENDEE_IMPORT, ['Country']).problems).toEqual([{ field: 'columns.fullName', reason: 'missing_column' }]);
  });

  it('counts as foreign whoever comes from outside the mainland, by the country given or else the nationality', () => {
    expect([isForeignAttendee('FR'), isForeignAttendee('HK'), isForeignAttendee('CN'), isForeignAttendee(null), isForeignAttendee(null, 'JP'), isForeignAttendee('CN', 'FR')]).toEqual([true, true, false, false, true, false]);
  });
});
