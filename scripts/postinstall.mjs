// After `npm install`: compile the server and build the web app once, so that `npm start` only
// has to start. Skipped when the sources are absent (installed as a dependency), when the build
// tools are (a production install: run `npm run build` where they are) or INTERCHANGE_SKIP_BUILD=1.
import { existsSync } from 'node:fs';
import { buildServer } from './build-server.mjs';
import { buildWeb } from './build-web.mjs';

if (process.env.INTERCHANGE_SKIP_BUILD === '1' || !existsSync('src/cli/main.ts')) process.exit(0);
const server = existsSync('node_modules/esbuild/package.json') ? await buildServer() : 0;
const web = server === 0 && existsSync('node_modules/vite/bin/vite.js') ? buildWeb() : 0;
process.exit(server || web);
