import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../core/errors.ts';
import type { OidcConfig } from '../../sso-config.ts';
import { insertSignInState, takeSignInState } from './oidc-states.repo.ts';
import { signInExternal, valuesOf } from './sso-sign-in.ts';

// How long a browser has to come back from the provider.
const PENDING_MINUTES = 10;

const discovered = new Map<string, Promise<client.Configuration>>();

/**
 * The provider's configuration, discovered once per process (at the first sign-in, so that a
 * provider that is down does not stop the server from starting; a failed discovery is retried).
 * ID tokens' signatures are checked against the provider's keys even though they come over
 * the back channel (enableNonRepudiationChecks): a forged token is refused, not trusted to TLS.
 */
function provider(config: OidcConfig): Promise<client.Configuration> {
  const key = `${config.issuer} ${config.clientId}`;
  let found = discovered.get(key);
  if (!found) {
    const insecure = new URL(config.issuer).protocol === 'http:';
    found = client
      .discovery(
        new URL(config.issuer),
        config.clientId,
        config.clientSecret ?? undefined,
        config.clientSecret ? client.ClientSecretBasic(config.clientSecret) : client.None(),
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .then((configuration) => {
        client.enableNonRepudiationChecks(configuration);
        return configuration;
      });
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return found;
}

/** A path of this site to go back to after sign-in; anything else (none, another site, `//host`) is the to-do list, where sign-in lands. */
export function safeReturnPath(path: string | undefined): string {
  return path && /^\/(?![/\\])/.test(path) ? path : '/todo';
}

/**
 * Starts an authorization code flow with PKCE: the state, the nonce and the code verifier are
 * kept in the database (any server process can take the callback), bound to a secret that
 * only the browser holds (a cookie), so a callback brought by another browser is refused.
 */
export async function startOidcSignIn(
  db: Db,
  config: OidcConfig,
  options: { returnTo: string | undefined; log: (reason: string) => void },
): Promise<{ url: string; browserSecret: string }> {
  const { returnTo } = options;
  let configuration: client.Configuration;
  try {
    configuration = await provider(config);
  } catch (error) {
    options.log(`the provider's discovery failed: ${String(error)}`);
    throw new DomainError('sso_unavailable', 'unsupported');
  }
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const browserSecret = randomBytes(32).toString('base64url');
  await insertSignInState(db, state, browserSecret, { codeVerifier, nonce, returnTo: safeReturnPath(returnTo) }, PENDING_MINUTES);
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: config.redirectUrl,
    scope: config.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, browserSecret };
}

/**
 * Finishes the flow at the callback: the state must be one this browser started and not yet
 * used; the code is exchanged with the PKCE verifier, and the ID token checked (signature,
 * issuer, audience, expiry, nonce) by openid-client. Then the user is found or made and a
 * session opened. Any failure is one `sso_failed` for the browser; the reason goes to the log.
 */
export async function finishOidcSignIn(
  db: Db,
  config: OidcConfig,
  options: { query: string; browserSecret: string | undefined; linkByEmail: boolean; ip: string | null; userAgent: string | null; sessionHours: number; log: (reason: string) => void },
) {
  const params = new URLSearchParams(options.query);
  const state = params.get('state');
  // Taken (so used up) whoever brings it: a code that reached another browser is worth nothing.
  const pending = state ? await takeSignInState(db, state, options.browserSecret ?? '') : null;
  if (!pending) throw new DomainError('sso_state_invalid', 'unauthenticated');
  let claims: client.IDToken;
  try {
    const configuration = await provider(config);
    const callbackUrl = new URL(config.redirectUrl);
    callbackUrl.search = params.toString();
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: state!,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    // Many providers put email, name and groups in the user info only: read it when offered
    // (its subject must be the ID token's); the ID token's own claims win.
    const userInfo = configuration.serverMetadata().userinfo_endpoint
      ? await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)
      : {};
    claims = { ...userInfo, ...idToken };
  } catch (error) {
    options.log(reasonOf(error));
    throw new DomainError('sso_failed', 'unauthenticated');
  }
  const result = await signInExternal(
    db,
    {
      account: { provider: 'oidc', issuer: claims.iss, subject: claims.sub },
      email: typeof claims.email === 'string' && claims.email_verified !== false ? claims.email : null,
      displayName: typeof claims.name === 'string' ? claims.name : null,
      roleValues: config.roleClaim ? valuesOf(claims[config.roleClaim]) : [],
      unitCode: config.unitClaim ? (valuesOf(claims[config.unitClaim])[0] ?? null) : null,
    },
    { mapping: config, linkByEmail: options.linkByEmail, ip: options.ip, userAgent: options.userAgent, sessionHours: options.sessionHours },
  );
  return { ...result, returnTo: pending.returnTo };
}

/** Where to send the browser to end its session at the provider too (RP-initiated logout), if the provider offers it. */
export async function oidcLogoutUrl(config: OidcConfig): Promise<string | null> {
  try {
    const configuration = await provider(config);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(configuration, {
      client_id: config.clientId,
      ...(config.postLogoutUrl ? { post_logout_redirect_uri: config.postLogoutUrl } : {}),
    }).href;
  } catch {
    return null;
  }
}

/** An error and its causes, in one line for the log (openid-client wraps the real reason). */
function reasonOf(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e && parts.length < 4; e = e instanceof Error ? e.cause : undefined)
    parts.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  return parts.join(' ← ');
}
