// After `npm install`: build the web app once, so that `npm start` only has to start.
// Skipped when the sources are absent (installed as a dependency) or INTERCHANGE_SKIP_BUILD=1.
import { existsSync } from 'node:fs';
import { buildWeb } from './build-web.mjs';

if (process.env.INTERCHANGE_SKIP_BUILD === '1' || !existsSync('src/web/main.tsx') || !existsSync('node_modules/vite/bin/vite.js')) process.exit(0);
process.exit(buildWeb());
