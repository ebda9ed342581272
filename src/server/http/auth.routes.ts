import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors.ts';
import type { App, ServerContext } from './context.ts';
import { publicRoute, signedIn } from './context.ts';
import { SESSION_COOKIE } from './auth.ts';
import { IdParams } from '../../shared/contracts/common.ts';
import { ApiTokenInput, PasswordChange, PreferencesInput, SignInInput } from '../../shared/contracts/auth.ts';
import {
  changePassword,
  createApiToken,
  getOwnAccount,
  getOwnApiTokens,
  revokeToken,
  setPreferences,
  signIn,
  signOut,
} from '../modules/users/users.public.ts';

/**
 * Sign-in, sign-out, the current user, password and API tokens: the caller's own credentials,
 * so they live with the session cookie and the CSRF token in http/, not as a module's routes.
 */
export function authRoutes(app: App, { db, config }: ServerContext): void {
  const tags = ['auth'];
  const clearCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });

  app.post(
    '/api/auth/sign-in',
    {
      config: { ...publicRoute, rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Sign in with an email and a password', body: SignInInput },
    },
    async (request, reply) => {
      const { user, session } = await signIn(
        { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null, sessionHours: config.sessionHours },
        db,
      );
      void reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies || request.protocol === 'https',
        expires: new Date(session.expiresAt),
      });
      return { user, csrfToken: session.csrfToken };
    },
  );

  app.get('/api/auth/me', { config: signedIn, schema: { tags, summary: 'Read the signed-in account and its CSRF token' } }, async (request) => ({
    user: await getOwnAccount(request.ctx!),
    csrfToken: request.actor!.csrfToken ?? '',
  }));

  app.post('/api/auth/sign-out', { config: signedIn, schema: { tags, summary: 'Sign out this session' } }, async (request, reply) => {
    await signOut(request.ctx!, { everywhere: false });
    clearCookie(reply);
    return reply.status(204).send();
  });

  app.post('/api/auth/sign-out-everywhere', { config: signedIn, schema: { tags, summary: 'Sign out every session of the account' } }, async (request, reply) => {
    await signOut(request.ctx!, { everywhere: true });
    clearCookie(reply);
    return reply.status(204).send();
  });

  app.post('/api/auth/password', { config: signedIn, schema: { tags, summary: 'Change your password', body: PasswordChange } }, async (request, reply) => {
    await changePassword(request.ctx!, { ...request.body, ip: request.ip });
    return reply.status(204).send();
  });

  app.patch('/api/auth/preferences', { config: signedIn, schema: { tags, summary: 'Change your preferences (language)', body: PreferencesInput } }, async (request) =>
    setPreferences(request.ctx!, { locale: request.body.locale }),
  );

  app.get('/api/auth/tokens', { config: signedIn, schema: { tags, summary: 'List your API tokens' } }, async (request) => getOwnApiTokens(request.ctx!));
  // Refused before the body is read: a token never mints tokens (they would outlive its revocation).
  const notByToken = async (request: FastifyRequest) => {
    if (request.actor?.via === 'token') throw new DomainError('token_cannot_mint', 'forbidden');
  };
  app.post('/api/auth/tokens', { config: signedIn, preValidation: notByToken, schema: { tags, summary: 'Create an API token (from a session, not with a token)', body: ApiTokenInput } }, async (request, reply) =>
    reply.status(201).send(await createApiToken(request.ctx!, { input: request.body })),
  );
  app.delete('/api/auth/tokens/:id', { config: signedIn, schema: { tags, summary: 'Revoke one of your API tokens', params: IdParams } }, async (request, reply) => {
    await revokeToken(request.ctx!, { id: request.params.id });
    return reply.status(204).send();
  });
}
