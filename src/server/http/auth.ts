import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Actor } from '../policies/actor.ts';
import { AppError } from './errors.ts';
import { resolveActor } from '../modules/users/users.service.ts';

export const SESSION_COOKIE = 'interchange_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function credentialsOf(request: FastifyRequest): { bearer?: string; cookie?: string } {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  return { bearer, cookie: request.cookies[SESSION_COOKIE] };
}

/**
 * Resolves who is asking (session cookie or API token) on every /api request, and refuses a
 * cookie-authenticated write without the session's CSRF token. Tokens need no CSRF check:
 * a browser never attaches them on its own.
 */
export function registerAuth(app: FastifyInstance, db: Db): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    request.actor = await resolveActor(credentialsOf(request), db);
    if (request.actor?.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.actor.csrfToken || !sameSecret(sent, request.actor.csrfToken))
        throw new AppError('csrf_invalid', 403);
    }
  });
}
