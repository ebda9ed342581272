// Preloaded into the load test's `interchange serve` (NODE_OPTIONS=--import, bench/load-server.ts)
// when INTERCHANGE_LOAD_PROBE_DIR is set: once a second it writes the process's
// process.memoryUsage() (heap used and total, external, array buffers, RSS) and the size of each
// V8 heap space (new, old, code, large objects: where heap growth is) to
// <dir>/memory-<pid>.json, so that the bench can read the heap beside VmRSS without an inspector
// attached or a snapshot taken. A 1 s timer, unref'd, and a file of a few hundred bytes: it does
// not perturb what it measures. Written whole and renamed, so a reader never sees half a file.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';

const dir = process.env.INTERCHANGE_LOAD_PROBE_DIR;
if (dir) {
  const file = join(dir, `memory-${process.pid}.json`);
  const write = () => {
    const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size }]));
    writeFileSync(`${file}.tmp`, JSON.stringify({ at: Date.now(), ...process.memoryUsage(), spaces }));
    renameSync(`${file}.tmp`, file);
  };
  write();
  setInterval(write, 1000).unref();
}
