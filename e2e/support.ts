import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { inject } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startServeProcess } from '../src/server/test/serve-process.ts';

/**
 * Debian's chromium, as root, with no network chatter. Never a downloaded browser.
 * playwright gives each launch a fresh, empty profile of its own.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A real `interchange serve` on its own copy of an embedded database with the demo data. */
export async function startInterchange(): Promise<{ base: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'interchange-e2e-'));
  cpSync(inject('demoTemplate'), dataDir, { recursive: true });
  const server = await startServeProcess({ ...process.env, INTERCHANGE_DATA_DIR: dataDir, DATABASE_URL: '' });
  return {
    base: server.base,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
