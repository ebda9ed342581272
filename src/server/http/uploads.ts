/** What every upload route needs to know about the files it takes. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, invalidFields } from '../core/errors.ts';

/** The body limit of an upload route: the file's limit plus room for the multipart envelope. */
export const uploadBodyLimit = (maxBytes: number): number => maxBytes + 1024 * 1024;

/** 413 on `file`, with the reason naming the limit ("is larger than 20 MB"). */
const fileTooLarge = (reason: string): DomainError => new DomainError('payload_too_large', 'too_large', { fields: [{ field: 'file', reason }] });

/**
 * The one file of a multipart request, read into memory up to `maxBytes`. A missing or empty
 * file is 400 `required` on `file`; a larger one is 413 `payload_too_large` with `tooLarge` on
 * `file`, and nothing of it is kept. The refusal does not wait for the body: it comes at once
 * when the declared length is beyond the route's body limit, else as soon as the stream passes
 * `maxBytes`, while the client is still sending; what follows is discarded by Node as it comes,
 * never held. (Closing the connection instead would reset it under the client's writes, and
 * clients then lose the answer.) Anything that is not well-formed multipart is 400 on `file`.
 */
export async function readUploadedFile(
  request: FastifyRequest,
  maxBytes: number,
  tooLarge = 'file_too_large',
): Promise<{ fileName: string; content: Buffer }> {
  if (!request.isMultipart()) throw invalidFields({ field: 'file', reason: 'required' });
  const declared = Number(request.headers['content-length']);
  if (declared > uploadBodyLimit(maxBytes)) throw fileTooLarge(tooLarge);
  // busboy stops one byte past the limit, so that "over the limit" is seen on the stream itself.
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await request.file({ limits: { fileSize: maxBytes + 1, files: 1, fields: 0 } });
  } catch (error) {
    throw malformed(error);
  }
  if (!part) throw invalidFields({ field: 'file', reason: 'required' });
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      size += chunk.length;
      // Leaving the loop destroys the file stream: nothing more of it is read into memory.
      if (size > maxBytes) throw fileTooLarge(tooLarge);
      chunks.push(chunk);
    }
  } catch (error) {
    throw malformed(error);
  }
  if (!size) throw invalidFields({ field: 'file', reason: 'required' });
  return { fileName: part.filename, content: Buffer.concat(chunks, size) };
}

/**
 * A body that is not well-formed multipart (no boundary, a broken part header, cut short, a
 * field where the file should be) is 400 on `file`; any other error passes as it is. A file
 * stream closed before its end (the body stopped mid-part) counts as cut short.
 */
function malformed(error: unknown): unknown {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const fromMultipart = typeof code === 'string' && /^(FST_(INVALID_MULTIPART_CONTENT_TYPE|FILES_LIMIT|FIELDS_LIMIT|PARTS_LIMIT)|ERR_STREAM_PREMATURE_CLOSE)$/.test(code);
  const fromBusboy = typeof message === 'string' && /multipart|boundary|unexpected end|terminated early|malformed/i.test(message);
  return !(error instanceof DomainError) && (fromMultipart || fromBusboy) ? invalidFields({ field: 'file', reason: 'invalid_format' }) : error;
}

/** Sends a stored file as a download under its own name. */
export function sendStoredFile(reply: FastifyReply, file: { fileName: string; mediaType: string; content: Buffer }): FastifyReply {
  void reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  return reply.type(file.mediaType).send(file.content);
}
