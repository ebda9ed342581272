// A script that builds on Interchange's API with the types generated from /api/openapi.json
// (npm run api-client writes them to .tmp/api-types.d.ts) and plain fetch: it signs in with an
// API token, lists the newest visits, reads the first, and fetches the figures. Paths, path
// parameters, query parameters and bodies are checked against the document when it is compiled
// (src/server/http/api-client.test.ts does so); a renamed route or parameter is a type error.
//
//   INTERCHANGE_URL=http://127.0.0.1:3000 INTERCHANGE_TOKEN=ict_… npx tsx examples/api-client.ts
import type { paths } from '../.tmp/api-types.d.ts';

/** The paths that answer a GET. */
type GetPath = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths];
type GetOperation<P extends GetPath> = paths[P]['get'];
/** What a GET of `P` takes: its path and query parameters, as the document declares them. */
type GetParams<P extends GetPath> = {
  path?: GetOperation<P>['parameters'] extends { path?: infer T } ? T : never;
  query?: GetOperation<P>['parameters'] extends { query?: infer T } ? T : never;
};

/** A client that sends the token with every request and refuses to go on after an error. */
export function apiClient(baseUrl: string, token: string) {
  async function get<P extends GetPath>(path: P, params: GetParams<P> = {}): Promise<unknown> {
    const url = new URL(path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String((params.path as Record<string, unknown>)[name]))), baseUrl);
    for (const [name, value] of Object.entries(params.query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${url.pathname} answered ${response.status}: ${await response.text()}`);
    return response.json();
  }
  return { get };
}

// The document does not describe answers yet: the script names the few fields it reads.
interface Me {
  user: { displayName: string; role: string };
}
interface Visit {
  id: number;
  titleEn: string;
  startDate: string;
  status: string;
}
interface Page<T> {
  items: T[];
  total: number;
}
interface FigureSet {
  asOf: string;
  figures: Array<{ key: string; value: number }>;
}

/** Signs in with the token, lists the newest visits, reads the first one and fetches the figures. */
export async function tour(baseUrl: string, token: string): Promise<{ me: Me; visits: Page<Visit>; visit: Visit | null; figures: FigureSet }> {
  const api = apiClient(baseUrl, token);
  const me = (await api.get('/api/auth/me')) as Me;
  const visits = (await api.get('/api/visits', { query: { pageSize: 5, sort: 'startDate', order: 'desc' } })) as Page<Visit>;
  const first = visits.items[0];
  const visit = first ? ((await api.get('/api/visits/{id}', { path: { id: first.id } })) as Visit) : null;
  const figures = (await api.get('/api/reports/figures', { query: { asOf: new Date().toISOString().slice(0, 10) } })) as FigureSet;
  return { me, visits, visit, figures };
}

if (process.argv[1]?.endsWith('api-client.ts') && process.env.INTERCHANGE_TOKEN) {
  const { me, visits, visit, figures } = await tour(process.env.INTERCHANGE_URL ?? 'http://127.0.0.1:3000', process.env.INTERCHANGE_TOKEN);
  console.log(`signed in as ${me.user.displayName} (${me.user.role})`);
  console.log(`${visits.total} visits; the newest: ${visit ? `${visit.titleEn}, ${visit.startDate}, ${visit.status}` : 'none'}`);
  for (const figure of figures.figures) console.log(`${figure.key}: ${figure.value}`);
}
