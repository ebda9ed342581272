/**
 * Every operation of /api/openapi.json has an operationId, which a generated client names its
 * functions after: so it must be unique, and must not change unless the route does. A route may
 * declare one; otherwise it is derived from the method and the URL alone, by this rule:
 *
 * - the words are the URL's fixed segments after /api, camel-cased (`overdue-reports` →
 *   `OverdueReports`); a segment followed by a parameter names one record, so it is made
 *   singular (`/visits/:id/files/:fileId` → `VisitFile`);
 * - the verb: GET → `get`, or `list` when the URL ends in a plural segment; POST → `create`
 *   when the URL ends in a plural segment (that segment made singular), else `post`;
 *   PATCH → `update`; DELETE → `delete`.
 *
 * So GET /api/visits is `listVisits`, GET /api/visits/:id `getVisit`, POST /api/visits
 * `createVisit`, POST /api/visits/:id/transitions `createVisitTransition`, POST
 * /api/people/:id/erase `postPersonErase`. Two routes with one id stop the server at start.
 */

/** Plurals that do not end in a plain s, and words ending in s that are their own singular. */
const IRREGULAR: Record<string, string> = { people: 'person', memoranda: 'memorandum', series: 'series' };

const isParameter = (segment: string) => segment.startsWith(':') || segment.startsWith('{');
const isPlural = (word: string) => word in IRREGULAR || (word.endsWith('s') && !word.endsWith('ss'));

/** A segment's last word made singular: `exchange-opportunities` → `exchange-opportunity`. */
function singular(segment: string): string {
  const words = segment.split('-');
  const last = words.pop()!;
  const one = IRREGULAR[last] ?? (last.endsWith('ies') ? `${last.slice(0, -3)}y` : isPlural(last) ? last.slice(0, -1) : last);
  return [...words, one].join('-');
}

const capitalized = (segment: string) =>
  segment
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

const VERBS: Record<string, (pluralEnd: boolean) => string> = {
  GET: (pluralEnd) => (pluralEnd ? 'list' : 'get'),
  POST: (pluralEnd) => (pluralEnd ? 'create' : 'post'),
  PATCH: () => 'update',
  DELETE: () => 'delete',
};

/** The operationId a route gets when it declares none (the rule above): stable as long as its method and URL are. */
export function operationIdOf(method: string, url: string): string {
  const verb = VERBS[method];
  if (!verb) throw new Error(`no operationId rule for ${method} ${url}`);
  const segments = url.replace(/^\/api\//, '').split('/').filter(Boolean);
  const last = segments.at(-1) ?? '';
  const pluralEnd = !isParameter(last) && isPlural(last.split('-').at(-1)!);
  const words = segments.flatMap((segment, i) => {
    if (isParameter(segment)) return [];
    const next = segments[i + 1];
    const one = (next !== undefined && isParameter(next)) || (i === segments.length - 1 && method === 'POST' && pluralEnd);
    return [capitalized(one ? singular(segment) : segment)];
  });
  return verb(pluralEnd) + words.join('');
}

/**
 * Gives each route its operationId (declared, or derived) as it is registered, and refuses a
 * second route with the same one: a collision is a start-up error, not a client that calls the
 * wrong route. HEAD routes are Fastify's copies of GET routes, not in the document.
 */
export function operationIds(): (route: { method: string | string[]; url: string; schema?: { operationId?: string; hide?: boolean } }) => void {
  const taken = new Map<string, string>();
  return ({ method, url, schema }) => {
    if (!schema || schema.hide || method === 'HEAD') return;
    const name = `${String(method)} ${url}`;
    const id = schema.operationId ?? operationIdOf(String(method), url);
    const other = taken.get(id);
    if (other) throw new Error(`operationId ${id} of ${name} is already ${other}'s: declare another on one of them`);
    taken.set(id, name);
    schema.operationId = id;
  };
}
