import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** A file or folder whose mode let other users in, and the mode it had. */
export interface LooseEntry {
  path: string;
  mode: number;
}

const ownUid = (): number | undefined => process.getuid?.();

/**
 * Every file and folder under `root` that a group or other users could read or change, with
 * its mode; with `fix`, takes those bits off as it goes (folders 0700, files 0600 at most).
 * Symbolic links are not followed, and what another user owns is left alone.
 */
async function walkLoose(root: string, fix: boolean): Promise<LooseEntry[]> {
  const loose: LooseEntry[] = [];
  const visit = async (path: string): Promise<void> => {
    const stat = await lstat(path).catch(() => null);
    if (!stat || stat.isSymbolicLink()) return;
    const uid = ownUid();
    if (uid !== undefined && stat.uid !== uid) return;
    const mode = stat.mode & 0o7777;
    if (mode & 0o077) {
      loose.push({ path, mode });
      if (fix) await chmod(path, mode & 0o700);
    }
    if (stat.isDirectory()) for (const name of await readdir(path)) await visit(join(path, name));
  };
  await visit(root);
  return loose;
}

/**
 * Takes group and other bits off every file and folder under `root`, so that no other local
 * user can read or corrupt the database or the key. Returns what was looser than owner-only.
 */
export function makeOwnerOnly(root: string): Promise<LooseEntry[]> {
  return walkLoose(root, true);
}

/** What under `root` is looser than owner-only, changing nothing: for `interchange doctor`. */
export function looseEntries(root: string): Promise<LooseEntry[]> {
  return walkLoose(root, false);
}

/**
 * Creates `dir` (and missing parents) owner-only, whatever the umask. A folder that already
 * exists keeps its mode: `makeOwnerOnly` checks and reports it.
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  const created = await mkdir(dir, { recursive: true, mode: 0o700 });
  if (created) await chmod(dir, 0o700);
}

/** Says in one line (and the first few paths) what makeOwnerOnly or looseEntries found, and what is done about it. */
export function describeLoose(root: string, loose: LooseEntry[], done = 'made owner-only'): string {
  const sample = loose.slice(0, 3).map((e) => `${e.path} (${(e.mode & 0o777).toString(8).padStart(4, '0')})`);
  const more = loose.length > sample.length ? `, and ${loose.length - sample.length} more` : '';
  return `${loose.length} file(s) or folder(s) under ${root} could be read or changed by other users; ${done}: ${sample.join(', ')}${more}`;
}

/** Where start-up warnings go: the log, before the HTTP server's logger exists. */
export const warnAtStart = (message: string): void => console.warn(`Interchange: warning: ${message}`);

/**
 * Creates the data folder owner-only, or checks the one there and fixes what another user
 * could read or change, saying so: a copy made with a loose umask, or a chmod by hand.
 */
export async function secureDataDir(dataDir: string, warn: (message: string) => void = warnAtStart): Promise<void> {
  await ensurePrivateDir(dataDir);
  const loose = await makeOwnerOnly(dataDir);
  if (loose.length) warn(describeLoose(dataDir, loose));
}

/**
 * Makes whatever this process creates from now on owner-only (umask 077), the files of a
 * library that does not say which mode it wants included. Worker threads cannot change it.
 */
export function restrictUmask(): void {
  try {
    process.umask(0o077);
  } catch {
    // a worker thread: its files are made owner-only explicitly
  }
}
