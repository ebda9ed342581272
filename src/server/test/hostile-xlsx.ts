/**
 * Hostile workbooks made in the test, not committed: a zip writer whose parts are runs of a
 * repeated piece, each piece deflated once and its compressed bytes repeated (a full flush
 * makes a piece's deflate blocks stand alone), so a part of gigabytes costs a few
 * megabytes and milliseconds to make. The sizes a header declares can be made to lie.
 */
import { crc32, deflateRawSync, constants } from 'node:zlib';

/** A part's content: pieces, each repeated `times`. */
export interface Piece {
  text: string;
  times?: number;
}

export interface ZipPart {
  name: string;
  pieces: Piece[];
  /** The uncompressed size the headers declare, when it should lie. */
  declaredSize?: number;
}

const EMPTY_FINAL_BLOCK = Buffer.from([0x03, 0x00]);

function compressed(pieces: Piece[]): { data: Buffer; size: number; crc: number } {
  const chunks: Buffer[] = [];
  let size = 0;
  let crc = 0;
  for (const { text, times = 1 } of pieces) {
    const raw = Buffer.from(text, 'utf8');
    const block = deflateRawSync(raw, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
    for (let i = 0; i < times; i++) {
      chunks.push(block);
      crc = crc32(raw, crc);
    }
    size += raw.length * times;
  }
  chunks.push(EMPTY_FINAL_BLOCK);
  return { data: Buffer.concat(chunks), size, crc };
}

/** A zip of `parts` (deflated), as Excel would write it but for what is in the parts. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const { data, size, crc } = compressed(part.pieces);
    const declared = part.declaredSize ?? size;
    if (declared > 0xffffffff) throw new Error(`${part.name}: ${declared} bytes needs zip64`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A workbook of one sheet, Excel's parts in Excel's order, the sheet data's rows as pieces
 * and shared strings as pieces (none: no shared-strings part).
 */
export function workbook(options: { rows: Piece[]; sharedStrings?: Piece[]; sharedStringsDeclared?: number; sheetDeclared?: number }): Buffer {
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      pieces: [
        {
          text:
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        },
      ],
    },
    {
      name: '_rels/.rels',
      pieces: [{ text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` }],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      pieces: [
        {
          text:
            `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
            `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
        },
      ],
    },
    { name: 'xl/workbook.xml', pieces: [{ text: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>` }] },
  ];
  if (options.sharedStrings) {
    parts.push({
      name: 'xl/sharedStrings.xml',
      pieces: [{ text: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">` }, ...options.sharedStrings, { text: '</sst>' }],
      ...(options.sharedStringsDeclared !== undefined ? { declaredSize: options.sharedStringsDeclared } : {}),
    });
  }
  parts.push({
    name: 'xl/worksheets/sheet1.xml',
    pieces: [{ text: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>` }, ...options.rows, { text: '</sheetData></worksheet>' }],
    ...(options.sheetDeclared !== undefined ? { declaredSize: options.sheetDeclared } : {}),
  });
  return zipOf(parts);
}

/** An inline-string cell, so that a row needs no shared strings. */
export const inlineCell = (text: string, reference?: string): string => `<c${reference ? ` r="${reference}"` : ''} t="inlineStr"><is><t>${text}</t></is></c>`;
