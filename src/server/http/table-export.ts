import type { FastifyReply } from 'fastify';
import { toCsv, toXlsx, type ExportTable } from '../interop/table-export.ts';

/** Sends the table as a download in `format`. */
export async function sendTable(reply: FastifyReply, table: ExportTable, format: 'csv' | 'xlsx'): Promise<FastifyReply> {
  const fileName = `${table.name}.${format}`;
  void reply.header('content-disposition', `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(table));
  return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(table));
}
