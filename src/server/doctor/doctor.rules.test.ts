import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../config.ts';
import type { Queryable } from '../db/client.ts';
import { checkDataFolder, checkDemoSetting, checkKey, checkPublicUrl, checkSmtp } from './check-setup.ts';
import { checkDurability, checkTime } from './check-database.ts';
import { checkPdfFonts } from './check-fonts.ts';

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'interchange-doctor-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const config = (env: NodeJS.ProcessEnv) => readConfig({ INTERCHANGE_DATA_DIR: join(root, 'data'), ...env });

/** A database that answers each setting or query from `answers`, matched on the SQL text or parameter. */
const fakeDb = (answer: (text: string, params?: unknown[]) => Record<string, unknown>): Queryable => ({
  query: async (text: string, params?: unknown[]) => ({ rows: [answer(text, params)] }) as never,
});

describe('the configuration', () => {
  it('names every bad variable and why, at once, and never shows a password', () => {
    const problems = (() => {
      try {
        readConfig({ PORT: '0x50', INTERCHANGE_DEMO: 'maybe', DATABASE_URL: 'mysql://me:hunter2@db/x', INTERCHANGE_LOG_LEVEL: 'loud', INTERCHANGE_SESSION_HOURS: '0' });
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
      }
      return [];
    })();
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).not.toContain('hunter2');
    for (const name of ['PORT', 'INTERCHANGE_DEMO', 'DATABASE_URL', 'INTERCHANGE_LOG_LEVEL', 'INTERCHANGE_SESSION_HOURS']) expect(problems.some((p) => p.startsWith(`${name}=`)), name).toBe(true);
  });

  it('reads yes/no words both ways and leaves absent variables at their defaults', () => {
    expect(readConfig({ INTERCHANGE_DEMO: 'no' }).demo).toBe(false);
    expect(readConfig({ INTERCHANGE_DEMO: 'YES' })).toMatchObject({ demo: true, demoExplicit: true });
    expect(readConfig({})).toMatchObject({ port: 3000, demo: true, demoExplicit: false, logLevel: 'info', publicUrl: null });
    expect(readConfig({ INTERCHANGE_PUBLIC_URL: 'https://ie.school.edu.cn/' }).publicUrl).toBe('https://ie.school.edu.cn');
  });
});

describe('doctor, without a database', () => {
  it('fails a key file other users can read, warns one inside the data folder, and passes one kept apart', async () => {
    mkdirSync(join(root, 'data'), { recursive: true, mode: 0o700 });
    const inside = join(root, 'data', 'secret.key');
    writeFileSync(inside, 'k'.repeat(44));
    chmodSync(inside, 0o644);
    expect((await checkKey(config({ INTERCHANGE_DEMO: '0' }))).status).toBe('fail');
    chmodSync(inside, 0o600);
    expect((await checkKey(config({ INTERCHANGE_DEMO: '0' }))).status).toBe('warn');
    const apart = join(root, 'apart.key');
    writeFileSync(apart, 'k'.repeat(44), { mode: 0o600 });
    expect(await checkKey(config({ INTERCHANGE_SECRET_FILE: apart }))).toMatchObject({ status: 'ok' });
    expect((await checkKey(config({ INTERCHANGE_SECRET_FILE: join(root, 'missing.key') }))).status).toBe('fail');
  });

  it('reports a data folder other users can enter, without changing it', async () => {
    const dir = join(root, 'loose');
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o755);
    const found = await checkDataFolder(config({ INTERCHANGE_DATA_DIR: dir }));
    expect(found.status).toBe('warn');
    expect(found.message).toContain('0755');
    expect((await checkDataFolder(config({ INTERCHANGE_DATA_DIR: dir }))).status).toBe('warn');
    chmodSync(dir, 0o700);
    expect((await checkDataFolder(config({ INTERCHANGE_DATA_DIR: dir }))).status).toBe('ok');
  });

  it('judges the demo setting and the public address by where the server listens', () => {
    expect(checkDemoSetting(config({})).status).toBe('info');
    expect(checkDemoSetting(config({ HOST: '0.0.0.0', INTERCHANGE_DEMO: '1' })).status).toBe('fail');
    expect(checkDemoSetting(config({ HOST: '0.0.0.0', INTERCHANGE_DEMO: '0' })).status).toBe('ok');
    expect(checkPublicUrl(config({ HOST: '0.0.0.0' })).status).toBe('warn');
    expect(checkPublicUrl(config({ INTERCHANGE_PUBLIC_URL: 'https://ie.school.edu.cn' })).status).toBe('warn');
    expect(checkPublicUrl(config({ INTERCHANGE_PUBLIC_URL: 'https://ie.school.edu.cn', INTERCHANGE_SECURE_COOKIES: '1' })).status).toBe('ok');
    expect(checkPublicUrl(config({ INTERCHANGE_PUBLIC_URL: 'http://ie.school.edu.cn', INTERCHANGE_SECURE_COOKIES: '1' })).status).toBe('fail');
  });

  it('fails fsync or synchronous commits turned off, and clocks that disagree', async () => {
    const durable = await checkDurability(fakeDb((_t, params) => ({ value: params?.[0] === 'fsync' ? 'off' : 'on' })));
    expect(durable).toMatchObject({ status: 'fail', message: expect.stringContaining('fsync') });
    expect((await checkDurability(fakeDb(() => ({ value: 'on' })))).status).toBe('ok');
    const skewed = await checkTime(fakeDb(() => ({ epoch: Date.now() / 1000 - 90, zone: 'UTC' })));
    expect(skewed).toMatchObject({ status: 'fail', message: expect.stringContaining('differ by 90') });
    expect((await checkTime(fakeDb(() => ({ epoch: Date.now() / 1000, zone: 'UTC' })))).status).toBe('ok');
  });
});

describe('doctor and a mail server', () => {
  const servers: Server[] = [];
  const listen = (onConnect: (socket: Socket) => void) =>
    new Promise<number>((resolve) => {
      const server = createServer(onConnect).listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
      servers.push(server);
    });
  afterAll(() => servers.forEach((s) => s.close()));

  it('passes a server that greets as SMTP does, and fails one that does not, one that refuses and one that stays silent', async () => {
    const smtp = await listen((s) => s.end('220 mail.school.edu ESMTP ready\r\n'));
    const web = await listen((s) => s.end('HTTP/1.1 400 Bad Request\r\n'));
    const silent = await listen(() => undefined);
    const refused = await listen(() => undefined);
    await new Promise((done) => servers.at(-1)!.close(done));
    expect(await checkSmtp({ INTERCHANGE_SMTP_URL: `smtp://127.0.0.1:${smtp}` })).toMatchObject({ status: 'ok', message: expect.stringContaining('220 mail.school.edu') });
    expect(await checkSmtp({ INTERCHANGE_SMTP_URL: `smtp://127.0.0.1:${web}` })).toMatchObject({ status: 'fail', message: expect.stringContaining('not an SMTP greeting') });
    expect(await checkSmtp({ INTERCHANGE_SMTP_URL: `smtp://127.0.0.1:${silent}` }, 300)).toMatchObject({ status: 'fail', message: expect.stringContaining('no greeting') });
    expect(await checkSmtp({ INTERCHANGE_SMTP_URL: `smtp://127.0.0.1:${refused}` })).toMatchObject({ status: 'fail', message: expect.stringContaining('refused') });
    expect((await checkSmtp({ INTERCHANGE_SMTP_URL: 'http://mail' })).status).toBe('fail');
    expect((await checkSmtp({})).status).toBe('info');
  });
});

describe('the PDF fonts', () => {
  it('are ok when every script has its file, and a warning naming the scripts and the packages when some are missing', () => {
    expect(checkPdfFonts(() => true).status).toBe('ok');
    const withoutCore = checkPdfFonts((file) => !file.startsWith('/usr/share/fonts/truetype/'));
    expect(withoutCore.status).toBe('warn');
    expect(withoutCore.message).toContain('arabic');
    expect(withoutCore.message).toContain('fonts-noto-core');
    // The Chinese font comes with the npm package: never missing for want of a system package.
    expect(withoutCore.message).not.toMatch(/\bhan\b/);
  });
});
