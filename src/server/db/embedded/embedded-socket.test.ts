import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDb, type Db } from '../client.ts';
import { startEmbeddedEngine, verifyEmbeddedConnection, type EmbeddedEngine } from './embedded-engine.ts';
import { SOCKET_NAME } from './private-socket.ts';

// Issue 15, finding 2: the embedded database (no password, superuser) must be reachable by
// the server alone: a Unix socket in a folder only its user can enter, no TCP port, one
// connection, and a server that refuses to start on a connection it did not open.

const execFileAsync = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'interchange-socket-'));
let engine: EmbeddedEngine;
let db: Db;

/** Connects as the server does (db/open.ts): the pool of one, then the check. */
async function connectEmbedded(to: EmbeddedEngine, timeoutMs?: number): Promise<Db> {
  const connection = connectDb(to.url, 'embedded', to.stop);
  await verifyEmbeddedConnection(connection, to, timeoutMs);
  return connection;
}

beforeAll(async () => {
  engine = await startEmbeddedEngine({ dataDir: join(root, 'pglite'), socketDir: join(root, 'pglite-socket') });
  db = await connectEmbedded(engine);
});
afterAll(async () => {
  await db?.close();
  rmSync(root, { recursive: true, force: true });
});

/** The inodes of the sockets process `pid` holds open. */
function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    const target = (() => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return '';
      }
    })();
    const match = /^socket:\[(\d+)\]$/.exec(target);
    if (match) inodes.add(match[1]!);
  }
  return inodes;
}

/** The inodes of every TCP socket on the machine (IPv4 and IPv6, listening or not). */
function tcpInodes(): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const inode = line.trim().split(/\s+/)[9];
      if (inode) inodes.add(inode);
    }
  }
  return inodes;
}

/** Tries to connect to the socket as user and group 65534 (nobody); what happened. */
async function connectAsNobody(path: string): Promise<string> {
  const script = `require('net').connect(${JSON.stringify(path)}).on('connect', () => { console.log('connected'); process.exit(0); }).on('error', (e) => { console.log(e.code); process.exit(0); })`;
  const { stdout } = await execFileAsync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', script], { encoding: 'utf8' });
  return stdout.trim();
}

const canSwitchUser = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0 && (statSync(process.execPath).mode & 0o001) !== 0;

describe('the embedded database is reachable by the server alone', () => {
  it('listens on a Unix socket in a folder of this user alone (0700), and on no TCP port', () => {
    const folder = statSync(engine.socketDir);
    expect(engine.socketDir).toBe(join(root, 'pglite-socket'));
    expect(folder.mode & 0o777).toBe(0o700);
    expect(folder.uid).toBe(process.getuid!());
    const socket = statSync(join(engine.socketDir, SOCKET_NAME));
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);
    expect(engine.url).not.toMatch(/127\.0\.0\.1|localhost|:\d+\//);

    const held = socketInodes(engine.child.pid!);
    expect(held.size).toBeGreaterThan(0);
    const tcp = tcpInodes();
    expect([...held].filter((inode) => tcp.has(inode))).toEqual([]);
    expect(readFileSync('/proc/net/unix', 'utf8')).toContain(join(engine.socketDir, SOCKET_NAME));
  });

  it.runIf(canSwitchUser)('turns away another local user (nobody) at the folder, which they cannot enter', async () => {
    expect(await connectAsNobody(join(engine.socketDir, SOCKET_NAME))).toBe('EACCES');
    // The same attempt reaches a socket in a folder anyone may enter: the refusal is the folder's doing.
    const open = mkdtempSync(join(tmpdir(), 'interchange-open-'));
    chmodSync(open, 0o755);
    const path = join(open, 's');
    const server = createServer((c) => c.end());
    await new Promise<void>((resolve) => server.listen(path, resolve));
    chmodSync(path, 0o777);
    try {
      expect(await connectAsNobody(path)).toBe('connected');
    } finally {
      await new Promise((resolve) => server.close(resolve));
      rmSync(open, { recursive: true, force: true });
    }
  });

  it('takes one connection: while the server holds it, another is turned away', async () => {
    expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
    const other = new pg.Client({ connectionString: engine.url, connectionTimeoutMillis: 20_000 });
    other.on('error', () => undefined);
    await expect(other.connect().then(() => other.query('SELECT 1'))).rejects.toThrow();
    await other.end().catch(() => undefined);
    expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
  });
});

describe('one session, one connection at a time', () => {
  it('a connection lost mid-transaction leaves the next one no transaction and no prepared statements', async () => {
    const other = await startEmbeddedEngine({});
    try {
      const first = new pg.Client({ connectionString: other.url });
      first.on('error', () => undefined);
      await first.connect();
      await first.query('BEGIN');
      await first.query('CREATE TABLE left_behind (x int)');
      await first.query({ name: 'kept', text: 'SELECT $1::int AS x', values: [1] });
      expect((await first.query('SELECT count(*)::int AS n FROM pg_prepared_statements')).rows[0].n).toBe(1);
      // The process dies without a word: no Terminate, no ROLLBACK.
      (first as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      let second: pg.Client;
      for (let tries = 0; ; tries += 1) {
        second = new pg.Client({ connectionString: other.url });
        second.on('error', () => undefined);
        try {
          await second.connect();
          break;
        } catch (error) {
          // Turned away while the first connection is being closed.
          if (tries > 20) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      try {
        expect((await second.query("SELECT to_regclass('left_behind') AS t")).rows[0].t).toBeNull();
        expect((await second.query('SELECT count(*)::int AS n FROM pg_prepared_statements')).rows[0].n).toBe(0);
        // Its own statement under the same name is prepared anew.
        expect((await second.query({ name: 'kept', text: 'SELECT $1::int + 1 AS x', values: [1] })).rows[0].x).toBe(2);
      } finally {
        await second.end();
      }
    } finally {
      await other.stop();
    }
  });
});

describe('the server refuses to start on a connection it did not open', () => {
  it('refuses when another client connected first, and stops the database', async () => {
    const other = await startEmbeddedEngine({});
    const intruder = new pg.Client({ connectionString: other.url });
    intruder.on('error', () => undefined);
    await intruder.connect();
    try {
      await expect(connectEmbedded(other, 20_000)).rejects.toThrow(/refusing to start: the connection to the embedded database is not the one the server opened \(it turned the connection away/);
      expect(other.child.exitCode ?? other.child.signalCode).not.toBeNull();
    } finally {
      await intruder.end().catch(() => undefined);
      await other.stop();
    }
  });

  it('refuses a database that does not hold the nonce its process was told over IPC', async () => {
    const other = await startEmbeddedEngine({});
    await expect(connectEmbedded({ ...other, nonce: 'f'.repeat(32) })).rejects.toThrow(/not the one this server started/);
    expect(other.child.exitCode ?? other.child.signalCode).not.toBeNull();
  });
});

it('puts the socket in a private folder under the temporary folder when the preferred path is too long for a socket', async () => {
  const other = await startEmbeddedEngine({ socketDir: join(root, 'x'.repeat(120)) });
  try {
    expect(other.socketDir.startsWith(join(tmpdir(), 'interchange-db-'))).toBe(true);
    expect(statSync(other.socketDir).mode & 0o777).toBe(0o700);
    const otherDb = await connectEmbedded(other);
    expect((await otherDb.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
    await otherDb.close();
    expect(existsSync(other.socketDir)).toBe(false);
  } finally {
    await other.stop();
  }
});
