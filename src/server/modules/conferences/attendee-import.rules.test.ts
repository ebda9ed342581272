import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countryResolver, isForeignAttendee, looseKey, mapHeaders, parseAttendeeRow, resolveRole } from './attendee-import.ts';
import { csvRecords, decodeCsv } from './attendee-sheet.ts';

const COUNTRIES = [
  { code: 'FR', alpha3: 'FRA', nameEn: 'France', nameZh: '法国', nameFr: 'France', isRegion: false },
  { code: 'CI', alpha3: 'CIV', nameEn: "Côte d'Ivoire", nameZh: '科特迪瓦', nameFr: "Côte d'Ivoire", isRegion: false },
  { code: 'HK', alpha3: 'HKG', nameEn: 'Hong Kong', nameZh: '中国香港', nameFr: 'Hong Kong', isRegion: true },
  { code: 'US', alpha3: 'USA', nameEn: 'United States', nameZh: '美国', nameFr: "États-Unis d'Amérique", isRegion: false },
  { code: 'GB', alpha3: 'GBR', nameEn: 'United Kingdom', nameZh: '英国', nameFr: 'Royaume-Uni', isRegion: false },
];

describe('reading countries, roles and headers as people write them', () => {
  const resolve = countryResolver(COUNTRIES);

  it('finds a country by code, alpha-3, or name in any language, whatever the case, accents and spacing', () => {
    for (const given of ['FR', 'fr', 'FRA', 'france', ' FRANCE ', '法国']) expect(resolve(given), given).toBe('FR');
    for (const given of ["cote d'ivoire", 'Côte d’Ivoire', 'COTE DIVOIRE']) expect(resolve(given), given).toBe('CI');
    for (const given of ['香港', '中国香港', 'Hong Kong', 'HKG']) expect(resolve(given), given).toBe('HK');
    for (const given of ['USA', 'United States of America', 'états-unis d’amérique', '美国']) expect(resolve(given), given).toBe('US');
    for (const given of ['UK', 'England', 'Royaume Uni']) expect(resolve(given), given).toBe('GB');
    expect(resolve('Atlantis')).toBeUndefined();
  });

  it('reads roles in English, Chinese and French; empty is a participant', () => {
    expect(['Speaker', '发言人', 'Intervenant', '报告人'].map(resolveRole)).toEqual(['speaker', 'speaker', 'speaker', 'speaker']);
    expect(['', '  ', '参会者', 'Delegate'].map(resolveRole)).toEqual(['participant', 'participant', 'participant', 'participant']);
    expect(resolveRole('emperor')).toBeUndefined();
  });

  it('maps headers in any of the three languages, refusing a list without names or with a column twice', () => {
    expect([...mapHeaders(['姓名', '国家/地区', '工作单位', '身份']).columns]).toEqual([['name', 0], ['country', 1], ['institution', 2], ['role', 3]]);
    expect([...mapHeaders(['#', 'Nom', 'Pays', 'Établissement', 'Rôle']).columns]).toEqual([['name', 1], ['country', 2], ['institution', 3], ['role', 4]]);
    expect(mapHeaders(['Country']).problems).toEqual([{ field: 'columns.name', reason: 'missing_column' }]);
    expect(mapHeaders(['Name', '姓名']).problems).toEqual([{ field: 'columns.name', reason: 'duplicate' }]);
  });

  it('names every bad cell of a row by its spreadsheet row number', () => {
    const { columns } = mapHeaders(['name', 'country', 'role']);
    expect(parseAttendeeRow({ rowNumber: 12, cells: ['', 'Narnia', 'king'] }, columns, resolve).problems).toEqual([
      { field: 'rows.12.name', reason: 'required' },
      { field: 'rows.12.country', reason: 'unknown_country' },
      { field: 'rows.12.role', reason: 'unknown_role' },
    ]);
    expect(parseAttendeeRow({ rowNumber: 3, cells: [' Li Ming ', ''] }, columns, resolve)).toEqual({
      attendee: { rowNumber: 3, fullName: 'Li Ming', countryCode: null, institutionName: null, role: 'participant' }, problems: [],
    });
  });

  it('counts as foreign whoever comes from outside the mainland, by the country given or else the nationality', () => {
    expect([isForeignAttendee('FR'), isForeignAttendee('HK'), isForeignAttendee('CN'), isForeignAttendee(null), isForeignAttendee(null, 'JP'), isForeignAttendee('CN', 'FR')]).toEqual([
      true, true, false, false, true, false,
    ]);
    expect(looseKey('Ｆｒａｎｃｅ')).toBe('france');
  });
});

describe('the CSV reader', () => {
  const cellText = fc.string({ unit: fc.constantFrom('a', 'é', '王', ' ', ',', ';', '"', '\n', '\r\n', 'x'), maxLength: 8 });

  it('reads back any table written with RFC 4180 quoting, with comma or semicolon', () => {
    fc.assert(
      fc.property(fc.constantFrom(',', ';'), fc.array(fc.array(cellText, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (sep, table) => {
        // The header decides the separator, as a spreadsheet's does: three named columns.
        const rows = [['name', 'country', 'role'], ...table];
        const quote = (c: string) => (/[",;\r\n]/.test(c) || c === '' ? `"${c.replaceAll('"', '""')}"` : c);
        const text = rows.map((r) => r.map(quote).join(sep)).join('\r\n') + '\r\n';
        expect([...csvRecords(text)].map((r) => r.cells)).toEqual(rows);
        expect([...csvRecords(text)].map((r) => r.rowNumber)).toEqual(rows.map((_, i) => i + 1));
      }),
    );
  });

  it('decodes UTF-8, UTF-16 with its byte-order mark, and falls back to GB18030', () => {
    expect(decodeCsv(Buffer.from('姓名,国家\n', 'utf8'))).toBe('姓名,国家\n');
    expect(decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('名\tFR\n', 'utf16le')]))).toBe('名\tFR\n');
    // 王 in GB18030 is CD F5, which is not UTF-8.
    expect(decodeCsv(Buffer.from([0xcd, 0xf5, 0x2c, 0x46, 0x52]))).toBe('王,FR');
  });
});
