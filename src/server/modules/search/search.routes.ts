import { declareRoutes, get, signedIn } from '../../core/routes.ts';
import { z } from 'zod';
import { SearchHit, SearchQuery } from '../../../shared/contracts/search.ts';
import { Where } from '../../db/where.ts';
import { unitScopeSql } from '../../db/scope.ts';
import { matchEntries } from '../../search/entry-match.ts';
import { can } from '../../policies/policies.ts';
import type { RequestContext } from '../../core/request-context.ts';
import { APPOINTMENT_TITLE_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import type { AppointmentTitle } from '../../../shared/contracts/appointments.ts';

/** The kinds the search finds, in the order their hits come; `scoped`: a coordinator sees only their unit's. */
const KINDS: Array<{ kind: SearchHit['kind']; scoped: boolean }> = [
  { kind: 'institution', scoped: false },
  { kind: 'person', scoped: true },
  { kind: 'agreement', scoped: true },
  { kind: 'visit', scoped: true },
  { kind: 'conference', scoped: true },
  // An appointment is found by its expert's name; the detail says the title (in English and Chinese, below).
  { kind: 'appointment', scoped: true },
  { kind: 'unit', scoped: false },
];

/**
 * Searches every kind of record the actor may read, with the same normalised matching as
 * the lists: pinyin, folded accents, simplified or traditional characters. One statement over
 * one index (`search_entries`, migration 0045, kept by triggers): each kind's best `limit` hits
 * in its own order (each entry carries its kind's order key), the kinds one after another.
 */
export async function searchAll(ctx: RequestContext, q: string, limit: number): Promise<SearchHit[]> {
  const { actor, scope } = ctx;
  const kinds = KINDS.filter((k) => can(actor, k.kind, 'read'));
  if (!kinds.length) return [];
  const where = new Where();
  const readable = where.param(kinds.map((k) => k.kind));
  // Every kind readable (most roles): no condition, which the planner would still test.
  if (kinds.length < KINDS.length) where.raw(`kind = ANY (${readable}::text[])`);
  matchEntries(where, q);
  if (scope !== null) {
    const unscoped = where.param(kinds.filter((k) => !k.scoped).map((k) => k.kind));
    where.param(scope);
    where.raw(`(kind = ANY (${unscoped}::text[]) OR ${unitScopeSql('unit_id', where.params.length)})`);
  }
  const { rows } = await ctx.query<SearchHit>(
    `SELECT kind, record_id AS id, label, detail
       FROM (SELECT kind, record_id, label, detail, row_number() OVER (PARTITION BY kind ORDER BY sort_number, sort_text, record_id) AS rank
               FROM search_entries ${where}) hits
      WHERE rank <= ${where.param(limit)}
      ORDER BY array_position(${readable}::text[], kind), rank`,
    where.params,
  );
  const title = (code: string | null) => APPOINTMENT_TITLE_LABELS[code as AppointmentTitle];
  return rows.map((h) => (h.kind === 'appointment' && title(h.detail) ? { ...h, detail: `${title(h.detail).en} · ${title(h.detail).zh}` } : h));
}

/** GET /api/search: one box for institutions, people, agreements, visits and units. */
export const searchRoutes = declareRoutes('search', [
  get('/api/search', { summary: 'Search institutions, people, agreements, visits and units', ...signedIn, query: SearchQuery, response: { 200: z.array(SearchHit) } }, async ({ ctx, query }) => searchAll(ctx, query.q, query.limit)),
]);
