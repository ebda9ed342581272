import Fastify from 'fastify';
import helmet from '@fastify/helmet';
import { describe, expect, it } from 'vitest';
import { registerSecurityHeaders, securityHeaders } from './security-headers.ts';

const OPTIONS = {
  contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], frameAncestors: ["'none'"], upgradeInsecureRequests: null } },
  crossOriginEmbedderPolicy: false,
  xFrameOptions: { action: 'deny' as const },
  strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
};

/** The headers of a 200, a 404 and a thrown error of a server set up by `setup`, without the ones every answer has. */
async function answers(setup: (app: ReturnType<typeof Fastify>) => Promise<void>) {
  const app = Fastify({ logger: false });
  await setup(app);
  app.get('/ok', async () => ({ ok: true }));
  app.get('/fails', async () => {
    throw new Error('no');
  });
  const out = [];
  for (const url of ['/ok', '/missing', '/fails']) {
    const { headers, statusCode } = await app.inject({ method: 'GET', url });
    const { date: _date, 'content-length': _length, connection: _connection, ...rest } = headers;
    out.push({ url, statusCode, headers: rest });
  }
  await app.close();
  return out;
}

describe('security headers worked out once', () => {
  it('are the headers @fastify/helmet sends, on answers, 404s and errors alike', async () => {
    const byHelmet = await answers(async (app) => void (await app.register(helmet, OPTIONS)));
    const headers = await securityHeaders(OPTIONS);
    const once = await answers(async (app) => registerSecurityHeaders(app, headers));
    expect(once).toEqual(byHelmet);
    expect(byHelmet[0]!.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(byHelmet[1]!.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('follow the options: no HSTS when it is off', async () => {
    const headers = new Map(await securityHeaders({ ...OPTIONS, strictTransportSecurity: false }));
    expect(headers.has('strict-transport-security')).toBe(false);
    expect(headers.get('x-frame-options')).toBe('DENY');
  });
});
