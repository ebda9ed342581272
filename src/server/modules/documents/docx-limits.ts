/**
 * What one uploaded .docx template may cost, checked before docxtemplater sees it: the file's
 * size, the number of parts in its zip, and the bytes they inflate to — the sizes the central
 * directory declares first, then the bytes actually inflated (a header can lie), as the
 * spreadsheet reader does (interop/xml-parts.ts). A Word letter is a few dozen parts and well
 * under a megabyte unpacked.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { nextEntry } from '../../interop/zip-entries.ts';
import { DomainError, invalidFields } from '../../core/errors.ts';
import { DOCUMENT_TEMPLATE_MAX_BYTES } from '../../../shared/contracts/documents.ts';

export interface DocxLimits {
  bytes: number;
  inflatedBytes: number;
  parts: number;
  readMs: number;
}

export const DOCX_LIMITS: DocxLimits = { bytes: DOCUMENT_TEMPLATE_MAX_BYTES, inflatedBytes: 32 * 1024 * 1024, parts: 500, readMs: 10_000 };

type LimitReason = 'template_too_large' | 'template_inflated_too_large' | 'template_too_many_parts' | 'template_too_slow';

const overLimit = (reason: LimitReason): DomainError => new DomainError(reason, 'too_large', { fields: [{ field: 'file', reason }] });

/** 400 on `file`: not a Word document (a foreign or damaged zip, no word/document.xml). */
export const notDocx = (): DomainError => invalidFields({ field: 'file', reason: 'template_not_docx' });


/**
 * Refuses a file that is not a .docx or is beyond the limits, reading every part through
 * zlib and counting what comes out; nothing else of the file is kept. Throws 413 naming the
 * limit, or 400 when the file is not a Word document.
 */
export async function checkDocx(content: Buffer, limits: DocxLimits = DOCX_LIMITS): Promise<void> {
  if (content.length > limits.bytes) throw overLimit('template_too_large');
  const deadline = Date.now() + limits.readMs;
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(content, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch {
    throw notDocx();
  }
  try {
    if (zip.entryCount > limits.parts) throw overLimit('template_too_many_parts');
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      declared += entry.uncompressedSize;
      if (declared > limits.inflatedBytes) throw overLimit('template_inflated_too_large');
      entries.push(entry);
    }
    if (!entries.some((e) => e.fileName === 'word/document.xml') || !entries.some((e) => e.fileName === '[Content_Types].xml')) throw notDocx();
    let inflated = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const stream: Readable = await zip.openReadStreamPromise(entry);
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          inflated += chunk.length;
          if (inflated > limits.inflatedBytes) throw overLimit('template_inflated_too_large');
          if (Date.now() > deadline) throw overLimit('template_too_slow');
        }
      } finally {
        stream.destroy();
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw notDocx();
  } finally {
    zip.close();
  }
}
