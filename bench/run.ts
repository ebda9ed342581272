/**
 * `npm run bench`: speed measured as ratios against a baseline taken in the same run (these
 * machines are shared and noisy), on the embedded engine and, when BENCH_DATABASE_URL (or
 * TEST_DATABASE_URL) is set, on PostgreSQL, then the load test (issue 6) on PostgreSQL.
 * Writes bench/RESULTS.md. `npm run bench -- --only load` runs the load test alone (on
 * BENCH_DATABASE_URL, TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres) and
 * rewrites only its section; it exits 1 when the load test fails. `--only commits` measures what
 * durability costs a commit on the embedded engine and rewrites only its section; `--only start`,
 * how long the server takes to start and what it holds idle, compiled and through tsx; `--only pdf`,
 * the size and generation time of letters and fact sheets (bench/pdf-bench.ts); `--only todo`, the
 * to-do list of the officer and a coordinator at the 10 M-row scale (bench/todo-bench.ts), on the
 * same PostgreSQL as the load test; it exits 1 when a list measured misses 50 ms; `--only digest`,
 * the daily digest run for 1,000 users on PostgreSQL (bench/digest-bench.ts); `--only import`, a
 * 1,000,000-row aggregate file and a 100,000-row visitors file imported on PostgreSQL against COPY
 * (bench/import-bench.ts; BENCH_IMPORT_AGGREGATES, BENCH_IMPORT_VISITORS and BENCH_IMPORT_VISITORS_COMMITTED change the sizes);
 * `--only directus`, the ledger's lists and figures beside Directus 11.3.5 serving 1 M of its rows (bench/directus-bench.ts);
 * `--only embedded`, a compiled server on the embedded engine with the demo (bench/embedded-load.ts; BENCH_EMBEDDED_DIR keeps its folder).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { prepareTestDatabases } from '../src/server/test/test-database.ts';
import { startTestServer, type TestServer } from '../src/server/test/harness.ts';
import { replaceLedgerRows, type LedgerEntry } from '../src/server/modules/ledger/ledger.write.ts';
import { scaleOnEmbedded, scaleOnPostgres, type ScaleRow } from './scale-bench.ts';
import { machine, serverVersion } from './machine.ts';
import { loadSection, runLoadTest } from './load-test.ts';
import { findSection, replaceSection } from './results-section.ts';
import { COMMITS_HEADING, commitSection, measureCommits } from './commit-bench.ts';
import { START_HEADING, measureStarts, startSection } from './start-bench.ts';
import { PDF_HEADING, measurePdfs, pdfSection } from './pdf-bench.ts';
import { TODO_HEADING, measureTodo, todoSection } from './todo-bench.ts';
import { DIGEST_HEADING, digestSection, measureDigest } from './digest-bench.ts';
import { IMPORT_HEADING, importSection, measureImports } from './import-bench.ts';
import { DIRECTUS_HEADING, directusSection, measureDirectus } from './directus-bench.ts';
import { EMBEDDED_HEADING, embeddedSection, measureEmbedded } from './embedded-load.ts';

const RESULTS = new URL('./RESULTS.md', import.meta.url);
const LOAD_HEADING = '## Load';
const previousResults = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmarks\n';
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (only !== undefined && only !== 'load' && only !== 'commits' && only !== 'start' && only !== 'pdf' && only !== 'todo' && only !== 'digest' && only !== 'import' && only !== 'directus' && only !== 'embedded') {
  console.error(`--only: "${only}" is not a part of the bench (load, commits, start, pdf, todo, digest, import, directus, embedded)`);
  process.exit(2);
}
if (only === 'directus') {
  const result = await measureDirectus(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const section = directusSection(result);
  writeFileSync(RESULTS, replaceSection(previousResults, DIRECTUS_HEADING, section));
  console.log(section.join('\n'));
  process.exit(0);
}
if (only === 'embedded') {
  const section = embeddedSection(await measureEmbedded());
  writeFileSync(RESULTS, replaceSection(previousResults, EMBEDDED_HEADING, section));
  console.log(section.join('\n'));
  process.exit(0);
}
if (only === 'import') {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const size = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
  const result = await measureImports(url, { aggregates: size('BENCH_IMPORT_AGGREGATES', 1_000_000), visitors: size('BENCH_IMPORT_VISITORS', 100_000), visitorsCommitted: size('BENCH_IMPORT_VISITORS_COMMITTED', 2_000) });
  const section = importSection(result, machine(result.postgres));
  writeFileSync(RESULTS, replaceSection(previousResults, IMPORT_HEADING, section));
  console.log(section.join('\n'));
  process.exit(0);
}
if (only === 'todo') {
  const result = await measureTodo(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const section = todoSection(result);
  writeFileSync(RESULTS, replaceSection(previousResults, TODO_HEADING, section));
  console.log(section.join('\n'));
  process.exit(result.accounts.every((a) => a.http.median <= 50) ? 0 : 1);
}
if (only === 'digest') {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const result = await measureDigest(url);
  const section = digestSection(result, machine(await serverVersion(url)));
  writeFileSync(RESULTS, replaceSection(previousResults, DIGEST_HEADING, section));
  console.log(section.join('\n'));
  process.exit(result.runSeconds <= 60 ? 0 : 1);
}
if (only === 'pdf') {
  const section = pdfSection(await measurePdfs(), `Measured by \`npm run bench -- --only pdf\` (${machine(false)}).`);
  writeFileSync(RESULTS, replaceSection(previousResults, PDF_HEADING, section));
  console.log(section.join('\n'));
  process.exit(0);
}
if (only === 'commits') {
  const section = commitSection(await measureCommits(), machine(false));
  writeFileSync(RESULTS, replaceSection(previousResults, COMMITS_HEADING, section));
  console.log(section.join('\n'));
  process.exit(0);
}
if (only === 'start') {
  const section = startSection(await measureStarts(), machine(false));
  writeFileSync(RESULTS, replaceSection(previousResults, START_HEADING, section));
  console.log(section.join('\n'));
  process.exit(0);
}
if (only === 'load') {
  const result = await runLoadTest(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const section = loadSection(result);
  writeFileSync(RESULTS, replaceSection(previousResults, LOAD_HEADING, section));
  console.log(section.join('\n'));
  process.exit(result.pass ? 0 : 1);
}

const RUNS = 40;

async function median(work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

interface Row {
  engine: string;
  what: string;
  ours: number;
  baseline: number;
  baselineWhat: string;
}

async function seedLedger(t: TestServer, rows: number): Promise<void> {
  const countries = ['FR', 'US', 'JP', 'DE', 'HK', 'TW', 'SE', 'CH', 'BE', 'NL'];
  const person = (await (await t.as('officer')).post('/api/people', { familyName: 'Bench' })).json().id as number;
  for (let batch = 0; batch < rows / 5000; batch += 1) {
    const entries: LedgerEntry[] = Array.from({ length: 5000 }, (_, i) => {
      const day = new Date(Date.UTC(1990 + ((batch * 5000 + i) % 35), i % 12, 1 + (i % 27))).toISOString().slice(0, 10);
      return {
        direction: i % 2 ? 'inbound' : 'outbound',
        who: 'staff',
        personId: person,
        category: 'conference',
        countryCode: countries[i % countries.length]!,
        institutionId: null,
        unitId: i % 3 ? t.units.a : t.units.b,
        startDate: day,
        endDate: day,
      };
    });
    await t.db.transaction((tx) => replaceLedgerRows(tx, { module: 'bench', id: batch }, entries));
  }
}

async function measure(engine: 'embedded' | 'postgresql'): Promise<Row[]> {
  process.env.INTERCHANGE_TEST_ENGINE = engine;
  await prepareTestDatabases(engine);
  const t = await startTestServer();
  const officer = await t.as('officer');
  const rows: Row[] = [];
  try {
    rows.push({
      engine,
      what: 'catalogue search "paris cite" over 16,163 entries (HTTP: validate, normalise, trigram search, JSON)',
      ours: await median(() => officer.get('/api/catalogue?q=paris%20cite&limit=20')),
      baseline: await median(() =>
        t.db.query(`SELECT ref, name FROM reference_institutions WHERE name ILIKE '%paris%' AND name ILIKE '%cite%' ORDER BY length(name) LIMIT 20`),
      ),
      baselineWhat: 'plain SQL ILIKE on the raw name',
    });
    await seedLedger(t, 100_000);
    rows.push({
      engine,
      what: 'ledger totals over 100,000 person-times (HTTP: person-times, distinct persons, countries and regions)',
      ours: await median(() => officer.get('/api/ledger/totals?direction=inbound')),
      baseline: await median(() => t.db.query(`SELECT sum(count) FROM ledger WHERE direction = 'inbound'`)),
      baselineWhat: 'plain SQL sum(count)',
    });
    const coordinator = await t.as('coordinatorA');
    rows.push({
      engine,
      what: "a coordinator's ledger page (50 rows, newest first, unit scope) over 100,000 rows",
      ours: await median(() => coordinator.get('/api/ledger?pageSize=50')),
      baseline: await median(() => t.db.query(`SELECT * FROM ledger ORDER BY start_date DESC, id LIMIT 50`)),
      baselineWhat: 'plain SQL page without scope or count',
    });
  } finally {
    await t.close();
  }
  return rows;
}

const results = [...(await measure('embedded'))];
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  process.env.TEST_DATABASE_URL = pgUrl;
  results.push(...(await measure('postgresql')));
}
const pgVersion = pgUrl ? await serverVersion(pgUrl) : null;
const commitLines = commitSection(await measureCommits(), machine(false));
const startLines = startSection(await measureStarts(), machine(false));
const scaleLog: string[] = [];
const scale: ScaleRow[] = [];
if (process.env.BENCH_SCALE !== '0') {
  scale.push(...(await scaleOnEmbedded(scaleLog)));
  if (pgUrl) scale.push(...(await scaleOnPostgres(pgUrl, scaleLog)));
}
const ms = (v: number | null) => (v === null ? '—' : v.toFixed(2));
const FIGURE_SET = 'person-time figure set';
const timeOf = (engine: string, what: string, pick: 'min' | 'max') => {
  const found = scale.filter((r) => r.engine === engine && r.what.startsWith(what)).sort((a, b) => a.rows - b.rows);
  return (pick === 'min' ? found[0] : found[found.length - 1])?.ours ?? null;
};
const verdict = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? 'met' : 'NOT met');
const pgSmall = timeOf('postgresql', FIGURE_SET, 'min');
const pgLarge = timeOf('postgresql', FIGURE_SET, 'max');
const pgPage = timeOf('postgresql', 'drill-down', 'max');
const embedded = timeOf('embedded', FIGURE_SET, 'min');
const targets = [
  'Targets (issue 5), checked on the largest PostgreSQL size measured:',
  `- figure set ≤ 50 ms median: ${ms(pgLarge)} ms, ${verdict(pgLarge === null ? null : pgLarge <= 50)};`,
  `- figure set at the largest size ≤ 1.5 × at the smallest: ${pgLarge !== null && pgSmall ? `${(pgLarge / pgSmall).toFixed(2)}×` : '—'}, ${verdict(pgLarge === null || pgSmall === null ? null : pgLarge <= 1.5 * pgSmall)};`,
  `- drill-down page ≤ 50 ms: ${ms(pgPage)} ms, ${verdict(pgPage === null ? null : pgPage <= 50)};`,
  `- embedded figure set at 1 M rows ≤ 300 ms: ${ms(embedded)} ms, ${verdict(embedded === null ? null : embedded <= 300)}.`,
];

const lines = [
  '# Benchmarks',
  '',
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${process.platform}, Node ${process.version}); medians of ${RUNS} runs after warm-up.`,
  'Each figure is quoted against a baseline measured in the same run, because the machines are shared and noisy.',
  '',
  '| engine | what | ours (ms) | baseline | baseline (ms) | ratio |',
  '|---|---|---:|---|---:|---:|',
  ...results.map((r) => `| ${r.engine} | ${r.what} | ${r.ours.toFixed(2)} | ${r.baselineWhat} | ${r.baseline.toFixed(2)} | ${(r.ours / r.baseline).toFixed(2)}× |`),
  '',
  'Reading the ratios: the catalogue search pays for normalising the query and matching every',
  'spelling (pinyin, folded accents, traditional characters), not just the raw name. The ledger',
  'page pays for its exact total over the unit scope (a count over every matching row), which',
  'the plain page skips; the totals pay for distinct persons and countries. No speed target is',
  'set for these: the fact-sheet targets are in the next section.',
  '',
  ...(scale.length
    ? [
        '## Speed at scale (the reports issue)',
        '',
        `Machine: ${machine(pgVersion)}.`,
        'The demo is loaded through its services, then `demo load --scale N` copies every person-time N − 1 times, one ledger row each',
        '(aggregate counts expanded into rows of 1), in a database made for the run (`interchange_bench`, dropped after; the embedded',
        'engine in a temporary folder). Medians of 20 runs after warm-up, server time (the functions the API calls, no HTTP);',
        'the plain-SQL baselines over 10 M rows are medians of 5. PostgreSQL with `jit = off` and `max_parallel_workers_per_gather = 0` for both sides.',
        '',
        ...scaleLog.map((l) => `- ${l}`),
        '',
        '| engine | rows | what | ours (ms) | plain SQL over the ledger | baseline (ms) | ratio |',
        '|---|---:|---|---:|---|---:|---:|',
        ...scale.map((r) => `| ${r.engine} | ${r.rows.toLocaleString('en')} | ${r.what} | ${ms(r.ours)} | ${r.baselineWhat} | ${ms(r.baseline)} | ${r.baseline === null ? '—' : `${(r.ours / r.baseline).toFixed(3)}×`} |`),
        '',
        ...targets,
        '',
      ]
    : []),
];
// The load test needs PostgreSQL; without it the last measured Load section is kept as it was.
const load = pgUrl && process.env.BENCH_LOAD !== '0' ? await runLoadTest(pgUrl) : null;
lines.push(...(load ? loadSection(load) : (findSection(previousResults, LOAD_HEADING) ?? [])));
lines.push('', ...commitLines, ...startLines);
// the parts measured only with --only are kept as they were last measured
for (const heading of [PDF_HEADING, TODO_HEADING, DIGEST_HEADING, IMPORT_HEADING]) {
  const kept = findSection(previousResults, heading);
  if (kept) lines.push('', ...kept);
}
writeFileSync(RESULTS, lines.join('\n'));
console.log(lines.join('\n'));
process.exit(load && !load.pass ? 1 : 0);
