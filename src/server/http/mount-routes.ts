import type { FastifyReply } from 'fastify';
import type { App } from './context.ts';
import { isRouteResult, type RouteDeps, type RouteGroup, type RouteResult } from '../core/routes.ts';
import { readUploadedFile, uploadBodyLimit } from './uploads.ts';
import { sendTable } from './table-export.ts';
import { responseSchemas } from './response-serializer.ts';

/** Turns a declared result into the reply: its status, headers and body. */
async function send(reply: FastifyReply, result: RouteResult): Promise<FastifyReply> {
  switch (result.kind) {
    case 'created':
      return reply.status(201).send(result.value);
    case 'accepted':
      return reply.status(202).send(result.value);
    case 'no-content':
      return reply.status(204).send();
    case 'table':
      return sendTable(reply, result.table, result.format);
    case 'file': {
      const { fileName, disposition } = result;
      if (disposition && fileName)
        void reply.header('content-disposition', result.userNamed ? `${disposition}; filename*=UTF-8''${encodeURIComponent(fileName)}` : `${disposition}; filename="${fileName}"`);
      return reply.type(result.contentType).send(result.body);
    }
  }
}

/**
 * Puts a routes file's declarations on the server: its policy and field rights in the route's
 * config (read by app.ts's hooks and start-up check), its schemas for validation, for the
 * answer (sent through its response schema) and the OpenAPI document, an upload's file read within its limit, and the handler's result sent.
 * The one place where a module's routes meet Fastify.
 */
export function mountRoutes(app: App, deps: RouteDeps, group: RouteGroup): void {
  for (const route of group.routes) {
    const { policy, fieldRights, params, query, body, upload, summary, description, operationId, response } = route.options;
    app.route({
      method: route.method,
      url: route.url,
      config: { policy, ...(fieldRights ? { fieldRights } : {}) },
      schema: {
        tags: group.tags,
        summary,
        ...(description ? { description } : {}),
        ...(operationId ? { operationId } : {}),
        ...(params ? { params } : {}),
        ...(query ? { querystring: query } : {}),
        ...(body ? { body } : {}),
        ...(upload ? { consumes: ['multipart/form-data'] } : {}),
        ...(response ? { response: responseSchemas(response) } : {}),
      },
      // The multipart stream is limited by readUploadedFile; a declared length far beyond it is refused unread.
      ...(upload ? { bodyLimit: uploadBodyLimit(upload.maxBytes) } : {}),
      handler: async (request, reply) => {
        const file = upload ? await readUploadedFile(request, upload.maxBytes, upload.tooLarge) : undefined;
        const result = await route.handler({ ctx: request.ctx, deps, params: request.params, query: request.query, body: request.body, file });
        return isRouteResult(result) ? send(reply, result) : result;
      },
    });
  }
}
