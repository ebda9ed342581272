import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '../src/server/test/serve-process.ts';
import { startTestProvider, type TestProvider } from '../src/server/test/oidc-provider.ts';
import { startTestDirectory, type TestDirectory } from '../src/server/test/slapd.ts';
import { launchChromium, startInterchange } from './support.ts';

/**
 * Single sign-on as staff meet it, on a server with an OpenID Connect provider and an LDAP
 * directory (both real, on 127.0.0.1) and local passwords off but for the break-glass admin:
 * the provider's button and its pages, the directory's form, sign-out through the provider.
 */
let server: Awaited<ReturnType<typeof startInterchange>>;
let op: TestProvider;
let directory: TestDirectory;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  const app = `http://127.0.0.1:${port}`;
  op = await startTestProvider({ port: await freePort(), redirectUrl: `${app}/api/auth/oidc/callback`, postLogoutUrl: `${app}/sign-in` });
  op.accounts.set('wang', { email: 'wang@uni.example', email_verified: true, name: 'Wang Fang', groups: ['ie-office'] });
  directory = await startTestDirectory(
    (suffix) =>
      `dn: uid=lucie,${suffix}\nobjectClass: inetOrgPerson\nuid: lucie\ncn: Lucie Bernard\nsn: Bernard\nmail: lucie@uni.example\nuserPassword: lucie-password\n\n`,
  );
  server = await startInterchange({
    PORT: String(port),
    INTERCHANGE_PUBLIC_URL: app,
    INTERCHANGE_OIDC_ISSUER: op.issuer,
    INTERCHANGE_OIDC_CLIENT_ID: op.clientId,
    INTERCHANGE_OIDC_CLIENT_SECRET: op.clientSecret,
    INTERCHANGE_OIDC_NAME: 'Test University',
    INTERCHANGE_OIDC_SCOPES: 'openid email profile groups',
    INTERCHANGE_OIDC_ROLE_CLAIM: 'groups',
    INTERCHANGE_OIDC_ROLE_MAP: '{"ie-office":"officer"}',
    INTERCHANGE_LDAP_URL: directory.url,
    INTERCHANGE_LDAP_BIND_DN: directory.bindDn,
    INTERCHANGE_LDAP_BIND_PASSWORD: directory.bindPassword,
    INTERCHANGE_LDAP_BASE_DN: directory.suffix,
    INTERCHANGE_LDAP_NAME: 'University directory',
    INTERCHANGE_LOCAL_PASSWORDS: 'off',
    INTERCHANGE_BREAK_GLASS_ADMIN: 'admin@demo.interchange',
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await op?.close();
  await directory?.close();
});

const whoAmI = async (page: Page) => (await page.request.get(`${server.base}/api/auth/me`)).json() as Promise<{ user: { email: string; role: string } }>;

describe('single sign-on in the browser', () => {
  it('signs in with the identity provider and out through it', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(`${server.base}/sign-in`);
    await expect.poll(() => page.getByTestId('oidc-sign-in').textContent()).toBe('Sign in with Test University');
    // Passwords are off: their form waits behind the break-glass link.
    expect(await page.locator('input[name="email"]').count()).toBe(0);
    await page.getByTestId('oidc-sign-in').click();
    await page.waitForURL((url) => url.origin === op.issuer);
    await page.locator('input[name="login"]').fill('wang');
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('user-menu').waitFor();
    expect((await whoAmI(page)).user).toMatchObject({ email: 'wang@uni.example', role: 'officer' });

    await page.getByTestId('user-menu').click();
    await page.getByText('Sign out').click();
    await page.waitForURL((url) => url.origin === op.issuer);
    expect((await page.request.get(`${server.base}/api/auth/me`)).status()).toBe(401);
    await page.close();
  });

  it('signs in with the directory form, and keeps the password form for the break-glass admin', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(`${server.base}/sign-in`);
    await page.getByLabel('User name').fill('lucie');
    await page.locator('input[name="password"]').fill('lucie-password');
    await page.getByRole('button', { name: /^Sign in$/ }).click();
    await page.getByTestId('user-menu').waitFor();
    expect((await whoAmI(page)).user).toMatchObject({ email: 'lucie@uni.example', role: 'viewer' });
    await page.close();

    const admin = await browser.newPage({ locale: 'en-US' });
    await admin.goto(`${server.base}/sign-in`);
    await admin.getByText('Administrator sign-in with a password').click();
    await admin.locator('input[name="email"]').fill('admin@demo.interchange');
    await admin.locator('input[name="password"]').last().fill('demo-admin-password');
    await admin.getByRole('button', { name: /^Sign in$/ }).last().click();
    await admin.getByTestId('user-menu').waitFor();
    expect((await whoAmI(admin)).user.email).toBe('admin@demo.interchange');
    await admin.close();
  });

  it('shows why a single sign-on was refused, in the page\'s language', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    await page.goto(`${server.base}/api/auth/oidc/callback?state=forged&code=x`);
    await page.waitForURL(/\/sign-in\?error=sso_state_invalid/);
    await expect.poll(() => page.getByTestId('sign-in-refused').textContent()).toContain('recommencez');
    await page.close();
  });
});
