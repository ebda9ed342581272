/**
 * PGlite's NODEFS, with the disk flushes it leaves out. Emscripten's NODEFS has no `fsync`
 * stream operation (an `fsync` of the WASM PostgreSQL returns without doing anything) and its
 * `fdatasync` system call is a stub, so with PostgreSQL's fsync on, a COMMIT still only
 * reaches the kernel's cache. Here both call the real `fs.fsyncSync` / `fs.fdatasyncSync` on
 * the real file descriptor behind the stream, while `syncing` is on (ARCHITECTURE.md, Data,
 * Durability).
 */
import { fdatasyncSync, fsyncSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type EmscriptenOptions = Parameters<NodeFS['init']>[1];

/** What we use of an Emscripten FS stream: NODEFS keeps the real descriptor in `nfd`. */
interface Stream {
  nfd?: number;
  stream_ops: object;
}

interface NodeFsType {
  stream_ops: { fsync?: (stream: Stream) => number };
  tryFSOperation<T>(work: () => T): T;
}

interface EmscriptenFs {
  filesystems: { NODEFS: NodeFsType };
  getStream(fd: number): Stream | undefined;
}

const EBADF = 8;

/** NODEFS whose fsync and fdatasync reach the disk while `syncing` is true. */
export class SyncingNodeFS extends NodeFS {
  /** Whether this database is durable at all (not a test's database). */
  readonly durable: boolean;
  /** Off while a bulk load runs (made durable once at its end) and in a test's database. */
  syncing: boolean;

  constructor(dataDir: string, durable: boolean) {
    super(dataDir);
    this.durable = durable;
    this.syncing = durable;
  }

  override async init(pg: PGlite, options: EmscriptenOptions): Promise<{ emscriptenOpts: EmscriptenOptions }> {
    const { emscriptenOpts } = await super.init(pg, options);
    let nodefs: NodeFsType | null = null;
    let streams: EmscriptenFs | null = null;
    // The NODEFS stream of `fd`'s real descriptor, or null for any other stream.
    const realFd = (stream: Stream | undefined): number | null =>
      nodefs && stream && stream.stream_ops === nodefs.stream_ops && typeof stream.nfd === 'number' ? stream.nfd : null;
    const flush = (stream: Stream | undefined, sync: (fd: number) => void): void => {
      const fd = realFd(stream);
      if (fd !== null && this.syncing && nodefs) nodefs.tryFSOperation(() => sync(fd));
    };
    const instantiate = emscriptenOpts.instantiateWasm;
    return {
      emscriptenOpts: {
        ...emscriptenOpts,
        preRun: [
          ...(emscriptenOpts.preRun ?? []),
          (mod) => {
            streams = mod.FS as unknown as EmscriptenFs;
            nodefs = streams.filesystems.NODEFS;
            // fsync(2) reaches a stream's `fsync` operation (through WASI's fd_sync).
            nodefs.stream_ops.fsync = (stream) => {
              flush(stream, fsyncSync);
              return 0;
            };
          },
        ],
        // fdatasync(2) is a system call import that only checks the descriptor: replaced
        // before the module is instantiated, since the module binds its imports then.
        instantiateWasm: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => {
          const env = imports.env as Record<string, unknown>;
          env.__syscall_fdatasync = (fd: number): number => {
            const stream = streams?.getStream(fd);
            if (!stream) return -EBADF;
            try {
              flush(stream, fdatasyncSync);
              return 0;
            } catch (error) {
              return -((error as { errno?: number }).errno ?? EBADF);
            }
          };
          if (!instantiate) throw new Error('PGlite no longer instantiates its own module: see syncing-nodefs.ts');
          return instantiate(imports, done);
        },
      },
    };
  }
}
