/**
 * What the load test asks for: the requests people make in a working day, in proportions
 * (lists, record pages, the dashboard, the header's search, writes), each sent as the role that
 * makes it, with ids sampled from the database and a unique body for every write.
 */
import pg from 'pg';
import type { Request } from 'autocannon';

export const KINDS = ['list', 'record', 'dashboard', 'search', 'write'] as const;
export type Kind = (typeof KINDS)[number];

/** Out of 100 requests: writes are 8%. */
export const WEIGHTS: Record<Kind, number> = { list: 30, record: 30, dashboard: 12, search: 20, write: 8 };

/** Session cookies and the officer's API token, from signing in over HTTP. */
export interface Credentials {
  officer: string;
  coordinator: string;
  leader: string;
  /** `Bearer ict_…` of the officer: writes need no CSRF token this way. */
  officerToken: string;
}

/** Ids and names sampled from the load database. */
export interface Samples {
  visits: number[];
  agreements: number[];
  people: number[];
  /** People with a nationality: a visit's member needs a country. */
  visitors: number[];
  institutions: number[];
  conferences: number[];
  appointments: number[];
  units: number[];
  /** A few names as stored, to search for (Chinese, Latin). */
  names: string[];
  pages: { visits: number; agreements: number; people: number; ledger: number };
}

/** Reads what the mix picks from: ids of every kind, names, how many pages each list has. */
export async function sampleDatabase(url: string): Promise<Samples> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const ids = async (sql: string) => (await db.query<{ id: string }>(sql)).rows.map((r) => Number(r.id));
    const count = async (table: string) => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    const names = (
      await db.query<{ name: string }>(
        `(SELECT name_zh AS name FROM people WHERE name_zh IS NOT NULL ORDER BY id LIMIT 6)
         UNION ALL (SELECT family_name || ' ' || given_name FROM people WHERE given_name IS NOT NULL ORDER BY id LIMIT 6)
         UNION ALL (SELECT name_en FROM institutions ORDER BY id LIMIT 6)`,
      )
    ).rows.map((r) => r.name);
    const ledgerInbound = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ledger WHERE direction = 'inbound'`)).rows[0]!.n);
    return {
      visits: await ids('SELECT id FROM visits'),
      agreements: await ids('SELECT id FROM agreements'),
      people: await ids('SELECT id FROM people'),
      visitors: await ids('SELECT id FROM people WHERE nationality IS NOT NULL AND erased_at IS NULL'),
      institutions: await ids('SELECT id FROM institutions'),
      conferences: await ids('SELECT id FROM conferences'),
      appointments: await ids('SELECT id FROM appointments'),
      units: await ids('SELECT id FROM units'),
      names,
      pages: {
        visits: Math.max(1, Math.ceil((await count('visits')) / 25)),
        agreements: Math.max(1, Math.ceil((await count('agreements')) / 25)),
        people: Math.max(1, Math.ceil((await count('people')) / 25)),
        // The ledger page reaches deep pages rarely; the first 200 pages of 50 are what people open.
        ledger: Math.max(1, Math.min(200, Math.ceil(ledgerInbound / 50))),
      },
    };
  } finally {
    await db.end();
  }
}

/** A small deterministic generator (mulberry32), so that two runs ask for the same things. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The header's search as people type it: Chinese (simplified and traditional), pinyin, Latin with and without accents. */
const SEARCHES = ['王振义', '王振義', 'Wang Zhenyi', 'wang zhen-yi', '医学', '醫學', '上海', 'paris cite', 'universite paris cite', 'Karolinska', 'sorbonne', 'lyon', 'hopkins', 'WHO', 'ruijin', 'chen zhu', 'zhu', 'marseille', 'strasbourg', 'geneve'];

interface Target {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** What one request of `kind` is, freshly drawn each time it is sent. */
export function targetMakers(s: Samples, c: Credentials, random: () => number, runId: string): Record<Kind, () => Target> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const page = (n: number) => 1 + Math.floor(random() * n);
  const as = (cookie: string) => ({ cookie });
  const get = (path: string, headers: Record<string, string>): Target => ({ method: 'GET', path, headers });
  const countries = ['FR', 'US', 'JP', 'DE', 'HK', 'GB', 'AU', 'SE', 'CA', 'TW'];
  let written = 0;

  const lists: (() => Target)[] = [
    () => get(`/api/visits?page=${page(s.pages.visits)}&pageSize=25&order=desc`, as(c.officer)),
    () => get(`/api/visits?status=${pick(['held', 'closed', 'requested', 'approved'])}&sort=startDate&order=desc`, as(c.officer)),
    () => get(`/api/visits?notable=true&order=desc`, as(c.leader)),
    () => get(`/api/visits?overdue=true`, as(c.coordinator)),
    () => get(`/api/visits?country=${pick(countries)}&counted=true`, as(c.coordinator)),
    () => get(`/api/agreements?page=${page(s.pages.agreements)}&pageSize=25`, as(c.officer)),
    () => get(`/api/agreements?inForce=true&country=${pick(countries)}`, as(c.leader)),
    () => get(`/api/agreements?expiringWithinMonths=12&sort=termEndsOn`, as(c.officer)),
    () => get(`/api/agreements?dormant=true`, as(c.officer)),
    () => get(`/api/people?page=${page(s.pages.people)}&pageSize=25`, as(c.officer)),
    () => get(`/api/people?nationality=${pick(countries)}&sort=familyName`, as(c.coordinator)),
    () => get(`/api/people?q=${encodeURIComponent(pick(['wang', '王', 'martin', 'li', 'dupont', 'zhang']))}`, as(c.officer)),
    () => get(`/api/institutions?page=1&pageSize=25`, as(c.officer)),
    () => get(`/api/conferences?order=desc`, as(c.officer)),
    () => get(`/api/appointments?order=desc`, as(c.leader)),
    () => get(`/api/ledger?direction=inbound&page=${page(s.pages.ledger)}&pageSize=50&order=desc`, as(c.officer)),
    () => get(`/api/ledger?pageSize=50&order=desc`, as(c.coordinator)),
  ];
  const records: (() => Target)[] = [
    () => get(`/api/visits/${pick(s.visits)}`, as(c.officer)),
    () => get(`/api/agreements/${pick(s.agreements)}`, as(c.officer)),
    () => get(`/api/people/${pick(s.people)}`, as(c.officer)),
    () => get(`/api/institutions/${pick(s.institutions)}`, as(c.leader)),
    () => get(`/api/conferences/${pick(s.conferences)}`, as(c.officer)),
    () => get(`/api/appointments/${pick(s.appointments)}`, as(c.officer)),
    // The history beside every record page.
    () => get(`/api/audit?entity=${pick(['visit', 'agreement', 'person'])}&entityId=${pick(s.visits)}&pageSize=20&order=desc`, as(c.officer)),
  ];
  const dashboard: (() => Target)[] = [
    () => get('/api/reports/figures', as(c.leader)),
    () => get('/api/reports/series?from=1990', as(c.leader)),
    () => get(`/api/reports/breakdown?by=${pick(['country', 'category', 'unit', 'who'])}&direction=inbound&from=1980-01-01`, as(c.leader)),
    () => get('/api/reports/figures', as(c.coordinator)),
    () => get('/api/partners', as(c.officer)),
  ];
  const searches = [...SEARCHES, ...s.names];
  const search = () => get(`/api/search?q=${encodeURIComponent(pick(searches))}`, as(pick([c.officer, c.coordinator, c.leader])));
  const json = { authorization: c.officerToken, 'content-type': 'application/json' };
  const write = (): Target => {
    written += 1;
    const n = `${runId}-${written}`;
    if (written % 3 === 0) {
      const start = new Date(Date.UTC(2027, Math.floor(random() * 12), 1 + Math.floor(random() * 27))).toISOString().slice(0, 10);
      return {
        method: 'POST', path: '/api/visits', headers: json,
        body: JSON.stringify({
          titleEn: `Load test delegation ${n}`, hostUnitId: pick(s.units), purpose: pick(['academic_exchange', 'courtesy_visit', 'lecturing']),
          startDate: start, endDate: start, members: [{ personId: pick(s.visitors) }],
        }),
      };
    }
    return {
      method: 'POST', path: '/api/people', headers: json,
      body: JSON.stringify({ familyName: `Loadtest ${n}`, givenName: pick(['Anne', 'Jean', 'Mei', 'Hiro']), nationality: pick(countries), email: `load-${n}@example.org` }),
    };
  };
  return { list: () => pick(lists)(), record: () => pick(records)(), dashboard: () => pick(dashboard)(), search, write };
}

/** A request's route for the slowest-requests table: ids and page numbers folded, searches kept whole. */
export function routeOf(target: { method: string; path: string }): string {
  const path = target.path.startsWith('/api/search') ? decodeURIComponent(target.path) : target.path.replace(/\/\d+/g, '/:id').replace(/=\d+(?=&|$)/g, '=N');
  return `${target.method} ${path}`;
}

/** Draws a kind of request by the mix's weights. */
export function kindDrawer(random: () => number): () => Kind {
  const total = KINDS.reduce((n, k) => n + WEIGHTS[k], 0);
  return () => {
    let r = random() * total;
    for (const kind of KINDS) {
      r -= WEIGHTS[kind];
      if (r < 0) return kind;
    }
    return KINDS[KINDS.length - 1]!;
  };
}

/**
 * autocannon's request list: one request that draws its kind by the mix's weights each time it
 * is sent, and a fresh target of that kind. The kind is kept in the connection's own context
 * (autocannon gives each connection one), where the response handler finds it: with pipelining
 * 1 a connection has one request in flight. (A list of fixed-kind slots would have every
 * connection walk the same slots in the same order from the first.)
 */
export function mixRequests(makers: Record<Kind, () => Target>, random: () => number): Request[] {
  const draw = kindDrawer(random);
  return [
    {
      method: 'GET',
      path: '/api/health',
      setupRequest: (request: Request, context: Record<string, unknown>) => {
        const kind = draw();
        const target = makers[kind]();
        context.kind = kind;
        context.route = routeOf(target);
        return { ...request, ...target };
      },
    },
  ];
}
