/**
 * Where the embedded database listens: a Unix socket in a folder only this user can enter,
 * never a TCP port, so that no other local user can connect to it (it has no password and
 * every connection is the superuser's).
 */
import { chmod, lstat, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The file `pg` connects to in the folder it is given as `host` (port 5432). */
export const SOCKET_NAME = '.s.PGSQL.5432';
/** sun_path holds 108 bytes with its terminating NUL. */
const MAX_SOCKET_PATH = 107;

export interface SocketDir {
  dir: string;
  /** The socket's full path. */
  path: string;
  /** A folder of its own under the system's temporary folder (the preferred path was too long). */
  temporary: boolean;
}

const fits = (dir: string): boolean => Buffer.byteLength(join(dir, SOCKET_NAME)) <= MAX_SOCKET_PATH;

async function assertPrivate(dir: string): Promise<void> {
  const stat = await lstat(dir);
  const uid = process.getuid?.();
  if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || stat.mode & 0o077)
    throw new Error(`the socket folder ${dir} is not a folder of this user's alone: refusing to listen in it`);
}

/**
 * A folder for the socket, created fresh with mode 0700: `preferred` (its parent must exist)
 * when the socket's path fits in a socket address, else a new folder under the temporary one.
 * Anything already at `preferred` (the socket of a process killed before it could clean up)
 * is removed first.
 */
export async function createSocketDir(preferred: string | undefined): Promise<SocketDir> {
  let dir: string;
  let temporary = false;
  if (preferred && fits(preferred)) {
    dir = preferred;
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { mode: 0o700 });
  } else {
    dir = await mkdtemp(join(tmpdir(), 'interchange-db-'));
    temporary = true;
    if (!fits(dir)) throw new Error(`the temporary folder's path (${tmpdir()}) is too long for a socket`);
  }
  await chmod(dir, 0o700);
  await assertPrivate(dir);
  return { dir, path: join(dir, SOCKET_NAME), temporary };
}
