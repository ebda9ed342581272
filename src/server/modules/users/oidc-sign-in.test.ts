import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, startTestServer, type TestServer } from '../../test/harness.ts';
import { BrowserJar } from '../../test/browser-jar.ts';
import { freePort } from '../../test/serve-process.ts';
import { startTestProvider, type TestProvider } from '../../test/oidc-provider.ts';

// The authorization code flow against a real OpenID Connect provider (oidc-provider) and
// Interchange both listening on 127.0.0.1, driven over HTTP as a browser would: cookies kept,
// redirects followed, the provider's own login and consent pages submitted.

let t: TestServer;
let op: TestProvider;
let app: string;
const logLines: string[] = [];
/** Why the server refused the last OpenID Connect sign-in, as its log says. */
const lastRefusal = () => logLines.filter((line) => line.includes('OpenID Connect sign-in refused')).at(-1) ?? '';

beforeAll(async () => {
  const port = await freePort();
  app = `http://127.0.0.1:${port}`;
  op = await startTestProvider({ port: await freePort(), redirectUrl: `${app}/api/auth/oidc/callback`, postLogoutUrl: `${app}/sign-in` });
  t = await startTestServer({
    logStream: { write: (line) => logLines.push(line) },
    env: {
      INTERCHANGE_PUBLIC_URL: app,
      INTERCHANGE_OIDC_ISSUER: op.issuer,
      INTERCHANGE_OIDC_CLIENT_ID: op.clientId,
      INTERCHANGE_OIDC_CLIENT_SECRET: op.clientSecret,
      INTERCHANGE_OIDC_NAME: 'Test University',
      INTERCHANGE_OIDC_SCOPES: 'openid email profile groups',
      INTERCHANGE_OIDC_ROLE_CLAIM: 'groups',
      INTERCHANGE_OIDC_ROLE_MAP: JSON.stringify({ 'ie-admins': 'admin', 'ie-office': 'officer', 'ie-coordinators': 'coordinator' }),
      INTERCHANGE_OIDC_UNIT_CLAIM: 'department',
    },
  });
  await t.app.listen({ port, host: '127.0.0.1' });
  op.accounts.set('alice', { email: 'alice@uni.example', email_verified: true, name: 'Alice Martin', groups: ['staff', 'ie-office'] });
  op.accounts.set('bruno', { email: 'bruno@uni.example', email_verified: true, name: 'Bruno Li', groups: ['staff'] });
  op.accounts.set('chen', { email: 'chen@uni.example', email_verified: true, name: 'Chen Wei', groups: ['ie-coordinators'], department: 'A' });
  op.accounts.set('officer-twin', { email: emailOf('officer'), email_verified: true, name: 'Same email' });
});
afterAll(async () => {
  await t?.close();
  await op?.close();
});

const atApp = (path: string) => new URL(path, app);
const appPage = (url: URL) => url.origin === app && !url.pathname.startsWith('/api/');
const callback = (url: URL) => url.origin === app && url.pathname === '/api/auth/oidc/callback';

/**
 * Starts at Interchange's start route and goes through the provider's login (as `login`) and
 * consent pages; stops before fetching a URL `stop` names (by default: a page of the app).
 */
async function throughProvider(browser: BrowserJar, login: string, stop: (url: URL) => boolean = appPage) {
  let step = await browser.follow(atApp('/api/auth/oidc/start?redirect=/visits'), stop);
  for (let page = 0; page < 4 && step.response && step.url.pathname.startsWith('/interaction/'); page += 1) {
    const html = await step.response.text();
    const body = html.includes('name="login"') ? new URLSearchParams({ prompt: 'login', login, password: 'any' }) : new URLSearchParams({ prompt: 'consent' });
    step = await browser.follow(step.url, stop, { method: 'POST', body });
  }
  return step;
}

const me = (browser: BrowserJar) => browser.request(atApp('/api/auth/me'));
const userByEmail = async (email: string) => (await t.db.query('SELECT id, role, unit_id::int AS "unitId", password_hash FROM users WHERE email = $1', [email])).rows[0];

describe('OpenID Connect sign-in', () => {
  it('says on the public methods route what the sign-in page offers', async () => {
    const methods = await (await fetch(atApp('/api/auth/methods'))).json();
    expect(methods).toEqual({ password: true, oidc: { name: 'Test University' }, ldap: null });
  });

  it('signs in with the authorization code flow and PKCE, creating the user at the first sign-in with the mapped role', async () => {
    const browser = new BrowserJar();
    const startUrl = new URL((await browser.request(atApp('/api/auth/oidc/start?redirect=/visits'))).headers.get('location')!);
    expect(startUrl.origin).toBe(op.issuer);
    expect(startUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(startUrl.searchParams.get('code_challenge')).toBeTruthy();
    expect(startUrl.searchParams.get('nonce')).toBeTruthy();
    const pending = await t.db.query('SELECT count(*)::int AS n FROM oidc_sign_in_states');
    expect(pending.rows[0]!.n).toBeGreaterThan(0);

    const done = await throughProvider(new BrowserJar(), 'alice');
    expect(done.url.href).toBe(atApp('/visits').href);
    expect(await userByEmail('alice@uni.example')).toMatchObject({ role: 'officer', unitId: null, password_hash: '!external' });
    const link = await t.db.query("SELECT issuer, subject FROM external_accounts WHERE provider = 'oidc'");
    expect(link.rows).toContainEqual({ issuer: op.issuer, subject: 'alice' });
    const audit = await t.db.query("SELECT action FROM audit_log WHERE entity = 'user' AND entity_id = (SELECT id::text FROM users WHERE email = 'alice@uni.example') ORDER BY id");
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'sign_in']);
  });

  it('opens the same session a password does, and finds the linked user again at the next sign-in', async () => {
    const browser = new BrowserJar();
    await throughProvider(browser, 'alice');
    const answer = await me(browser);
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { user: { email: string; role: string }; csrfToken: string };
    expect(body.user).toMatchObject({ email: 'alice@uni.example', role: 'officer' });
    expect(body.csrfToken).toBeTruthy();
    expect((await t.db.query("SELECT count(*)::int AS n FROM users WHERE email = 'alice@uni.example'")).rows[0]!.n).toBe(1);
    expect((await t.db.query("SELECT signed_in_with FROM sessions ORDER BY id DESC LIMIT 1")).rows[0]!.signed_in_with).toBe('oidc');
  });

  it('maps no known group to viewer, and a coordinator to the unit its claim names', async () => {
    await throughProvider(new BrowserJar(), 'bruno');
    expect(await userByEmail('bruno@uni.example')).toMatchObject({ role: 'viewer', unitId: null });
    await throughProvider(new BrowserJar(), 'chen');
    expect(await userByEmail('chen@uni.example')).toMatchObject({ role: 'coordinator', unitId: t.units.a });
  });

  it('does not take over an existing account with the same email unless the admin allowed it', async () => {
    const done = await throughProvider(new BrowserJar(), 'officer-twin');
    expect(done.url.pathname).toBe('/sign-in');
    expect(done.url.searchParams.get('error')).toBe('sso_email_taken');
    expect((await t.db.query("SELECT count(*)::int AS n FROM external_accounts WHERE subject = 'officer-twin'")).rows[0]!.n).toBe(0);
  });

  it('refuses an ID token signed with another key, and an expired one', async () => {
    for (const tamper of ['forged', 'expired'] as const) {
      op.tamper = tamper;
      try {
        const browser = new BrowserJar();
        const done = await throughProvider(browser, 'bruno');
        expect(done.url.pathname, tamper).toBe('/sign-in');
        expect(done.url.searchParams.get('error'), tamper).toBe('sso_failed');
        expect((await me(browser)).status, tamper).toBe(401);
        expect(lastRefusal(), tamper).toMatch(tamper === 'forged' ? /signature/i : /"exp"|expired|timestamp/i);
      } finally {
        op.tamper = 'none';
      }
    }
  });

  it('refuses a callback whose state was altered, replayed, or brought by another browser', async () => {
    const browser = new BrowserJar();
    const atCallback = await throughProvider(browser, 'bruno', callback);
    expect(callback(atCallback.url)).toBe(true);
    const altered = new URL(atCallback.url);
    altered.searchParams.set('state', `${altered.searchParams.get('state')}x`);
    const refused = await browser.request(altered);
    expect(refused.status).toBe(302);
    expect(refused.headers.get('location')).toBe('/sign-in?error=sso_state_invalid');
    expect((await me(browser)).status).toBe(401);

    // Another browser bringing a genuine callback gets nothing, and the state is used up.
    const other = new BrowserJar();
    const stolen = await throughProvider(other, 'bruno', callback);
    expect((await new BrowserJar().request(stolen.url)).headers.get('location')).toBe('/sign-in?error=sso_state_invalid');
    expect((await other.request(stolen.url)).headers.get('location')).toBe('/sign-in?error=sso_state_invalid');

    // Replayed: the callback its own browser already used once is refused the second time.
    const owner = new BrowserJar();
    const genuine = await throughProvider(owner, 'bruno', callback);
    expect((await owner.request(genuine.url)).headers.get('location')).toBe('/visits');
    const again = new BrowserJar();
    expect((await again.request(genuine.url)).headers.get('location')).toBe('/sign-in?error=sso_state_invalid');
  });

  it('signs out locally and hands the browser the provider sign-out address', async () => {
    const browser = new BrowserJar();
    await throughProvider(browser, 'alice');
    const { csrfToken } = (await (await me(browser)).json()) as { csrfToken: string };
    const out = await browser.request(atApp('/api/auth/sign-out'), { method: 'POST', headers: { 'x-csrf-token': csrfToken } });
    expect(out.status).toBe(200);
    const { logoutUrl } = (await out.json()) as { logoutUrl: string };
    const end = new URL(logoutUrl);
    expect(end.origin).toBe(op.issuer);
    expect(end.searchParams.get('client_id')).toBe(op.clientId);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(atApp('/sign-in').href);
    expect((await me(browser)).status).toBe(401);
    expect((await browser.request(end)).status).toBe(200);
  });
});
