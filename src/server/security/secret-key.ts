import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Config } from '../config.ts';
import { ensurePrivateDir, warnAtStart } from './owner-only.ts';
import { isLoopback } from '../demo-guard.ts';

type SecretConfig = Pick<Config, 'secret' | 'secretFile' | 'dataDir' | 'demo' | 'host'>;


/** A real deployment: the demo is off, or the server listens beyond this machine. */
export function isRealDeployment(config: Pick<Config, 'demo' | 'host'>): boolean {
  return !config.demo || !isLoopback(config.host);
}

/** Whether `file` lies inside `dir` (not `dir` itself): where every copy of the folder takes it along. */
export function isInside(file: string, dir: string): boolean {
  const path = relative(resolve(dir), resolve(file));
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}

async function readKeyFile(file: string, warn: (message: string) => void): Promise<string> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile())
    throw new Error(`INTERCHANGE_SECRET_FILE names ${file}, which is not a file: create it (for example \`head -c 32 /dev/urandom | base64 > ${file}; chmod 600 ${file}\`) or correct the setting`);
  if (info.mode & 0o077)
    warn(`the key file ${file} can be read by other users (mode ${(info.mode & 0o777).toString(8).padStart(4, '0')}): chmod 600 it`);
  const secret = (await readFile(file, 'utf8')).trim();
  if (!secret) throw new Error(`the key file ${file} (INTERCHANGE_SECRET_FILE) is empty`);
  return secret;
}

async function generatedKey(dataDir: string): Promise<string> {
  const file = join(dataDir, 'secret.key');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await ensurePrivateDir(dataDir);
    const secret = randomBytes(32).toString('base64url');
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
    return (await readFile(file, 'utf8')).trim();
  }
}

/**
 * The key to personal data: INTERCHANGE_SECRET, else the file INTERCHANGE_SECRET_FILE names
 * (refused when missing: a new key would leave the stored data unreadable), else one generated
 * once into the data folder, so that the embedded default works with no setup. A key kept in
 * the data folder goes wherever a copy of the folder goes, so a real deployment is warned.
 */
export async function loadSecret(config: SecretConfig, warn: (message: string) => void = warnAtStart): Promise<string> {
  if (config.secret) return config.secret;
  const file = config.secretFile ?? join(config.dataDir, 'secret.key');
  const secret = config.secretFile ? await readKeyFile(config.secretFile, warn) : await generatedKey(config.dataDir);
  if (isRealDeployment(config) && isInside(file, config.dataDir))
    warn(`the key to personal data (${file}) is inside the data folder, so any copy or backup of the folder can be read with it: keep it elsewhere (INTERCHANGE_SECRET_FILE) or set INTERCHANGE_SECRET`);
  return secret;
}
