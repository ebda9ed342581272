import Fastify, { type FastifyInstance } from 'fastify';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';

/**
 * The headers helmet sends with `options`, worked out once: @fastify/helmet rebuilds its
 * middleware, parsing every CSP directive, on each request (about 3% of a request's CPU), though
 * with no nonces its headers never change. Helmet itself sets them, on a throwaway server, so
 * they stay exactly what it sends.
 */
export async function securityHeaders(options: FastifyHelmetOptions): Promise<Array<[string, string]>> {
  const probe = Fastify({ logger: false });
  try {
    await probe.register(helmet, options);
    probe.get('/', async (_request, reply) => reply.code(204).send());
    const response = await probe.inject({ method: 'GET', url: '/' });
    const own = new Set(['date', 'connection', 'keep-alive', 'content-length', 'content-type']);
    return Object.entries(response.headers)
      .filter(([name]) => !own.has(name))
      .map(([name, value]) => [name, String(value)]);
  } finally {
    await probe.close();
  }
}

/** One onRequest hook that sets the headers `securityHeaders` found, on every answer (errors and files too), as helmet's own hooks did. */
export function registerSecurityHeaders(app: FastifyInstance, headers: Array<[string, string]>): void {
  app.addHook('onRequest', (_request, reply, done) => {
    const raw = reply.raw;
    for (const [name, value] of headers) raw.setHeader(name, value);
    done();
  });
}
