/**
 * Issue 17, "memory stays flat under sustained load": after the load test's warm-up and its two
 * runs, the same mix flat out for BENCH_LOAD_SUSTAINED_S seconds (600 for the 10 minutes),
 * then a minute idle, the serve process's VmRSS and heap sampled every few seconds throughout.
 * It passes when the RSS at the end of the run is at most 1.2 × the RSS after the warm-up, and
 * the RSS after the idle minute is back within 10% of it (at most 1.1 ×).
 */
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HeapFigures, LoadServer } from './load-server.ts';

export const SUSTAINED = {
  seconds: Number(process.env.BENCH_LOAD_SUSTAINED_S ?? 0),
  idleSeconds: Number(process.env.BENCH_LOAD_IDLE_S ?? 60),
  sampleSeconds: 5,
  /** RSS at the end of the run ≤ this × RSS after the warm-up. */
  runLimit: 1.2,
  /** RSS after the idle minute ≤ this × RSS after the warm-up. */
  idleLimit: 1.1,
};

/** One sample of the serve process's memory, `at` seconds from the start of the sustained run. */
export interface MemorySample {
  at: number;
  rss: number;
  heap: HeapFigures | null;
}

/** What the sustained run measured. */
export interface SustainedResult {
  seconds: number;
  idleSeconds: number;
  completed: number;
  errors: number;
  rps: number;
  /** CPU a request over the run, ms, from /proc: the serve process and its PostgreSQL backends. */
  serverCpuMs: number;
  postgresCpuMs: number;
  loadAfterRun: number[];
  rssWarm: number;
  heapWarm: HeapFigures | null;
  rssEndOfRun: number;
  rssAfterIdle: number;
  /** With BENCH_LOAD_HEAPSNAPSHOTS=1: the memory a few seconds after a heap snapshot's full GC, at the end. */
  afterFullGc: MemorySample | null;
  samples: MemorySample[];
  checks: { name: string; ok: boolean; detail: string }[];
}

/** A sample now, timed from `start` (a Date.now()). */
export function sampleMemory(server: LoadServer, start: number): MemorySample {
  return { at: Math.round((Date.now() - start) / 1000), rss: server.rss(), heap: server.heap() };
}

/** Samples `server` every SUSTAINED.sampleSeconds into `into` until `work` settles; returns work's value. */
export async function sampling<T>(server: LoadServer, start: number, into: MemorySample[], work: Promise<T>): Promise<T> {
  const timer = setInterval(() => into.push(sampleMemory(server, start)), SUSTAINED.sampleSeconds * 1000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

/** The idle minute after the run: nothing sent, the memory sampled; returns the RSS at its end. */
export async function idle(server: LoadServer, start: number, into: MemorySample[]): Promise<number> {
  for (let waited = 0; waited < SUSTAINED.idleSeconds; waited += SUSTAINED.sampleSeconds) {
    await sleep(SUSTAINED.sampleSeconds * 1000);
    into.push(sampleMemory(server, start));
  }
  return server.rss();
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)} ×`;

/** The two bounds as checks. */
export function sustainedChecks(rssWarm: number, rssEndOfRun: number, rssAfterIdle: number, seconds: number, errors: number, completed: number) {
  return [
    {
      name: `memory under sustained load (RSS at the end of ${seconds} s flat out ≤ ${SUSTAINED.runLimit} × after the warm-up)`,
      ok: rssEndOfRun <= SUSTAINED.runLimit * rssWarm,
      detail: `${mb(rssWarm)} MB → ${mb(rssEndOfRun)} MB (${ratio(rssEndOfRun, rssWarm)})`,
    },
    {
      name: `memory after ${SUSTAINED.idleSeconds} s idle back within 10% (≤ ${SUSTAINED.idleLimit} × after the warm-up)`,
      ok: rssAfterIdle <= SUSTAINED.idleLimit * rssWarm,
      detail: `${mb(rssAfterIdle)} MB (${ratio(rssAfterIdle, rssWarm)})`,
    },
    { name: 'no errors in the sustained run', ok: errors === 0, detail: `${errors} of ${completed}` },
  ];
}

/** The sustained run's part of the Load section. */
export function sustainedSection(r: SustainedResult): string[] {
  const heapMb = (h: HeapFigures | null) => (h ? mb(h.heapUsed) : '–');
  const extMb = (h: HeapFigures | null) => (h ? mb(h.external + h.arrayBuffers) : '–');
  // One row a minute (and the last sample of the run and of the idle minute), so the table stays short.
  const lastOfRun = r.samples.filter((s) => s.at <= r.seconds).at(-1);
  const rows = r.samples.filter((s) => s.at % 60 < SUSTAINED.sampleSeconds || s === lastOfRun || s === r.samples.at(-1));
  const phase = (at: number) => (at <= r.seconds ? 'run' : 'idle');
  const first = r.samples.find((s) => s.at >= 60) ?? r.samples[0]!;
  const last = lastOfRun ?? first;
  return [
    `### Sustained: ${r.seconds} s flat out, then ${r.idleSeconds} s idle (issue 17, memory)`,
    '',
    `\`BENCH_LOAD_SUSTAINED_S=${r.seconds} npm run bench -- --only load\`: after the warm-up and the two runs above, the same mix on the same 50 connections flat out for`,
    `${r.seconds} s, then nothing for ${r.idleSeconds} s; the serve process's VmRSS and its V8 heap (process.memoryUsage(), written once a second by`,
    '`bench/load-memory-probe.mjs`, preloaded) sampled every 5 s. The baseline is the RSS after the warm-up and 5 s of rest, as above.',
    '',
    `${r.rps.toFixed(0)} requests per second (${r.completed.toLocaleString('en')} requests, ${r.errors} errors); CPU a request, from /proc over the whole run:`,
    `${r.serverCpuMs.toFixed(1)} ms in the server + ${r.postgresCpuMs.toFixed(1)} ms in its PostgreSQL backends. Load average after the run: ${r.loadAfterRun.join(', ')}.`,
    '',
    '| s | phase | RSS (MB) | heap used (MB) | external + array buffers (MB) |',
    '|---:|---|---:|---:|---:|',
    `| 0 | after warm-up | ${mb(r.rssWarm)} | ${heapMb(r.heapWarm)} | ${extMb(r.heapWarm)} |`,
    ...rows.map((s) => `| ${s.at} | ${phase(s.at)} | ${mb(s.rss)} | ${heapMb(s.heap)} | ${extMb(s.heap)} |`),
    ...(r.afterFullGc ? [`| ${r.afterFullGc.at} | after a full GC (heap snapshot) | ${mb(r.afterFullGc.rss)} | ${heapMb(r.afterFullGc.heap)} | ${extMb(r.afterFullGc.heap)} |`] : []),
    '',
    `From the first minute to the last sample of the run: RSS ${mb(first.rss)} → ${mb(last.rss)} MB, heap used ${heapMb(first.heap)} → ${heapMb(last.heap)} MB.`,
    '',
    ...SUSTAINED_READING,
  ];
}

/** What grows and what does not (measured by hand, see each line). */
const SUSTAINED_READING = [
  'What the memory is (2026-12-07, `BENCH_LOAD_HEAPSNAPSHOTS=1 BENCH_LOAD_SUSTAINED_S=240`, a heap snapshot after the warm-up and one',
  'after 240 s flat out (35,000 requests, 2,800 writes) and the idle minute; a snapshot runs a full GC first, so these runs are not the measured ones):',
  '- The live heap does not grow: 78.9 MB after the warm-up, 79.9 MB at the end, of which +0.9 MB is compiled code; no kind of object',
  '  grew by more than 0.1 MB (counted by constructor across the two snapshots). Heap used after each full GC: 77 MB and 78 MB.',
  '- What grows is what is committed, not what is kept: V8\'s old space grows from 74 to about 90 MB committed under load (garbage',
  '  awaiting a major GC), and the process\'s native memory (allocator arenas, sockets, buffers) takes the rest of the RSS growth.',
  '  Neither is given back by an idle process: with nothing allocated, no GC runs, and freed native memory stays mapped. So the',
  '  RSS after the idle minute is the RSS at the end of the run, whatever the live data.',
  '- The caches are all bounded already: the figure sets (reports/figures/figure-cache.ts, an LRU of 16 sets and 16 × groups per',
  '  database), the kept answers\' JSON (core/kept-answers.ts, a WeakSet: an answer\'s text lives as long as the figure set that',
  '  holds it), the embedded engine\'s named statements (at most 400; not used on PostgreSQL), the pg pool (10 connections).',
  '  Nothing unbounded was found, so no cap was added; the figure cache\'s cap now has a test (figure-cache.test.ts: at most 16 sets,',
  '  the least recently read dropped first).',
  '- The idle bound is met or not by where the last major GC fell, not by what is kept: an earlier 600 s run the same day (load',
  '  average 21–26) ended at 205 → 238 MB (1.16 ×, met) and stayed at 238 MB after the idle minute (1.16 ×, NOT met), its heap used',
  '  between 104 and 120 MB all through the run (one sample at 177 MB) against 89 MB after the warm-up.',
  '',
];

/** Load averages now, rounded. */
export const uptimeNow = () => loadavg().map((v) => Number(v.toFixed(2)));
