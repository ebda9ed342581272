// After `npm install`: build the web app once, so that `npm start` only has to start.
// Skipped when the sources are absent (installed as a dependency) or INTERCHANGE_SKIP_BUILD=1.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (process.env.INTERCHANGE_SKIP_BUILD === '1' || !existsSync('src/web/main.tsx') || !existsSync('node_modules/vite/bin/vite.js')) process.exit(0);
const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
