/**
 * The XML parts of an xlsx, read from its zip under the limits: the central directory's
 * declared sizes first, then the bytes as they are actually inflated (a header can lie), the
 * XML parsed by saxes as it comes, never a whole part in memory.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { nextEntry } from './zip-entries.ts';
import { overLimit, type ReadBudget, type SpreadsheetLimitReason } from './spreadsheet-limits.ts';

/** The parts of a workbook this reader needs, by the zip's order. */
export interface WorkbookParts {
  zip: yauzl.ZipFile;
  sharedStrings: yauzl.Entry | null;
  /** The first worksheet in the zip, as ExcelJS took it. */
  sheet: yauzl.Entry | null;
  /** Bytes inflated so far, over every part read. */
  inflated: number;
}

const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;


/**
 * Opens an xlsx's zip and finds its parts, refusing it on the sizes its central directory
 * declares (the sum of every part, and the shared strings alone) before inflating a byte.
 */
export async function openWorkbook(content: Buffer, budget: ReadBudget): Promise<WorkbookParts> {
  const { limits } = budget;
  const zip = await yauzl.fromBufferPromise(content, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  const parts: WorkbookParts = { zip, sharedStrings: null, sheet: null, inflated: 0 };
  try {
    if (zip.entryCount > limits.parts) throw overLimit('spreadsheet_too_many_parts');
    let declared = 0;
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      declared += entry.uncompressedSize;
      if (declared > limits.inflatedBytes) throw overLimit('spreadsheet_inflated_too_large');
      if (entry.fileName === 'xl/sharedStrings.xml') {
        if (entry.uncompressedSize > limits.sharedStringsBytes) throw overLimit('spreadsheet_shared_strings_too_large');
        parts.sharedStrings = entry;
      } else if (!parts.sheet && SHEET.test(entry.fileName)) parts.sheet = entry;
      budget.checkTime();
    }
    return parts;
  } catch (error) {
    zip.close();
    throw error;
  }
}

/**
 * The text of one part, chunk by chunk as zlib inflates it (16 kB at a time, pulled, so
 * nothing runs ahead): every byte counts toward the workbook's inflated limit and toward the
 * part's own, whatever its header said (yauzl also stops a part that inflates past its
 * declared size, as a damaged file).
 */
async function* partText(parts: WorkbookParts, entry: yauzl.Entry, budget: ReadBudget, own?: { bytes: number; reason: SpreadsheetLimitReason }): AsyncGenerator<string> {
  const stream: Readable = await parts.zip.openReadStreamPromise(entry);
  const decoder = new StringDecoder('utf8');
  let inflated = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      parts.inflated += chunk.length;
      if (parts.inflated > budget.limits.inflatedBytes) throw overLimit('spreadsheet_inflated_too_large');
      if (own && inflated > own.bytes) throw overLimit(own.reason);
      budget.checkTime();
      yield decoder.write(chunk);
    }
    yield decoder.end();
  } finally {
    stream.destroy();
  }
}

/** What a part's reader does with the XML events; it may throw to stop the read. */
export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  text(text: string): void;
  close(name: string): void;
}

/**
 * The text saxes holds between two events (a text node, an attribute value, a comment or
 * CDATA being read). It is private to saxes (pinned at 5.0.1), read here because otherwise a
 * single text node of the whole part would be held before any event told us its length.
 */
function heldText(parser: SaxesParser): number {
  const held = (parser as unknown as { text?: unknown; name?: unknown });
  return (typeof held.text === 'string' ? held.text.length : 0) + (typeof held.name === 'string' ? held.name.length : 0);
}

/**
 * Parses one part with `handlers` (element names without their namespace prefix), refusing
 * any text longer than the limit even before it ends. Yields after each chunk, so that the
 * caller can hand on what the handlers gathered; `stop()` ends the reading early.
 */
export async function* parsePart(
  parts: WorkbookParts,
  entry: yauzl.Entry,
  budget: ReadBudget,
  handlers: XmlHandlers,
  own?: { bytes: number; reason: SpreadsheetLimitReason },
): AsyncGenerator<void> {
  const parser = new SaxesParser();
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  parser.on('opentag', (node) => handlers.open(local(node.name), node.attributes as Record<string, string>));
  parser.on('text', (text) => handlers.text(text));
  parser.on('closetag', (node) => handlers.close(local(node.name)));
  for await (const text of partText(parts, entry, budget, own)) {
    parser.write(text);
    budget.text(heldText(parser));
    yield;
  }
  parser.close();
}
