import type { Figure } from '../../../shared/contracts/reports.ts';
import { getPartnerFigures } from '../../modules/agreements/partners.service.ts';
import { figure, recordsAt, type FigureContext } from './figure-context.ts';

/**
 * "63 universities from 19 countries and regions … working arrangements with the WHO, Project
 * HOPE …": the agreements module's one definition of a partner (an agreement in force on the
 * date). The records: the universities with an agreement in force (their countries are the
 * second figure), and the working arrangements in force.
 */
export async function partnerFigures(ctx: FigureContext): Promise<Figure[]> {
  const f = await getPartnerFigures(ctx.db, { asOf: ctx.asOf });
  const universities = recordsAt('/api/partners/list', '/partners', { asOf: ctx.asOf, kind: 'university' });
  const withUniversities = f.byCountry.filter((c) => c.universities > 0);
  return [
    figure(ctx, 'partners.universities', 'institutions', f.universities, { records: universities }),
    figure(ctx, 'partners.countriesAndRegions', 'countries_and_regions', f.countriesAndRegions, {
      records: universities,
      items: withUniversities.map((c) => ({ key: c.countryCode, count: c.universities, nameEn: null, nameZh: null, title: null })),
    }),
    figure(
      ctx,
      'organizations.workingArrangements',
      'names',
      f.organizations.map((o) => o.nameEn),
      {
        records: {
          api: `/api/agreements?kind=working_arrangement&inForce=true&asOf=${ctx.asOf}${ctx.chosenUnitId !== null ? `&unitId=${ctx.chosenUnitId}` : ''}`,
          page: `/organizations?asOf=${ctx.asOf}`,
        },
        items: f.organizations.map((o) => ({ key: String(o.id), count: null, nameEn: o.nameEn, nameZh: o.nameZh, nameFr: o.nameFr, title: null })),
      },
    ),
  ];
}
