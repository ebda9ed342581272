import { readFileSync } from 'node:fs';
import { paths } from './paths.ts';

/**
 * This release's version, from package.json (one place to bump), and the git commit it was
 * built from when the deployment says so (INTERCHANGE_COMMIT, set by a build or a unit file).
 */
export const VERSION: string = (JSON.parse(readFileSync(paths.packageJson, 'utf8')) as { version: string }).version;

/** The commit named by INTERCHANGE_COMMIT, when it looks like one; undefined otherwise. */
export function buildCommit(): string | undefined {
  const commit = process.env.INTERCHANGE_COMMIT?.trim();
  return commit && /^[0-9a-f]{7,40}$/i.test(commit) ? commit.toLowerCase() : undefined;
}
