import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countryResolver, mapHeaders, parseAttendeeRow, type ParsedAttendee } from './attendee-import.ts';
import { csvRecords } from './attendee-sheet.ts';
import type { FieldProblem } from '../../core/errors.ts';

// Any attendee list, read as the import reads it (CSV records → header → rows): either every row
// is an attendee, exactly as written, or the problems name exactly the bad cells, each as
// `rows.N.column` with N the row number a spreadsheet shows — judged against an oracle written
// here from the rules, not from the code.

const COUNTRIES = [
  { code: 'FR', alpha3: 'FRA', nameEn: 'France', nameZh: '法国', nameFr: 'France', isRegion: false },
  { code: 'HK', alpha3: 'HKG', nameEn: 'Hong Kong', nameZh: '中国香港', nameFr: 'Hong Kong', isRegion: true },
];
const KNOWN_COUNTRY: Record<string, string> = { FR: 'FR', france: 'FR', 法国: 'FR', HK: 'HK', 'Hong Kong': 'HK', '': '' };
const KNOWN_ROLE: Record<string, string> = { speaker: 'speaker', 发言人: 'speaker', '': 'participant', participant: 'participant' };

const name = fc.oneof(
  fc.constantFrom('Li Ming', 'Hélène Dupont', '王振义', '<script>alert(1)</script>', "'; DROP TABLE people; --", '=1+1', '👩‍👩‍👧‍👦', ' padded '),
  fc.constant(''),
  fc.constant('   '),
  fc.constant('n'.repeat(301)),
  fc.string({ unit: fc.constantFrom('a', 'é', '王', ' ', ',', '"', '\n'), minLength: 1, maxLength: 10 }),
);
const country = fc.constantFrom(...Object.keys(KNOWN_COUNTRY), 'Atlantis', 'ZZ');
const institution = fc.oneof(fc.constantFrom('', 'Université Lyon 1', 'x,y "z"'), fc.constant('i'.repeat(501)));
const role = fc.constantFrom(...Object.keys(KNOWN_ROLE), 'emperor');
const row = fc.tuple(name, country, institution, role);

const quote = (c: string) => (/[",\r\n]/.test(c) || c === '' ? `"${c.replaceAll('"', '""')}"` : c);

/** What the rules say is wrong with one row, as field problems. */
function expectedProblems(rowNumber: number, [n, c, i, r]: [string, string, string, string]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (n.trim() === '') problems.push({ field: `rows.${rowNumber}.name`, reason: 'required' });
  else if (n.trim().length > 300) problems.push({ field: `rows.${rowNumber}.name`, reason: 'too_long' });
  if (!(c.trim() in KNOWN_COUNTRY)) problems.push({ field: `rows.${rowNumber}.country`, reason: 'unknown_country' });
  if (i.trim().length > 500) problems.push({ field: `rows.${rowNumber}.institution`, reason: 'too_long' });
  if (!(r.trim() in KNOWN_ROLE)) problems.push({ field: `rows.${rowNumber}.role`, reason: 'unknown_role' });
  return problems;
}

describe('an attendee list, any rows', () => {
  it('imports wholly, exactly as written, or names every bad cell as rows.N.column and nothing else', () => {
    const resolve = countryResolver(COUNTRIES);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
        const text = [['Name', 'Country', 'Institution', 'Role'], ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
        const records = [...csvRecords(text)];
        const header = mapHeaders(records[0]!.cells);
        expect(header.problems).toEqual([]);
        const attendees: ParsedAttendee[] = [];
        const problems: FieldProblem[] = [];
        for (const record of records.slice(1)) {
          const parsed = parseAttendeeRow(record, header.columns, resolve);
          if (parsed.attendee) attendees.push(parsed.attendee);
          else problems.push(...parsed.problems);
          // A row is either an attendee or problems, never both, never neither.
          expect(Boolean(parsed.attendee)).toBe(parsed.problems.length === 0);
        }
        const expected = rows.flatMap((r, index) => expectedProblems(index + 2, r));
        expect(problems).toEqual(expected);
        for (const p of problems) expect(p.field).toMatch(/^rows\.\d+\.(name|country|institution|role)$/);
        if (expected.length === 0) {
          expect(attendees.map((a) => [a.rowNumber, a.fullName, a.countryCode, a.institutionName, a.role])).toEqual(
            rows.map(([n, c, i, r], index) => [index + 2, n.trim(), KNOWN_COUNTRY[c.trim()] || null, i.trim() || null, KNOWN_ROLE[r.trim()]]),
          );
        }
      }),
      { numRuns: 500 },
    );
  });
});
