/**
 * `npx tsx bench/figures-search-cpu.ts`: the CPU of the dashboard's figure set and of the header's
 * search (issue 17, "Capacity"), in the server process and its PostgreSQL backends (from /proc, so
 * PostgreSQL must run on this machine), one request at a time, summed over many requests (/proc
 * counts in 10 ms ticks). On the load test's database (`interchange_load`, made the first time as
 * load-cpu.ts makes it). The figure set is read three ways: again with nothing written since, the
 * same for a coordinator, and after a statement on a table it reads before each read (always
 * computed), and after each of the load mix's writes (POST /api/people, POST /api/visits) before each
 * read. Run it from two checkouts in turn to compare code before and after a change.
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import { backendsCpuMs, cpuMs, prepareLoadDatabase, startLoadServer } from './load-server.ts';
import { credentials, LOAD } from './load-test.ts';

const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROUNDS = Number(process.env.BENCH_CPU_ROUNDS ?? 100);
const SEARCHES = ['王振义', '王振義', 'Wang Zhenyi', 'wang zhen-yi', '医学', '醫學', '上海', 'paris cite', 'universite paris cite', 'Karolinska', 'sorbonne', 'lyon', 'hopkins', 'WHO', 'ruijin', 'chen zhu', 'zhu', 'marseille', 'strasbourg', 'geneve'];

const load = () => loadavg().map((v) => v.toFixed(2)).join(', ');
console.log(`load average before: ${load()}`);
const { url } = await prepareLoadDatabase(adminUrl, LOAD.database, LOAD.scale, true);
const server = await startLoadServer(url);
const admin = new pg.Client({ connectionString: adminUrl });
const writer = new pg.Client({ connectionString: url });
await admin.connect();
await writer.connect();
try {
  const signIn = async (email: string, password: string) => {
    const r = await fetch(`${server.base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    return r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  };
  const officer = await signIn('officer@demo.interchange', 'demo-officer-password');
  const coordinator = await signIn('coordinator@demo.interchange', 'demo-coordinator-password');
  const get = async (path: string, cookie: string) => {
    const response = await fetch(server.base + path, { headers: { cookie } });
    await response.text();
    if (response.status !== 200) throw new Error(`${response.status} GET ${path}`);
  };
  /** Mean CPU of `n` requests made by `send`, `before` each (not counted). */
  const measure = async (what: string, n: number, send: (i: number) => Promise<void>, before?: () => Promise<unknown>) => {
    let node = 0;
    let pgMs = 0;
    for (let i = 0; i < n; i += 1) {
      await before?.();
      const node0 = cpuMs(server.pid);
      const pg0 = await backendsCpuMs(admin, LOAD.database);
      await send(i);
      node += cpuMs(server.pid) - node0;
      pgMs += (await backendsCpuMs(admin, LOAD.database)) - pg0;
    }
    console.log(`${(node / n).toFixed(2).padStart(6)} ${(pgMs / n).toFixed(2).padStart(6)} ${((node + pgMs) / n).toFixed(2).padStart(6)} ${String(n).padStart(5)}  ${what}`);
  };
  for (let i = 0; i < 10; i += 1) {
    await get('/api/reports/figures', officer);
    for (const q of SEARCHES) await get(`/api/search?q=${encodeURIComponent(q)}`, officer);
  }
  const { officerToken } = await credentials(server.base);
  const { rows: visitors } = await writer.query<{ id: string }>('SELECT id::text FROM people WHERE nationality IS NOT NULL AND erased_at IS NULL ORDER BY id LIMIT 50');
  const { rows: units } = await writer.query<{ id: string }>('SELECT id::text FROM units ORDER BY id');
  let written = 0;
  /** One of the load mix's writes (a unique body), as the officer's API token sends it. */
  const post = async (path: string, body: unknown) => {
    const response = await fetch(server.base + path, { method: 'POST', headers: { authorization: officerToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await response.text();
    if (response.status !== 201) throw new Error(`${response.status} POST ${path}`);
  };
  const newPerson = () => post('/api/people', { familyName: `Bench ${Date.now()}-${(written += 1)}`, givenName: 'Anne', nationality: 'FR', email: `bench-${Date.now()}-${written}@example.org` });
  const newVisit = () => {
    written += 1;
    return post('/api/visits', {
      titleEn: `Bench delegation ${Date.now()}-${written}`, hostUnitId: Number(units[written % units.length]!.id), purpose: 'academic_exchange',
      startDate: '2027-03-01', endDate: '2027-03-01', members: [{ personId: Number(visitors[written % visitors.length]!.id) }],
    });
  };
  console.log('CPU per request (ms): server, PostgreSQL, both, requests');
  await measure('GET /api/reports/figures (officer), nothing written since the last read', ROUNDS, () => get('/api/reports/figures', officer));
  await measure('GET /api/reports/figures (coordinator), nothing written since the last read', ROUNDS, () => get('/api/reports/figures', coordinator));
  await measure('GET /api/reports/figures (officer), a statement on `people` before each read', Math.ceil(ROUNDS / 4), () => get('/api/reports/figures', officer), () => writer.query('DELETE FROM people WHERE false'));
  await measure('GET /api/reports/figures (officer), a POST /api/people before each read', Math.ceil(ROUNDS / 4), () => get('/api/reports/figures', officer), newPerson);
  await measure('GET /api/reports/figures (officer), a POST /api/visits before each read', Math.ceil(ROUNDS / 4), () => get('/api/reports/figures', officer), newVisit);
  await measure(`GET /api/search?q=… (officer, the load test's ${SEARCHES.length} searches)`, SEARCHES.length * Math.ceil(ROUNDS / 10), (i) => get(`/api/search?q=${encodeURIComponent(SEARCHES[i % SEARCHES.length]!)}`, officer));
  await measure(`GET /api/search?q=… (coordinator)`, SEARCHES.length * Math.ceil(ROUNDS / 10), (i) => get(`/api/search?q=${encodeURIComponent(SEARCHES[i % SEARCHES.length]!)}`, coordinator));
} finally {
  await writer.end();
  await admin.end();
  await server.stop();
  console.log(`load average after: ${load()}`);
}
