import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../server/test/serve-process.ts';

// Issue 15, finding 12: the demo printed its well-known passwords and served them on any
// address. On an address other than loopback, `serve` now refuses to load it (before loading
// anything) unless INTERCHANGE_DEMO=1 is set.

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('interchange serve on a network address', () => {
  it('refuses to load the demo by default, names INTERCHANGE_DEMO=1 and =0, prints no password and does not listen', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'interchange-demo-exposure-'));
    dirs.push(dataDir);
    const env: NodeJS.ProcessEnv = { ...process.env, INTERCHANGE_DATA_DIR: dataDir, DATABASE_URL: '', INTERCHANGE_SECRET: 'demo-exposure-secret', HOST: '0.0.0.0', PORT: String(await freePort()) };
    delete env.INTERCHANGE_DEMO;
    const run = spawnSync(process.execPath, ['bin/interchange.js', 'serve', '--no-build'], { env, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toContain('HOST=0.0.0.0');
    expect(run.stderr).toContain('INTERCHANGE_DEMO=1');
    expect(run.stderr).toContain('INTERCHANGE_DEMO=0');
    expect(run.stdout).not.toContain('Demo data loaded');
    expect(run.stdout).not.toContain('Interchange is running');
  });
});
