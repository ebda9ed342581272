import { z } from 'zod';
import { declareRoutes, get, policy } from '../../core/routes.ts';
import { IdParams, pageOf } from '../../../shared/contracts/common.ts';
import { Partner, PartnerFigures, PartnerListQuery, PartnersQuery, TimelineEntry } from '../../../shared/contracts/agreements.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { getInstitution } from '../institutions/institutions.service.ts';
import { institutionTimeline, listPartners } from './partners.repo.ts';
import { getPartnerFigures } from './partners.service.ts';

/** Partners: the headline figure at any date, the institutions behind it, and each one's timeline. */
export const partnersRoutes = declareRoutes('partners', [
  get('/api/partners', { summary: 'Count partner institutions at a date', ...policy('agreement', 'read'), query: PartnersQuery, response: { 200: PartnerFigures } }, async ({ ctx, query }) => getPartnerFigures(ctx, { asOf: query.asOf })),

  get('/api/partners/list', { summary: 'List partner institutions at a date', ...policy('agreement', 'read'), query: PartnerListQuery, response: { 200: pageOf(Partner) } }, async ({ ctx, query: { asOf, ...query } }) => {
    const { rows, total } = await listPartners(ctx, asOf ?? officeToday(), query);
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }),

  get('/api/institutions/:id/timeline', { summary: "Read an institution's partnership timeline", ...policy('agreement', 'read'), params: IdParams, response: { 200: z.array(TimelineEntry) } }, async ({ ctx, deps: { db }, params }) => {
    await getInstitution(db, params.id);
    return institutionTimeline(ctx, params.id);
  }),
]);
