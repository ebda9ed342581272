import { declareRoutes, get, signedIn } from '../../core/routes.ts';
import { z } from 'zod';
import { SearchHit, SearchQuery } from '../../../shared/contracts/search.ts';
import { Where } from '../../db/where.ts';
import { can } from '../../policies/policies.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestContext } from '../../core/request-context.ts';
import { APPOINTMENT_TITLE_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import type { AppointmentTitle } from '../../../shared/contracts/appointments.ts';

async function hits(db: Queryable, sql: (where: Where) => string, where: Where): Promise<SearchHit[]> {
  return (await db.query<SearchHit>(sql(where), where.params)).rows;
}

/**
 * Searches every kind of record the actor may read, with the same normalised matching as
 * the lists: pinyin, folded accents, simplified or traditional characters.
 */
async function searchAll(ctx: RequestContext, q: string, limit: number): Promise<SearchHit[]> {
  const { actor, scope } = ctx;
  const found: SearchHit[] = [];
  if (can(actor, 'institution', 'read'))
    found.push(...(await hits(ctx, (w) => `SELECT 'institution' AS kind, id, name_en AS label, coalesce(name_zh, country_code) AS detail
      FROM institutions ${w} ORDER BY length(name_en), id LIMIT ${w.param(limit)}`, new Where().search('search_text', q))));
  if (can(actor, 'person', 'read'))
    found.push(...(await hits(ctx, (w) => `SELECT 'person' AS kind, p.id, trim(p.family_name || ' ' || coalesce(p.given_name, '')) AS label,
      coalesce(p.name_zh, p.title) AS detail FROM people p ${w} ORDER BY p.family_name, p.id LIMIT ${w.param(limit)}`,
      new Where().search('p.search_text', q).scope('p.unit_id', scope))));
  if (can(actor, 'agreement', 'read'))
    found.push(...(await hits(ctx, (w) => `SELECT 'agreement' AS kind, id, title_en AS label, title_zh AS detail
      FROM agreements ${w} ORDER BY signed_on DESC NULLS LAST, id LIMIT ${w.param(limit)}`,
      new Where().search('search_text', q).scope('unit_id', scope))));
  if (can(actor, 'visit', 'read'))
    found.push(...(await hits(ctx, (w) => `SELECT 'visit' AS kind, id, title_en AS label, coalesce(title_zh, start_date::text) AS detail
      FROM visits ${w} ORDER BY start_date DESC, id LIMIT ${w.param(limit)}`,
      new Where().search('search_text', q).scope('host_unit_id', scope))));
  if (can(actor, 'conference', 'read'))
    found.push(...(await hits(ctx, (w) => `SELECT 'conference' AS kind, id, title_en AS label, title_zh AS detail
      FROM conferences ${w} ORDER BY start_date DESC, id LIMIT ${w.param(limit)}`,
      new Where().search('search_text', q).scope('host_unit_id', scope))));
  if (can(actor, 'appointment', 'read')) {
    // An appointment is found by its expert's name; the detail says the title, in English and Chinese.
    const appointments = await hits(ctx, (w) => `SELECT 'appointment' AS kind, a.id, trim(p.family_name || ' ' || coalesce(p.given_name, '')) AS label,
      a.title AS detail FROM appointments a JOIN people p ON p.id = a.person_id ${w} ORDER BY a.start_date DESC, a.id LIMIT ${w.param(limit)}`,
      new Where().search('p.search_text', q).scope('a.unit_id', scope));
    const title = (code: string | null) => APPOINTMENT_TITLE_LABELS[code as AppointmentTitle];
    found.push(...appointments.map((h) => ({ ...h, detail: title(h.detail) ? `${title(h.detail).en} · ${title(h.detail).zh}` : h.detail })));
  }
  if (can(actor, 'unit', 'read'))
    found.push(...(await hits(ctx, (w) => `SELECT 'unit' AS kind, id, name_en AS label, name_zh AS detail
      FROM units ${w} ORDER BY code LIMIT ${w.param(limit)}`, new Where().search('search_text', q))));
  return found;
}

/** GET /api/search: one box for institutions, people, agreements, visits and units. */
export const searchRoutes = declareRoutes('search', [
  get('/api/search', { summary: 'Search institutions, people, agreements, visits and units', ...signedIn, query: SearchQuery, response: { 200: z.array(SearchHit) } }, async ({ ctx, query }) => searchAll(ctx, query.q, query.limit)),
]);
