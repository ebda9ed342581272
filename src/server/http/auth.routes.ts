import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors.ts';
import type { App, ServerContext } from './context.ts';
import { publicRoute, signedIn } from './context.ts';
import { SESSION_COOKIE } from './auth.ts';
import { IdParams } from '../../shared/contracts/common.ts';
import { z } from 'zod';
import { ApiToken, ApiTokenCreated, ApiTokenInput, LdapSignInInput, OidcStartQuery, PasswordChange, PreferencesInput, SessionInfo, SignInInput, SignInMethods } from '../../shared/contracts/auth.ts';
import { User } from '../../shared/contracts/users.ts';
import { NO_CONTENT } from '../core/routes.ts';
import { responseSchemas } from './response-serializer.ts';
import {
  changePassword,
  createApiToken,
  finishOidcSignIn,
  ldapSignIn,
  oidcLogoutUrl,
  startOidcSignIn,
  getOwnAccount,
  getOwnApiTokens,
  revokeToken,
  setPreferences,
  signIn,
  signOut,
} from '../modules/users/users.public.ts';

/** The cookie holding the browser's secret of a pending OpenID Connect sign-in. */
export const OIDC_PENDING_COOKIE = 'interchange_oidc';

/**
 * Sign-in (a password; an identity provider, when configured), sign-out, the current user, password and API tokens: the caller's own credentials,
 * so they live with the session cookie and the CSRF token in http/, not as a module's routes.
 */
export function authRoutes(app: App, { db, config }: ServerContext): void {
  const tags = ['auth'];
  const clearCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });
  const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, session: { token: string; expiresAt: string }) =>
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies || request.protocol === 'https',
      expires: new Date(session.expiresAt),
    });
  const client = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? null, sessionHours: config.sessionHours });
  const { sso } = config;
  const session = responseSchemas({ 200: SessionInfo });
  const noContent = responseSchemas(NO_CONTENT);
  // Where the browser is sent next (the identity provider, or back to the app).
  const redirect = { 302: z.undefined().describe('A redirect') };

  app.get('/api/auth/methods', { config: publicRoute, schema: { tags, summary: 'List the ways to sign in this server offers', response: responseSchemas({ 200: SignInMethods }) } }, async (): Promise<SignInMethods> => ({
    password: sso.localPasswords,
    oidc: sso.oidc ? { name: sso.oidc.name } : null,
    ldap: sso.ldap ? { name: sso.ldap.name } : null,
  }));

  app.post(
    '/api/auth/sign-in',
    {
      config: { ...publicRoute, rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Sign in with an email and a password', body: SignInInput, response: session },
    },
    async (request, reply) => {
      const { user, session } = await signIn({ ...request.body, ...client(request), passwords: sso }, db);
      void setSessionCookie(request, reply, session);
      return { user, csrfToken: session.csrfToken };
    },
  );

  const ldap = sso.ldap;
  if (ldap)
    app.post(
      '/api/auth/ldap/sign-in',
      {
        config: { ...publicRoute, rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' } },
        schema: { tags, summary: 'Sign in with a directory (LDAP) user name and password', body: LdapSignInInput, response: session },
      },
      async (request, reply) => {
        const { user, session } = await ldapSignIn(db, ldap, {
          ...request.body,
          linkByEmail: sso.linkByEmail,
          ...client(request),
          log: (reason) => request.log.warn({ reason }, 'the directory could not be reached'),
        });
        void setSessionCookie(request, reply, session);
        return { user, csrfToken: session.csrfToken };
      },
    );

  const oidc = sso.oidc;
  if (oidc) {
    // The browser's half of a pending sign-in: only the browser that started it may finish it.
    const pendingCookie = { path: '/api/auth/oidc', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies };
    const log = (request: FastifyRequest) => (reason: string) => request.log.warn({ reason }, 'OpenID Connect sign-in refused');
    const refused = (reply: FastifyReply, error: unknown) => {
      if (!(error instanceof DomainError)) throw error;
      return reply.redirect(`/sign-in?error=${encodeURIComponent(error.code)}`, 302);
    };
    app.get(
      '/api/auth/oidc/start',
      {
        config: { ...publicRoute, rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' } },
        schema: { tags, summary: 'Start signing in with the identity provider (redirects there)', querystring: OidcStartQuery, response: redirect },
      },
      async (request, reply) => {
        try {
          const { url, browserSecret } = await startOidcSignIn(db, oidc, { returnTo: request.query.redirect, log: log(request) });
          void reply.setCookie(OIDC_PENDING_COOKIE, browserSecret, { ...pendingCookie, maxAge: 600 });
          return reply.redirect(url, 302);
        } catch (error) {
          return refused(reply, error);
        }
      },
    );
    app.get(
      '/api/auth/oidc/callback',
      { config: { ...publicRoute, rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' } }, schema: { tags, summary: 'Where the identity provider sends the browser back', response: redirect } },
      async (request, reply) => {
        void reply.clearCookie(OIDC_PENDING_COOKIE, pendingCookie);
        try {
          const { session, returnTo } = await finishOidcSignIn(db, oidc, {
            query: request.url.split('?')[1] ?? '',
            browserSecret: request.cookies[OIDC_PENDING_COOKIE],
            linkByEmail: sso.linkByEmail,
            ...client(request),
            log: log(request),
          });
          void setSessionCookie(request, reply, session);
          return reply.redirect(returnTo, 302);
        } catch (error) {
          return refused(reply, error);
        }
      },
    );
  }

  app.get('/api/auth/me', { config: signedIn, schema: { tags, summary: 'Read the signed-in account and its CSRF token', response: session } }, async (request) => ({
    user: await getOwnAccount(request.ctx!),
    csrfToken: request.actor!.csrfToken ?? '',
  }));

  app.post(
    '/api/auth/sign-out',
    { config: signedIn, schema: { tags, summary: 'Sign out this session (200 with the identity provider\'s sign-out address when it opened the session)', response: responseSchemas({ 200: z.object({ logoutUrl: z.string() }), ...NO_CONTENT }) } },
    async (request, reply) => {
      const { signedInWith } = await signOut(request.ctx!, { everywhere: false });
      clearCookie(reply);
      const logoutUrl = signedInWith === 'oidc' && sso.oidc ? await oidcLogoutUrl(sso.oidc) : null;
      return logoutUrl ? reply.status(200).send({ logoutUrl }) : reply.status(204).send();
    },
  );

  app.post('/api/auth/sign-out-everywhere', { config: signedIn, schema: { tags, summary: 'Sign out every session of the account', response: noContent } }, async (request, reply) => {
    await signOut(request.ctx!, { everywhere: true });
    clearCookie(reply);
    return reply.status(204).send();
  });

  app.post('/api/auth/password', { config: signedIn, schema: { tags, summary: 'Change your password', body: PasswordChange, response: noContent } }, async (request, reply) => {
    await changePassword(request.ctx!, { ...request.body, ip: request.ip });
    return reply.status(204).send();
  });

  app.patch('/api/auth/preferences', { config: signedIn, schema: { tags, summary: 'Change your preferences (language)', body: PreferencesInput, response: responseSchemas({ 200: User }) } }, async (request) =>
    setPreferences(request.ctx!, { locale: request.body.locale }),
  );

  app.get('/api/auth/tokens', { config: signedIn, schema: { tags, summary: 'List your API tokens', response: responseSchemas({ 200: z.array(ApiToken) }) } }, async (request) => getOwnApiTokens(request.ctx!));
  // Refused before the body is read: a token never mints tokens (they would outlive its revocation).
  const notByToken = async (request: FastifyRequest) => {
    if (request.actor?.via === 'token') throw new DomainError('token_cannot_mint', 'forbidden');
  };
  app.post('/api/auth/tokens', { config: signedIn, preValidation: notByToken, schema: { tags, summary: 'Create an API token (from a session, not with a token)', body: ApiTokenInput, response: responseSchemas({ 201: ApiTokenCreated }) } }, async (request, reply) =>
    reply.status(201).send(await createApiToken(request.ctx!, { input: request.body })),
  );
  app.delete('/api/auth/tokens/:id', { config: signedIn, schema: { tags, summary: 'Revoke one of your API tokens', params: IdParams, response: noContent } }, async (request, reply) => {
    await revokeToken(request.ctx!, { id: request.params.id });
    return reply.status(204).send();
  });
}
