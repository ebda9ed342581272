import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { App, ServerContext } from './context.ts';
import { notFound, unauthenticated } from '../core/errors.ts';
import { registerBacklogGauges } from './metrics-backlog.ts';

// A password, or a directory's user name and password.
const SIGN_IN_ROUTES = new Set(['/api/auth/sign-in', '/api/auth/ldap/sign-in']);

/** Whether `given` is the token, in time that does not depend on where they differ. */
function tokenMatches(given: string, token: string): boolean {
  // Digests first: equal lengths for timingSafeEqual, and the token's length is not timed either.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/** The metrics a server keeps, in its own registry (one per app, so tests never share one). */
function createMetrics(context: ServerContext): { registry: Registry; requests: Counter; duration: Histogram; signInFailures: Counter } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Labels are the route's template (`/api/visits/:id`), never the URL: no ids, names or search terms.
  const labelNames = ['method', 'route', 'status_class'] as const;
  const requests = new Counter({ name: 'interchange_http_requests_total', help: 'HTTP requests answered, by route template and status class', labelNames, registers: [registry] });
  const duration = new Histogram({
    name: 'interchange_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route template and status class',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const signInFailures = new Counter({
    name: 'interchange_sign_in_failures_total',
    help: 'Sign-ins refused: reason "rejected" (401, wrong email, user name or password, or locked) or "rate_limited" (429)',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const pool = (name: string, help: string, read: (stats: NonNullable<ReturnType<NonNullable<ServerContext['db']['poolStats']>>>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const stats = context.db.poolStats?.();
        if (stats) this.set(read(stats));
      },
    });
  pool('interchange_db_pool_connections', 'Database connections open in the pool', (s) => s.total);
  pool('interchange_db_pool_idle_connections', 'Database connections open and idle', (s) => s.idle);
  pool('interchange_db_pool_waiting_requests', 'Queries waiting for a database connection', (s) => s.waiting);
  registerBacklogGauges(registry, context.db);
  return { registry, requests, duration, signInFailures };
}

/**
 * /metrics in the Prometheus text format, off (404) unless INTERCHANGE_METRICS_TOKEN is set,
 * then served only to `Authorization: Bearer <token>`. When on, one onResponse hook a request
 * counts it; when off, nothing is added to a request's path.
 */
export function registerMetrics(app: App, context: ServerContext): void {
  const token = context.config.metricsToken;
  if (!token) {
    // Registered anyway, so that the web app's fallback does not answer it with index.html.
    app.get('/metrics', { schema: { hide: true } }, async () => {
      throw notFound();
    });
    return;
  }
  const { registry, requests, duration, signInFailures } = createMetrics(context);
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    const labels = { method: request.method, route, status_class: `${Math.floor(status / 100)}xx` };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
    if (SIGN_IN_ROUTES.has(route) && (status === 401 || status === 429)) signInFailures.inc({ reason: status === 401 ? 'rejected' : 'rate_limited' });
    done();
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const header = request.headers.authorization ?? '';
    const given = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
    if (!tokenMatches(given, token)) {
      reply.header('www-authenticate', 'Bearer');
      throw unauthenticated();
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
