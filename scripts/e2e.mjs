// Browser tests: playwright-core driving Debian's /usr/bin/chromium (never a downloaded
// browser). Without chromium they are reported as skipped, with the reason, unless
// E2E=required, which makes that a failure.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { buildWeb } from './build-web.mjs';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const reason = `${CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk)`;
  if (process.env.E2E === 'required') {
    console.error(`e2e: FAILED — E2E=required but ${reason}`);
    process.exit(1);
  }
  console.log(`e2e: skipped — ${reason}`);
  process.exit(0);
}
if (!existsSync('dist/web/index.html')) {
  const status = buildWeb();
  if (status !== 0) process.exit(status);
}
const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.e2e.config.ts'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
