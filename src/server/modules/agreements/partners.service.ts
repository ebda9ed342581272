import type { Scoped } from '../../core/request-context.ts';
import { officeToday } from '../../../shared/calendar.ts';
import type { PartnerFigures } from '../../../shared/contracts/agreements.ts';
import { partnerFigures } from './partners.repo.ts';

/**
 * "N universities from M countries and regions" on `asOf` (default today), within the actor's
 * reach: the routes, the dashboard and `interchange report partners` all read this one.
 */
export function getPartnerFigures(ctx: Scoped, options: { asOf?: string }): Promise<PartnerFigures> {
  return partnerFigures(ctx, options.asOf ?? officeToday());
}
