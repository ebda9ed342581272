/**
 * Issue 6, "Load": a real `interchange serve` on PostgreSQL with the demo at scale, driven by
 * autocannon on 127.0.0.1 with a working day's mix (lists, record pages, the dashboard, searches,
 * writes) on 50 connections for 30 s: once paced (each connection a request a second: the checked
 * run) and once flat out (the capacity). It passes when nothing failed in either, the checked run's
 * p99 is under 200 ms and the server's memory after both runs is flat against its memory after a
 * warm-up of the same mix. With BENCH_LOAD_SUSTAINED_S (600 for issue 17), a sustained flat-out
 * run and an idle minute follow, checked against the issue's memory bounds (load-sustained.ts).
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon, { type Client, type Request, type Result } from 'autocannon';
import pg from 'pg';
import { backendsCpuMs, cpuMs, dropLoadDatabase, prepareLoadDatabase, startLoadServer, type LoadServer } from './load-server.ts';
import { SUSTAINED, idle, sampleMemory, sampling, sustainedChecks, sustainedSection, uptimeNow, type MemorySample, type SustainedResult } from './load-sustained.ts';
import { KINDS, WEIGHTS, mixRequests, sampleDatabase, seededRandom, targetMakers, type Credentials, type Kind } from './load-mix.ts';
import { machine, serverVersion } from './machine.ts';

export const LOAD = {
  connections: 50,
  seconds: Number(process.env.BENCH_LOAD_SECONDS ?? 30),
  /** Requests a second each connection sends in the checked run (a person working very fast); 0: flat out. */
  rate: Number(process.env.BENCH_LOAD_RATE ?? 1),
  // As long as the capacity run and as hard, so that the memory after it is compared with the memory after the same load.
  warmupSeconds: Number(process.env.BENCH_LOAD_WARMUP_SECONDS ?? 30),
  settleSeconds: 5,
  scale: Number(process.env.BENCH_LOAD_SCALE ?? 20),
  database: process.env.BENCH_LOAD_DATABASE ?? 'interchange_load',
  p99LimitMs: 200,
  /** Memory is flat when the RSS after the runs is at most this much above the RSS after the warm-up. */
  rssGrowthLimit: 0.1,
};

export interface KindStats {
  kind: Kind | 'all';
  requests: number;
  errors: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  machine: string;
  /** `uptime`'s load averages before and after the measured runs. */
  loadBefore: number[];
  loadAfter: number[];
  setup: string[];
  /** The checked run: 50 connections, each sending LOAD.rate requests a second. */
  paced: RunStats;
  /** 50 connections flat out: the capacity, and the latency at saturation. */
  flatOut: RunStats;
  rssBefore: number;
  /** After the checked run and the rest after it, before the capacity run. */
  rssMid: number;
  rssAfter: number;
  rssPeak: number;
  /** CPU a request in the capacity run, ms, from /proc: the serve process and its PostgreSQL backends. */
  flatOutCpu: { server: number; postgres: number };
  /** With BENCH_LOAD_SUSTAINED_S: the long flat-out run and the idle minute after it. */
  sustained: SustainedResult | null;
  checks: { name: string; ok: boolean; detail: string }[];
  pass: boolean;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function statsOf(kind: Kind | 'all', times: number[], errors: number): KindStats {
  const sorted = [...times].sort((a, b) => a - b);
  return { kind, requests: times.length, errors, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? 0 };
}

async function signIn(base: string, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (response.status !== 200) throw new Error(`sign-in as ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

/** Signs the demo accounts in over HTTP and makes the officer an API token for the writes. */
export async function credentials(base: string): Promise<Credentials> {
  const officer = await signIn(base, 'officer@demo.interchange', 'demo-officer-password');
  const coordinator = await signIn(base, 'coordinator@demo.interchange', 'demo-coordinator-password');
  const leader = await signIn(base, 'leader@demo.interchange', 'demo-leader-password');
  const response = await fetch(`${base}/api/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: officer.cookie, 'x-csrf-token': officer.csrf },
    body: JSON.stringify({ name: `load test ${new Date().toISOString()}`, scope: 'read_write' }),
  });
  if (response.status !== 201) throw new Error(`API token: ${response.status} ${await response.text()}`);
  const token = ((await response.json()) as { token: string }).token;
  return { officer: officer.cookie, coordinator: coordinator.cookie, leader: leader.cookie, officerToken: `Bearer ${token}` };
}

interface Recorded {
  times: Record<Kind, number[]>;
  /** Response times by route (ids folded), to find what is slow. */
  routes: Map<string, number[]>;
  errors: Record<Kind, number>;
  failures: Record<string, number>;
  seconds: number;
  completed: number;
}

/**
 * One run of the mix on `LOAD.connections` connections for `seconds`. Flat out (`rate` 0) is one
 * autocannon instance whose connections each send the next request as soon as the last is
 * answered. Paced, each connection is its own instance sending `rate` requests a second, the
 * connections' starts spread over the first second: autocannon paces a connection by whole
 * seconds from its start, so 50 connections started together would all send in the same instant.
 * Every response is filed under its kind and route, with its time.
 */
export async function drive(base: string, requests: Request[], seconds: number, rate = 0): Promise<Recorded> {
  const times = Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
  const errors = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const failures: Record<string, number> = {};
  const routes = new Map<string, number[]>();
  const samples: string[] = [];
  const slots = requests.map((r) => ({
    ...r,
    onResponse: (status: number, body: string, context: Record<string, unknown>) => {
      if ((status < 200 || status >= 300) && samples.length < 5) samples.push(`${String(context.kind)} ${status}: ${body.slice(0, 300)}`);
    },
  }));
  const onResponse = (client: Client, status: number, _bytes: number, responseTime: number) => {
    const kind = client.requestIterator.context.kind as Kind;
    const route = String(client.requestIterator.context.route);
    times[kind].push(responseTime);
    const forRoute = routes.get(route) ?? [];
    forRoute.push(responseTime);
    routes.set(route, forRoute);
    if (status < 200 || status >= 300) {
      errors[kind] += 1;
      failures[`${kind} ${status}`] = (failures[`${kind} ${status}`] ?? 0) + 1;
    }
  };
  const start = (connections: number, options: { connectionRate?: number }) => {
    const instance = autocannon({ url: base, connections, duration: seconds, pipelining: 1, timeout: 10, requests: slots, ...options });
    instance.on('response', onResponse);
    return instance;
  };
  const results: Result[] = rate
    ? await Promise.all(
        Array.from({ length: LOAD.connections }, async (_, i) => {
          await sleep((i * 1000) / LOAD.connections);
          return start(1, { connectionRate: rate });
        }),
      )
    : [await start(LOAD.connections, {})];
  const socketErrors = results.reduce((n, r) => n + r.errors, 0);
  if (socketErrors) failures['socket errors and timeouts'] = socketErrors;
  if (samples.length) console.error(`first failures:\n${samples.join('\n')}`);
  const completed = KINDS.reduce((n, k) => n + times[k].length, 0);
  return { times, routes, errors, failures, seconds: Math.max(...results.map((r) => r.duration)), completed };
}

/** A run's figures: by kind and overall, the slowest routes, what failed. */
export interface RunStats {
  seconds: number;
  rps: number;
  completed: number;
  errors: number;
  stats: KindStats[];
  /** The routes with the highest p99 (at least 5 requests each). */
  slowest: { route: string; requests: number; p50: number; p99: number }[];
  /** Status codes other than 2xx, and socket errors and timeouts, by what they were. */
  failures: Record<string, number>;
  writes: number;
}

function summarize(run: Recorded): RunStats {
  const all = KINDS.flatMap((k) => run.times[k]);
  const errors = KINDS.reduce((n, k) => n + run.errors[k], 0) + (run.failures['socket errors and timeouts'] ?? 0);
  const slowest = [...run.routes]
    .filter(([, t]) => t.length >= 5)
    .map(([route, t]) => {
      const sorted = [...t].sort((a, b) => a - b);
      return { route, requests: t.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
    })
    .sort((a, b) => b.p99 - a.p99)
    .slice(0, 8);
  return {
    seconds: run.seconds,
    rps: run.completed / run.seconds,
    completed: run.completed,
    errors,
    stats: [...KINDS.map((k) => statsOf(k, run.times[k], run.errors[k])), statsOf('all', all, errors)],
    slowest,
    failures: run.failures,
    writes: run.times.write.length,
  };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const uptime = uptimeNow;

/** Samples the server's RSS once a second while `work` runs; returns work's result and the peak. */
async function watchingMemory<T>(server: LoadServer, work: Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = server.rss();
  const timer = setInterval(() => (peak = Math.max(peak, server.rss())), 1000);
  try {
    return { value: await work, peak };
  } finally {
    clearInterval(timer);
  }
}

type CpuSoFar = { server: number; postgres: number };

/**
 * The sustained run (issue 17): the mix flat out for SUSTAINED.seconds, then SUSTAINED.idleSeconds
 * with nothing sent, the memory sampled throughout, checked against the RSS after the warm-up.
 */
async function sustainedRun(
  server: LoadServer,
  requests: Request[],
  rssWarm: number,
  heapWarm: ReturnType<LoadServer['heap']>,
  cpuNow: () => Promise<CpuSoFar>,
  perRequest: (before: CpuSoFar, after: CpuSoFar, requests: number) => CpuSoFar,
): Promise<SustainedResult> {
  console.log(`sustained run: ${SUSTAINED.seconds} s, ${LOAD.connections} connections flat out, then ${SUSTAINED.idleSeconds} s idle`);
  const samples: MemorySample[] = [];
  const start = Date.now();
  const cpuBefore = await cpuNow();
  const run = summarize(await sampling(server, start, samples, drive(server.base, requests, SUSTAINED.seconds)));
  const cpu = perRequest(cpuBefore, await cpuNow(), run.completed);
  const loadAfterRun = uptime();
  const end = sampleMemory(server, start);
  samples.push(end);
  console.log(`  ${run.rps.toFixed(0)} requests/s, ${run.errors} errors, RSS ${mb(end.rss)} at the end (after the warm-up ${mb(rssWarm)}), CPU a request ${cpu.server.toFixed(1)} + ${cpu.postgres.toFixed(1)} ms`);
  const rssAfterIdle = await idle(server, start, samples);
  console.log(`  after ${SUSTAINED.idleSeconds} s idle: RSS ${mb(rssAfterIdle)}`);
  let afterFullGc: MemorySample | null = null;
  const snapshot = await server.heapSnapshot();
  if (snapshot) {
    await sleep(3000);
    afterFullGc = sampleMemory(server, start);
    console.log(`  heap snapshot ${snapshot}; after its full GC: RSS ${mb(afterFullGc.rss)}, heap used ${mb(afterFullGc.heap?.heapUsed ?? 0)}`);
  }
  if (process.env.BENCH_LOAD_SAMPLES) writeFileSync(process.env.BENCH_LOAD_SAMPLES, JSON.stringify({ rssWarm, heapWarm, samples, afterFullGc }, null, 1));
  return {
    seconds: SUSTAINED.seconds,
    idleSeconds: SUSTAINED.idleSeconds,
    completed: run.completed,
    errors: run.errors,
    rps: run.rps,
    serverCpuMs: cpu.server,
    postgresCpuMs: cpu.postgres,
    loadAfterRun,
    rssWarm,
    heapWarm,
    rssEndOfRun: end.rss,
    rssAfterIdle,
    afterFullGc,
    samples,
    checks: sustainedChecks(rssWarm, end.rss, rssAfterIdle, SUSTAINED.seconds, run.errors, run.completed),
  };
}

/**
 * The whole test: database, server, sign-in, warm-up, the checked run (paced), the capacity run
 * (flat out), memory, verdicts. `adminUrl` is a PostgreSQL URL with the right to create databases.
 */
export async function runLoadTest(adminUrl: string): Promise<LoadResult> {
  const reuse = process.env.BENCH_LOAD_REUSE === '1';
  const { url, log } = await prepareLoadDatabase(adminUrl, LOAD.database, LOAD.scale, reuse);
  console.log(log.join('\n'));
  const server = await startLoadServer(url);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // CPU (ms) of the server and its PostgreSQL backends so far: a run's CPU a request is the difference ÷ its requests.
  const cpuNow = async () => ({ server: cpuMs(server.pid), postgres: await backendsCpuMs(admin, LOAD.database) });
  const perRequest = (before: { server: number; postgres: number }, after: { server: number; postgres: number }, requests: number) => ({
    server: (after.server - before.server) / requests,
    postgres: (after.postgres - before.postgres) / requests,
  });
  try {
    const samples = await sampleDatabase(url);
    const creds = await credentials(server.base);
    const runId = Date.now().toString(36);
    const random = seededRandom(20261128);
    const requests = mixRequests(targetMakers(samples, creds, random, runId), random);

    console.log(`warm-up: ${LOAD.warmupSeconds} s, ${LOAD.connections} connections flat out`);
    const warm = await drive(server.base, requests, LOAD.warmupSeconds);
    const warmErrors = KINDS.reduce((n, k) => n + warm.errors[k], 0);
    await sleep(LOAD.settleSeconds * 1000);
    const rssBefore = server.rss();
    const heapBefore = server.heap();
    // Finding what grows (BENCH_LOAD_HEAPSNAPSHOTS=1): a snapshot after the warm-up too, after the baseline was read.
    const warmSnapshot = await server.heapSnapshot();
    if (warmSnapshot) console.log(`heap snapshot after the warm-up: ${warmSnapshot}; after its full GC: RSS ${mb(server.rss())}, heap used ${mb(server.heap()?.heapUsed ?? 0)}`);
    const loadBefore = uptime();
    console.log(`after warm-up (${warm.completed} requests, ${warmErrors} errors) and ${LOAD.settleSeconds} s: RSS ${mb(rssBefore)}, load ${loadBefore.join(' ')}`);

    const paceLabel = LOAD.rate ? `each sending ${LOAD.rate} request${LOAD.rate === 1 ? '' : 's'} a second` : 'flat out';
    console.log(`checked run: ${LOAD.seconds} s, ${LOAD.connections} connections ${paceLabel}`);
    const first = await watchingMemory(server, drive(server.base, requests, LOAD.seconds, LOAD.rate));
    const paced = summarize(first.value);
    await sleep(LOAD.settleSeconds * 1000);
    const rssMid = server.rss();
    console.log(`  ${paced.rps.toFixed(0)} requests/s, p50 ${paced.stats.at(-1)!.p50.toFixed(1)} ms, p99 ${paced.stats.at(-1)!.p99.toFixed(1)} ms, ${paced.errors} errors`);
    console.log(`capacity run: ${LOAD.seconds} s, ${LOAD.connections} connections flat out`);
    const cpuBefore = await cpuNow();
    const second = await watchingMemory(server, drive(server.base, requests, LOAD.seconds));
    const flatOut = summarize(second.value);
    const flatOutCpu = perRequest(cpuBefore, await cpuNow(), flatOut.completed);
    console.log(`  CPU a request: ${flatOutCpu.server.toFixed(1)} ms server + ${flatOutCpu.postgres.toFixed(1)} ms PostgreSQL`);
    console.log(`  ${flatOut.rps.toFixed(0)} requests/s, p50 ${flatOut.stats.at(-1)!.p50.toFixed(1)} ms, p99 ${flatOut.stats.at(-1)!.p99.toFixed(1)} ms, ${flatOut.errors} errors`);
    const loadAfter = uptime();
    await sleep(LOAD.settleSeconds * 1000);
    const rssAfter = server.rss();
    const peak = Math.max(first.peak, second.peak);
    const sustained = SUSTAINED.seconds > 0 ? await sustainedRun(server, requests, rssBefore, heapBefore, cpuNow, perRequest) : null;

    const growth = (rssAfter - rssBefore) / rssBefore;
    const p99 = paced.stats.at(-1)!.p99;
    const writeShare = paced.writes / paced.completed;
    const checks = [
      { name: 'no errors', ok: paced.errors + flatOut.errors === 0, detail: `${paced.errors} of ${paced.completed} in the checked run, ${flatOut.errors} of ${flatOut.completed} flat out (non-2xx, socket errors, timeouts)` },
      { name: `p99 < ${LOAD.p99LimitMs} ms (checked run)`, ok: p99 < LOAD.p99LimitMs, detail: `p99 ${p99.toFixed(1)} ms` },
      {
        name: `memory flat (RSS after both runs ≤ ${(1 + LOAD.rssGrowthLimit).toFixed(2)} × after the warm-up)`,
        ok: growth <= LOAD.rssGrowthLimit,
        detail: `${mb(rssBefore)} → ${mb(rssAfter)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%), peak ${mb(peak)}`,
      },
      { name: 'writes 5–10% of requests (checked run)', ok: writeShare >= 0.05 && writeShare <= 0.1, detail: `${paced.writes} writes, ${(writeShare * 100).toFixed(1)}%` },
      ...(sustained?.checks ?? []),
    ];
    const pgVersion = await serverVersion(adminUrl);
    return {
      machine: machine(pgVersion),
      loadBefore,
      loadAfter,
      setup: [
        ...log,
        `the mix, drawn per request: ${KINDS.map((k) => `${k} ${WEIGHTS[k]}%`).join(', ')}`,
        `warm-up ${LOAD.warmupSeconds} s flat out (${warm.completed} requests, ${warmErrors} errors), then ${LOAD.settleSeconds} s of rest, before the measured runs`,
      ],
      paced,
      flatOut,
      rssBefore,
      rssMid,
      rssAfter,
      rssPeak: peak,
      flatOutCpu,
      sustained,
      checks,
      pass: checks.every((c) => c.ok),
    };
  } finally {
    await admin.end();
    await server.stop();
    if (!reuse) await dropLoadDatabase(adminUrl, LOAD.database);
  }
}

const KIND_LABELS: Record<KindStats['kind'], string> = {
  list: 'lists (visits, agreements, people, institutions, conferences, appointments, ledger pages; filters, sorts, pages)',
  record: 'record pages (visit, agreement, person, institution, conference, appointment; history)',
  dashboard: 'dashboard (figures, series, breakdowns, partners)',
  search: 'search (Chinese simplified and traditional, pinyin, Latin)',
  write: 'writes (POST /api/people, POST /api/visits, each unique)',
  all: '**all**',
};

function runTable(run: RunStats): string[] {
  const ms = (v: number) => v.toFixed(1);
  return [
    `${run.rps.toFixed(0)} requests per second (${run.completed.toLocaleString('en')} in ${run.seconds} s).`,
    '',
    '| what | requests | errors | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...run.stats.map((s) => `| ${KIND_LABELS[s.kind]} | ${s.requests.toLocaleString('en')} | ${s.errors} | ${ms(s.p50)} | ${ms(s.p90)} | ${ms(s.p99)} | ${ms(s.max)} |`),
    '',
    'Slowest routes (ids and numbers folded; at least 5 requests each):',
    '',
    '| route | requests | p50 (ms) | p99 (ms) |',
    '|---|---:|---:|---:|',
    ...run.slowest.map((s) => `| \`${s.route.replace(/\|/g, '\\|')}\` | ${s.requests} | ${ms(s.p50)} | ${ms(s.p99)} |`),
    ...(Object.keys(run.failures).length ? ['', `Failures: ${Object.entries(run.failures).map(([k, v]) => `${k} × ${v}`).join(', ')}.`] : []),
    '',
  ];
}

/** The results as the "Load" section of bench/RESULTS.md (also printed). */
export function loadSection(r: LoadResult): string[] {
  const pace = LOAD.rate ? `each connection sending ${LOAD.rate} request${LOAD.rate === 1 ? '' : 's'} a second (${LOAD.rate * LOAD.connections} requests a second offered), their starts spread over the first second` : 'flat out';
  return [
    '## Load (issue 6)',
    '',
    `${r.pass ? '**PASS**' : '**FAIL**'}: \`npm run bench -- --only load\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Machine: ${r.machine}.`,
    `Load average (1, 5, 15 min) before the measured runs: ${r.loadBefore.join(', ')}; after: ${r.loadAfter.join(', ')} (2 cores, shared with other sessions; autocannon runs on the same cores as the server and PostgreSQL).`,
    '',
    ...r.setup.map((l) => `- ${l}`),
    `- a real \`interchange serve\` process on 127.0.0.1 (demo off); the officer, the coordinator and the leader signed in over HTTP, writes with the officer's API token; autocannon ${LOAD.connections} connections, pipelining 1, ${LOAD.seconds} s a run`,
    '',
    `### Checked run: ${LOAD.connections} connections, ${pace}`,
    '',
    ...runTable(r.paced),
    `### Capacity: ${LOAD.connections} connections flat out`,
    '',
    'Each connection sends its next request as soon as the last is answered, so the server is saturated and a request waits for the',
    `others in flight: latency ≈ connections ÷ throughput (${LOAD.connections} ÷ ${r.flatOut.rps.toFixed(0)} per second ≈ ${((LOAD.connections / r.flatOut.rps) * 1000).toFixed(0)} ms). Errors are checked here too; latency is not.`,
    '',
    ...runTable(r.flatOut),
    `CPU a request flat out, from /proc over the run: ${r.flatOutCpu.server.toFixed(1)} ms in the server + ${r.flatOutCpu.postgres.toFixed(1)} ms in its PostgreSQL backends, so 2 cores reach at most ≈ ${((cpus().length * 1000) / (r.flatOutCpu.server + r.flatOutCpu.postgres)).toFixed(0)} requests/s of this mix (autocannon's own CPU aside).`,
    '',
    `Server memory (VmRSS of the serve process, each after ${LOAD.settleSeconds} s of rest): ${(r.rssBefore / 2 ** 20).toFixed(0)} MB after the warm-up, ${(r.rssMid / 2 ** 20).toFixed(0)} MB after the checked run, ${(r.rssAfter / 2 ** 20).toFixed(0)} MB after the capacity run; ${(r.rssPeak / 2 ** 20).toFixed(0)} MB at most during them.`,
    '',
    ...(r.sustained ? sustainedSection(r.sustained) : []),
    'Checks:',
    ...r.checks.map((c) => `- ${c.name}: ${c.detail}, ${c.ok ? 'met' : 'NOT met'};`),
    '',
    ...(r.loadBefore[0]! > cpus().length
      ? [
          `The load average (${r.loadBefore[0]}) was above the number of cores (${cpus().length}) while this ran: other sessions' test suites had most of the CPU,`,
          'and the times above are mostly waiting for it. Run it again on a quiet machine before reading them as the server\'s.',
          '',
        ]
      : []),
    ...LOAD_READING,
  ];
}

/** What the numbers mean and what was changed for them (measured by hand; see each line). */
const LOAD_READING = [
  'Reading the numbers:',
  '- Why the checked run is paced. Flat out, latency is connections ÷ throughput. `npx tsx bench/load-cpu.ts` measures the CPU each',
  '  request of the mix costs, one at a time, in the server and in its PostgreSQL backends (CPU, unlike time, does not grow when',
  '  other work shares the cores): 5.0 ms in the server and 7.7 ms in PostgreSQL on average (2026-11-28, 1.28 M ledger rows). So 2',
  '  cores serve this mix at most ≈ 158 requests/s, and 50 connections flat out wait ≈ 50 ÷ 158 ≈ 320 ms each even on an idle',
  '  machine: p99 < 200 ms flat out would need the mix to cost under about 2.5 ms of CPU a request. 50 connections each sending a',
  '  request a second (50/s, a third of that capacity, far more than an office makes) is the run checked against 200 ms.',
  '- The CPU a request flat out (the line under the capacity table, from /proc over the whole run, server and PostgreSQL backends',
  '  together) is what bounds the throughput: issue 17\'s ≥ 500 requests/s on these 2 cores needs at most 2 × 1000 ÷ 500 = 4 ms of',
  '  CPU a request, with nothing else on the cores (autocannon shares them here, and so did six other sessions\' tests).',
  '- 2026-12-07, three runs at load average 20–34 (six other sessions\' tests on the 2 cores): flat out 208, 93 (a 10 s run) and',
  '  38 requests/s, checked-run p99 1.5 s, 2.0 s and 4.3 s, 0 errors in all. Neither the p99 < 200 ms nor the ≥ 500 requests/s can be',
  '  judged on the machine as loaded as that; by the CPU a request measured (4.1–5.1 ms, server 1.2–2.2 ms, PostgreSQL 2.9 ms) 2',
  '  idle cores would reach about 390–490 requests/s of this mix: still under 500.',
  '- The scale: `demo load --scale 20` (≈ 1.3 M ledger rows) took 211 s and 663 s on this machine as busy as it was (issue 5\'s',
  '  10 M rows took 756 s for the copies alone). --scale grows the ledger only: people, visits and agreements stay the demo\'s, so',
  '  lists and record pages are of the demo\'s size, while the figures, ledger pages and agreements\' dormancy read the scaled ledger.',
  '- The costliest routes (CPU, server + PostgreSQL, load-cpu.ts): agreements with their derived states (the dormant filter 38 ms,',
  '  a page 29 ms), the dashboard\'s figure set 29 ms, the header\'s search 22 ms (one query per kind of record), a new visit 15 ms;',
  '  a record page about 7 ms.',
  '- Changed for this issue: every agreement list and page derives "dormant" from the last activity with a partner, which joined the',
  '  `partner_activity` view; the planner hashed every dated activity in the ledger once per agreement, and the page\'s count did it',
  '  again: 2–4 s for a page of agreements at 1 M ledger rows (3.9 s over HTTP, one request at a time). The last activity per partner',
  '  is now its own lateral subquery (`agreements.repo.ts#derivedFrom`), so the partner\'s id reaches each branch of the view as an',
  '  index condition on `ledger_institution`: the page query 41–52 ms instead of 410–680 ms, its count 0.5 ms instead of 2.7 s',
  '  (EXPLAIN ANALYZE on the loaded machine, load average about 12), the HTTP page 132 ms instead of 3.9 s.',
  '',
];
