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

/** How long, and up to how many bytes, info lines wait to be written together. */
const BATCH_MS = 200;
const BATCH_BYTES = 16 * 1024;
/** A warning, an error or a fatal line (pino's levels 40 and up) is written at once, with what waits before it. */
const URGENT = /^\{"level":([4-9]\d|\d{3})/;

/**
 * A log destination that writes lines to `sink` in batches: an info line waits at most BATCH_MS
 * or until BATCH_BYTES wait, a warning or worse goes at once. One write a line, synchronous, was
 * a fifth of the CPU of the cheapest requests (/api/health: 0.1 ms of 0.5); batched, a write is
 * shared by every line of a busy moment.
 */
export function lineBatcher(sink: (text: string) => void): { write(line: string): void; flush(): void } {
  let waiting: string[] = [];
  let bytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (waiting.length === 0) return;
    const text = waiting.length === 1 ? waiting[0]! : waiting.join('');
    waiting = [];
    bytes = 0;
    sink(text);
  };
  return {
    write(line) {
      waiting.push(line);
      bytes += line.length;
      if (bytes >= BATCH_BYTES || URGENT.test(line)) flush();
      else if (!timer) {
        timer = setTimeout(flush, BATCH_MS);
        timer.unref();
      }
    },
    flush,
  };
}

let stdoutLog: ReturnType<typeof lineBatcher> | undefined;

/** The server's log on standard output, batched (one for the process; what waits is written when it exits). */
export function batchedStdout(): { write(line: string): void } {
  if (!stdoutLog) {
    // Standard output is written synchronously on Linux (files, pipes, terminals), also on exit.
    const log = lineBatcher((text) => void process.stdout.write(text));
    process.once('exit', log.flush);
    stdoutLog = log;
  }
  return stdoutLog;
}

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
