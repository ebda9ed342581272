import type { App, ServerContext } from '../../http/context.ts';
import { policy } from '../../http/context.ts';
import { IdParams } from '../../../shared/contracts/common.ts';
import { PartnerListQuery, PartnersQuery } from '../../../shared/contracts/agreements.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { getInstitution } from '../institutions/institutions.service.ts';
import { institutionTimeline, listPartners } from './partners.repo.ts';
import { getPartnerFigures } from './partners.service.ts';

/** Partners: the headline figure at any date, the institutions behind it, and each one's timeline. */
export function partnersRoutes(app: App, { db }: ServerContext): void {
  const tags = ['partners'];

  app.get('/api/partners', { config: policy('agreement', 'read'), schema: { tags, querystring: PartnersQuery } }, async (request) =>
    getPartnerFigures(request.ctx!, { asOf: request.query.asOf }),
  );

  app.get('/api/partners/list', { config: policy('agreement', 'read'), schema: { tags, querystring: PartnerListQuery } }, async (request) => {
    const { asOf, ...query } = request.query;
    const { rows, total } = await listPartners(request.ctx!, asOf ?? officeToday(), query);
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  });

  app.get('/api/institutions/:id/timeline', { config: policy('agreement', 'read'), schema: { tags, params: IdParams } }, async (request) => {
    await getInstitution(db, request.params.id);
    return institutionTimeline(request.ctx!, request.params.id);
  });
}
