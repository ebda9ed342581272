import { createServer, type Server } from 'node:http';
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import Provider from 'oidc-provider';

/** What the test provider does to the ID token it hands out at the token endpoint. */
export type Tamper = 'none' | 'forged' | 'expired';

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The accounts the provider knows, by login name: their claims. */
  accounts: Map<string, Record<string, unknown>>;
  tamper: Tamper;
  close(): Promise<void>;
}

function b64url(value: object | Buffer): string {
  return (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');
}

function resign(jwt: string, key: KeyObject, change: (payload: Record<string, unknown>) => Record<string, unknown>): string {
  const [header, payload] = jwt.split('.') as [string, string];
  const body = change(JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>);
  const input = `${header}.${b64url(body)}`;
  return `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`;
}

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1, with one client
 * registered for `redirectUrl`, its development login pages (any login name it knows), and
 * a switch that makes its token endpoint hand out an ID token signed with another key
 * (forged) or one that has expired, signed with its own key.
 */
export async function startTestProvider(options: { port: number; redirectUrl: string; postLogoutUrl: string }): Promise<TestProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const accounts = new Map<string, Record<string, unknown>>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'interchange',
        client_secret: 'interchange-test-secret',
        redirect_uris: [options.redirectUrl],
        post_logout_redirect_uris: [options.postLogoutUrl],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk as never] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups', 'department'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    cookies: { keys: ['oidc-test-cookie-key'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_ctx, id) {
      const claims = accounts.get(id);
      return claims ? { accountId: id, claims: async () => ({ sub: id, ...claims }) } : undefined;
    },
  });
  const state: TestProvider = {
    issuer,
    clientId: 'interchange',
    clientSecret: 'interchange-test-secret',
    accounts,
    tamper: 'none',
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== '/token' || !body?.id_token || state.tamper === 'none') return;
    const now = Math.floor(Date.now() / 1000);
    body.id_token =
      state.tamper === 'forged'
        ? resign(body.id_token, other, (p) => p)
        : resign(body.id_token, createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' })), (p) => ({ ...p, iat: now - 7200, exp: now - 3600 }));
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  return state;
}
