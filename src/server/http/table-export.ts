import type { FastifyReply } from 'fastify';
import { tableFile, type ExportTable } from '../interop/table-export.ts';

/** Sends the table as a download in `format`. */
export async function sendTable(reply: FastifyReply, table: ExportTable, format: 'csv' | 'xlsx'): Promise<FastifyReply> {
  const { body, contentType, fileName } = await tableFile(table, format);
  void reply.header('content-disposition', `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  return reply.type(contentType).send(body);
}
