import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Actor } from '../policies/actor.ts';
import type { RoutePolicy } from './context.ts';
import { DomainError } from '../core/errors.ts';
import { resolveActor } from '../modules/users/users.public.ts';
import { requestContext, type RequestContext } from '../core/request-context.ts';
import { requestLocale } from './locale.ts';

export const SESSION_COOKIE = 'interchange_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The signed-in caller's context (actor, unit scope, locale, transactions), built once here; null when nobody is signed in. */
    ctx: RequestContext | null;
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

type Credentials = { bearer?: string; cookie?: string };

function credentialsOf(request: FastifyRequest): Credentials {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  return { bearer, cookie: request.cookies[SESSION_COOKIE] };
}

/**
 * What an API token may not do on this route: write when it is read only (403
 * token_read_only), or reach a module it is not given (403 token_out_of_scope; a token
 * limited to some modules reaches, of the routes open to every signed-in user, only the
 * account's own under /api/auth/).
 */
function checkTokenGrant(actor: Actor, method: string, url: string, policy: RoutePolicy | undefined): void {
  const grant = actor.token;
  if (!grant) return;
  if (grant.scope === 'read_only' && !SAFE_METHODS.has(method)) throw new DomainError('token_read_only', 'forbidden');
  if (!grant.modules || policy === 'public' || policy === undefined) return;
  const reachable = policy === 'signed-in' ? url.startsWith('/api/auth/') : grant.modules.includes(policy.entity);
  if (!reachable) throw new DomainError('token_out_of_scope', 'forbidden');
}

/**
 * Resolves who is asking (session cookie or API token) on every /api request, and refuses a
 * cookie-authenticated write without the session's CSRF token. Tokens need no CSRF check:
 * a browser never attaches them on its own.
 */
export function registerAuth(app: FastifyInstance, db: Db): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('ctx', null);
  const authenticate = async (request: FastifyRequest, credentials: Credentials) => {
    request.actor = await resolveActor(credentials, db);
    if (request.actor?.via === 'token') checkTokenGrant(request.actor, request.method, request.url, request.routeOptions.config.policy);
    if (request.actor?.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.actor.csrfToken || !sameSecret(sent, request.actor.csrfToken))
        throw new DomainError('csrf_invalid', 'forbidden');
    }
    if (request.actor) request.ctx = requestContext(request.actor, db, requestLocale(request));
  };
  // A callback hook: a request that sends no credential (the web app's files, /api/health, a
  // stranger) is nobody at once, with no promise made nor database asked.
  app.addHook('onRequest', (request, _reply, done) => {
    if (!request.url.startsWith('/api/')) return done();
    const credentials = credentialsOf(request);
    if (credentials.bearer === undefined && credentials.cookie === undefined) return done();
    authenticate(request, credentials).then(() => done(), done);
  });
}
