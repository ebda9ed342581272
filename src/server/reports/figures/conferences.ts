import type { Figure } from '../../../shared/contracts/reports.ts';
import { countConferencesHosted } from '../../modules/conferences/conferences.service.ts';
import { figure, recordsAt, type FigureContext } from './figure-context.ts';

/**
 * "Has hosted 270 international academic conferences": held or closed, started on or before
 * the date (a conference counts from its first day), by the conferences module.
 */
export async function conferenceFigures(ctx: FigureContext): Promise<Figure[]> {
  const hosted = await countConferencesHosted(ctx.db, { to: ctx.asOf });
  const records = recordsAt('/api/conferences', '/conferences', { counted: 'true', to: ctx.asOf, hostUnitId: ctx.chosenUnitId });
  return [figure(ctx, 'conferences.hosted', 'records', hosted, { asOf: null, to: ctx.asOf, records })];
}
