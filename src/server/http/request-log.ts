import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LogController, type FastifyRequest } from 'fastify';
import type { App } from './context.ts';

/** The header a request's id is taken from (when a proxy set one) and given back in. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** An id sent by the caller is kept only when short and plain: it is written to the log as is. */
const PLAIN_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Fastify's genReqId: the proxy's id when it is plain, so one id follows a request through both logs; a new one otherwise. */
export function requestId(raw: IncomingMessage): string {
  const sent = raw.headers[REQUEST_ID_HEADER];
  return typeof sent === 'string' && PLAIN_ID.test(sent) ? sent : randomUUID();
}

/** Fastify's own request lines (incoming, completed, with the URL and its query) are off: `registerRequestLog` writes one line instead. */
export const requestLogController = new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' });

/**
 * What a logged object becomes. An error keeps its type, code, message and stack, not the fields
 * a database error adds (`detail` holds the row's values); a request only its method and route.
 */
export const logSerializers = {
  err: (error: Error & { code?: unknown }) => ({ type: error.name, code: error.code, message: error.message, stack: error.stack ?? '' }),
  req: (request: FastifyRequest) => ({ method: request.method, route: request.routeOptions.url ?? null }),
};

/**
 * Every answer carries its request id; when the log takes info lines, each request writes one
 * when its answer is sent: method, route template (never the URL: ids, names, search terms),
 * status, time in ms and the caller's user id. Nothing else of the request is read.
 */
export function registerRequestLog(app: App): void {
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  if (!['info', 'debug', 'trace'].includes(app.log.level)) return;
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info({
      method: request.method,
      route: request.routeOptions.url ?? null,
      status: reply.statusCode,
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
      userId: request.actor?.userId ?? null,
    });
    done();
  });
}
