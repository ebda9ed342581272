/** What every upload route needs to know about the files it takes. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalidFields } from './errors.ts';

/**
 * The media type a file's first bytes show it to be (PDF, PNG, JPEG, TIFF), or null. What the
 * browser declares is not trusted: a renamed executable must not pass as a scan.
 */
export function sniffMediaType(head: Buffer): string | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  const tiff = head.subarray(0, 4).toString('latin1');
  if (tiff === 'II*\u0000' || tiff === 'MM\u0000*') return 'image/tiff';
  return null;
}

/** The body limit of an upload route: the file's limit plus room for the multipart envelope. */
export const uploadBodyLimit = (maxBytes: number): number => maxBytes + 1024 * 1024;

/**
 * The one file of a multipart request, read into memory up to `maxBytes`. A missing or empty
 * file is 400 `required` on `file`; a larger one is 400 `tooLarge` on `file`, and nothing of it
 * is kept.
 */
export async function readUploadedFile(
  request: FastifyRequest,
  maxBytes: number,
  tooLarge = 'file_too_large',
): Promise<{ fileName: string; content: Buffer }> {
  if (!request.isMultipart()) throw invalidFields({ field: 'file', reason: 'required' });
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 0 } });
  if (!part) throw invalidFields({ field: 'file', reason: 'required' });
  let content: Buffer;
  try {
    content = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw invalidFields({ field: 'file', reason: tooLarge });
    throw error;
  }
  if (!content.length) throw invalidFields({ field: 'file', reason: 'required' });
  return { fileName: part.filename, content };
}

/** Sends a stored file as a download under its own name. */
export function sendStoredFile(reply: FastifyReply, file: { fileName: string; mediaType: string; content: Buffer }): FastifyReply {
  void reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  return reply.type(file.mediaType).send(file.content);
}
