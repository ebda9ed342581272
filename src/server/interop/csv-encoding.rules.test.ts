import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.ts';
import { csvEncodingNamed, detectCsvEncoding, type CsvEncoding } from './csv-rows.ts';
import { openSpreadsheet } from './spreadsheet-reader.ts';

const CHINESE = '姓名,国家,单位,来访日期\n王振义,中国,上海交通大学医学院,2019年3月5日\n陈竺,法国,巴黎西岱大学,2019/3/5\n臺灣大學,臺灣,國立臺灣大學,2020.1.2\n';
const FRENCH = 'Nom;Pays;Établissement\nRenée Lefèvre;France;Université Paris Cité\nJosé Muñoz;Espagne;Universidad Complutense\nFrançois Çelik;Côte d’Ivoire;Hôpital de Treichville\n';

async function rowsOf(content: Buffer, encoding?: CsvEncoding) {
  const opened = openSpreadsheet(content, { encoding });
  const rows: string[][] = [];
  for await (const row of opened.rows) rows.push(row.cells);
  return { encoding: opened.encoding, rows };
}

const table = (text: string, sep: string) => text.trim().split('\n').map((line) => line.split(sep));

describe('CSV encodings', () => {
  it.each([
    ['UTF-8', Buffer.from(CHINESE, 'utf8'), 'utf-8', CHINESE, ','],
    ['UTF-8 with its byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CHINESE, 'utf8')]), 'utf-8', CHINESE, ','],
    ['GB18030 (Chinese Excel, WPS)', iconv.encode(CHINESE, 'gb18030'), 'gb18030', CHINESE, ','],
    ['GBK', iconv.encode(CHINESE.replace(/臺灣大學,臺灣,國立臺灣大學/, '李华,中国台湾,台湾大学'), 'gbk'), 'gb18030', CHINESE.replace(/臺灣大學,臺灣,國立臺灣大學/, '李华,中国台湾,台湾大学'), ','],
    ['Windows-1252 (French Excel)', iconv.encode(FRENCH.replace('’', "'"), 'windows-1252'), 'windows-1252', FRENCH.replace('’', "'"), ';'],
    ['UTF-16 with its byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(CHINESE.replace(/,/g, '\t'), 'utf-16le')]), 'utf-16le', CHINESE.replace(/,/g, '\t'), '\t'],
  ])('reads %s, and says which it detected', async (_name, content, encoding, text, sep) => {
    const read = await rowsOf(content);
    expect(read.encoding).toBe(encoding);
    expect(read.rows).toEqual(table(text, sep));
  });

  it('reads the encoding the user chose over the one detected', async () => {
    const latin = iconv.encode('Nom,Ville\nRenée,Orléans\n', 'windows-1252');
    expect((await rowsOf(latin, 'windows-1252')).rows[1]).toEqual(['Renée', 'Orléans']);
    expect((await rowsOf(latin, 'gb18030')).rows[1]).not.toEqual(['Renée', 'Orléans']);
  });

  it('refuses a file that is not UTF-8 read as UTF-8, naming the file and the reason', async () => {
    const gbk = iconv.encode(CHINESE, 'gbk');
    const error = await rowsOf(gbk, 'utf-8').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).extra.fields).toEqual([{ field: 'file', reason: 'wrong_encoding' }]);
  });

  it('knows an encoding by the names people give it', () => {
    expect(['GBK', 'gb2312', 'UTF8', 'latin1', 'CP1252', 'Big5'].map(csvEncodingNamed)).toEqual(['gb18030', 'gb18030', 'utf-8', 'windows-1252', 'windows-1252', 'big5']);
    expect(csvEncodingNamed('ebcdic')).toBeUndefined();
  });

  it('tells Windows-1252 from GB18030 on short files', () => {
    expect(detectCsvEncoding(iconv.encode('Nom,Pays\nJosé,España\n', 'windows-1252'))).toBe('windows-1252');
    expect(detectCsvEncoding(iconv.encode('姓名,国家\n李,法国\n', 'gbk'))).toBe('gb18030');
    // Chinese only in the header (GBK that is also valid Big5), the rows in ASCII.
    expect(detectCsvEncoding(iconv.encode('英文名称,国家或地区\r\nNowhere College,Atlantis\r\n', 'gbk'))).toBe('gb18030');
    expect(detectCsvEncoding(iconv.encode('Nom,Ville\nRenée,Orléans\nAurélie,Besançon\n', 'windows-1252'))).toBe('windows-1252');
  });
});
