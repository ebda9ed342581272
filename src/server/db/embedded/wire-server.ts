/**
 * The embedded database's PostgreSQL socket: one connection at a time, each batch of protocol
 * messages that arrives handed to PGlite in one call. pglite-socket's server (which this
 * replaces) queued and ran each message alone: a query with values is five (Parse, Bind,
 * Describe, Execute, Sync), so five passes through PGlite's entry, each with its own flush of
 * the output, promise hops and socket write (issue 17). PostgreSQL's own backend reads them as
 * one stream too, and PGlite's entry runs every message of what it is given in turn.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
const TERMINATE = 0x58; // 'X'

/** What one connection's bytes hold next: a message whole, or nothing yet. */
type Next = { kind: 'ssl' | 'cancel' | 'startup' | 'message' | 'terminate'; length: number } | null;

function nextMessage(buffer: Buffer, started: boolean): Next {
  if (!started) {
    // Before the startup message: an SSL or cancel request, or the startup message (length, version).
    if (buffer.length < 8) return null;
    const length = buffer.readInt32BE(0);
    const code = buffer.readInt32BE(4);
    if (length === 8 && code === SSL_REQUEST) return { kind: 'ssl', length };
    if (length === 16 && code === CANCEL_REQUEST) return buffer.length >= 16 ? { kind: 'cancel', length } : null;
    if (code !== PROTOCOL_3) throw new Error(`not a PostgreSQL 3.0 startup message (${code})`);
    return buffer.length >= length ? { kind: 'startup', length } : null;
  }
  if (buffer.length < 5) return null;
  const length = 1 + buffer.readInt32BE(1);
  if (buffer.length < length) return null;
  return { kind: buffer[0] === TERMINATE ? 'terminate' : 'message', length };
}

/**
 * A PostgreSQL wire-protocol server on the Unix socket `path` for `db`, taking one connection:
 * another, while one is open, is told so and closed (embedded-engine.ts#verifyEmbeddedConnection
 * relies on it). When a connection ends, its open transaction is rolled back and its prepared
 * statements dropped: PGlite has one session, which the next connection gets (its `pg` client
 * prepares its statements anew, under the same names).
 */
export class OneConnectionServer {
  private server: Server | null = null;
  private current: Socket | null = null;
  /** Everything run against the database, in order: batches, and the clean-up after a connection. */
  private work: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: PGlite,
    private readonly path: string,
  ) {}

  /** Listens on the socket. */
  async start(): Promise<void> {
    await this.db.waitReady;
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.path, () => {
        server.off('error', reject);
        resolve();
      });
    });
  }

  /** Closes the connection and the socket; waits for what was running against the database. */
  async stop(): Promise<void> {
    this.current?.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
    await this.work;
  }

  private accept(socket: Socket): void {
    if (this.current) {
      socket.end('Too many connections\n');
      return;
    }
    this.current = socket;
    socket.setNoDelay(true);
    let buffer: Buffer = Buffer.alloc(0);
    let started = false;
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      socket.destroy();
      // The next connection may come at once (a pool replacing a broken one): its work queues after this clean-up.
      if (this.current === socket) this.current = null;
      this.work = this.work.then(() => this.cleanUp());
    };
    const drain = async (): Promise<void> => {
      const batch: Buffer[] = [];
      for (;;) {
        if (ended) return;
        const next = nextMessage(buffer, started);
        if (!next || next.kind === 'terminate') {
          if (batch.length) await this.run(socket, Buffer.concat(batch));
          if (next) end();
          return;
        }
        const message = buffer.subarray(0, next.length);
        buffer = buffer.subarray(next.length);
        if (next.kind === 'ssl') socket.write('N');
        else if (next.kind === 'startup') {
          started = true;
          await this.run(socket, Buffer.from(message));
        } else if (next.kind === 'message') batch.push(message);
        // A cancel request: PGlite has no other backend to signal; nothing is answered.
      }
    };
    socket.on('data', (data: Buffer) => {
      buffer = buffer.length ? Buffer.concat([buffer, data]) : data;
      this.work = this.work.then(drain).catch(() => end());
    });
    socket.on('error', end);
    socket.on('close', end);
  }

  /** Runs `message` (whole protocol messages) in PGlite and writes what it answers, at once. */
  private async run(socket: Socket, message: Buffer): Promise<void> {
    const out: Buffer[] = [];
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(new Uint8Array(message.buffer, message.byteOffset, message.length), {
        // PGlite may reuse the memory it hands over: copied before the next message runs.
        onRawData: (data) => void out.push(Buffer.from(data)),
      }),
    );
    if (out.length && !socket.destroyed) socket.write(out.length === 1 ? out[0]! : Buffer.concat(out));
  }

  /** What a connection leaves in the one session: an open transaction, its prepared statements. */
  private async cleanUp(): Promise<void> {
    try {
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
      await this.db.exec('DEALLOCATE ALL');
    } catch {
      // A database closing under us: nothing is left to clean.
    }
  }
}
