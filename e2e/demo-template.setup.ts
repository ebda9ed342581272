import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An embedded data folder with the demo loaded, to copy for each journey. */
    demoTemplate: string;
  }
}

/**
 * Loads the demo once for every browser journey: a first start takes most of a minute on the
 * embedded engine, and each journey then starts from its own copy of the same folder.
 */
export default function setup(project: TestProject): () => void {
  const dataDir = mkdtempSync(join(tmpdir(), 'interchange-e2e-template-'));
  const load = spawnSync(process.execPath, ['bin/interchange.js', 'demo', 'load'], {
    env: { ...process.env, INTERCHANGE_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  if (load.status !== 0) throw new Error(`demo load failed:\n${load.stdout}\n${load.stderr}`);
  project.provide('demoTemplate', dataDir);
  return () => rmSync(dataDir, { recursive: true, force: true });
}
