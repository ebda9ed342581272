import { declareRoutes, get, signedIn } from '../../core/routes.ts';
import { z } from 'zod';
import { SearchHit, SearchQuery } from '../../../shared/contracts/search.ts';
import { Where } from '../../db/where.ts';
import { can } from '../../policies/policies.ts';
import type { RequestContext } from '../../core/request-context.ts';
import { APPOINTMENT_TITLE_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import type { AppointmentTitle } from '../../../shared/contracts/appointments.ts';

/** One kind's part of the search: what it shows and how its best hits come first. */
interface KindSearch {
  kind: SearchHit['kind'];
  /** `id`, `label` and `detail`, over `from`. */
  select: string;
  from: string;
  /** The normalised search text the words must match. */
  text: string;
  /** The column confining it to a coordinator's unit (none: every caller sees them all). */
  unit: string | null;
  orderBy: string;
}

const KINDS: KindSearch[] = [
  { kind: 'institution', select: "id, name_en AS label, coalesce(name_zh, country_code) AS detail", from: 'institutions', text: 'search_text', unit: null, orderBy: 'length(name_en), id' },
  {
    kind: 'person',
    select: "p.id, trim(p.family_name || ' ' || coalesce(p.given_name, '')) AS label, coalesce(p.name_zh, p.title) AS detail",
    from: 'people p',
    text: 'p.search_text',
    unit: 'p.unit_id',
    orderBy: 'p.family_name, p.id',
  },
  { kind: 'agreement', select: 'id, title_en AS label, title_zh AS detail', from: 'agreements', text: 'search_text', unit: 'unit_id', orderBy: 'signed_on DESC NULLS LAST, id' },
  { kind: 'visit', select: 'id, title_en AS label, coalesce(title_zh, start_date::text) AS detail', from: 'visits', text: 'search_text', unit: 'host_unit_id', orderBy: 'start_date DESC, id' },
  { kind: 'conference', select: 'id, title_en AS label, title_zh AS detail', from: 'conferences', text: 'search_text', unit: 'host_unit_id', orderBy: 'start_date DESC, id' },
  // An appointment is found by its expert's name; the detail says the title (in English and Chinese, below).
  {
    kind: 'appointment',
    select: "a.id, trim(p.family_name || ' ' || coalesce(p.given_name, '')) AS label, a.title AS detail",
    from: 'appointments a JOIN people p ON p.id = a.person_id',
    text: 'p.search_text',
    unit: 'a.unit_id',
    orderBy: 'a.start_date DESC, a.id',
  },
  { kind: 'unit', select: 'id, name_en AS label, name_zh AS detail', from: 'units', text: 'search_text', unit: null, orderBy: 'code' },
];

/**
 * Searches every kind of record the actor may read, with the same normalised matching as
 * the lists: pinyin, folded accents, simplified or traditional characters. One statement: each
 * kind's best `limit` hits in its own order, the kinds one after another (a UNION ALL's order is
 * not kept by itself, so each row carries its kind's place and its rank within it).
 */
export async function searchAll(ctx: RequestContext, q: string, limit: number): Promise<SearchHit[]> {
  const { actor, scope } = ctx;
  const params: unknown[] = [];
  const branches = KINDS.flatMap((k, place) => {
    if (!can(actor, k.kind, 'read')) return [];
    const where = new Where(params).search(k.text, q);
    if (k.unit) where.scope(k.unit, scope);
    return [`(SELECT ${place} AS place, row_number() OVER (ORDER BY ${k.orderBy}) AS rank, '${k.kind}' AS kind, ${k.select}
      FROM ${k.from} ${where} ORDER BY ${k.orderBy} LIMIT ${where.param(limit)})`];
  });
  if (!branches.length) return [];
  const { rows } = await ctx.query<SearchHit>(`SELECT kind, id, label, detail FROM (${branches.join(' UNION ALL ')}) hits ORDER BY place, rank`, params);
  const title = (code: string | null) => APPOINTMENT_TITLE_LABELS[code as AppointmentTitle];
  return rows.map((h) => (h.kind === 'appointment' && title(h.detail) ? { ...h, detail: `${title(h.detail).en} · ${title(h.detail).zh}` } : h));
}

/** GET /api/search: one box for institutions, people, agreements, visits and units. */
export const searchRoutes = declareRoutes('search', [
  get('/api/search', { summary: 'Search institutions, people, agreements, visits and units', ...signedIn, query: SearchQuery, response: { 200: z.array(SearchHit) } }, async ({ ctx, query }) => searchAll(ctx, query.q, query.limit)),
]);
