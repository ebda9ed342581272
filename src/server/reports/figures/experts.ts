import type { Figure } from '../../../shared/contracts/reports.ts';
import { getExpertsEngaged } from '../../modules/appointments/experts.service.ts';
import { figure, recordsAt, type FigureContext } from './figure-context.ts';

/**
 * "Engaged about 200 foreign scholars and experts": distinct people with an appointment in force
 * on the date, by the appointments module's definition. Its records are the appointments in force
 * (an expert holding two titles is one expert, two appointments).
 */
export async function expertFigures(ctx: FigureContext): Promise<Figure[]> {
  const f = await getExpertsEngaged(ctx.db, { asOf: ctx.asOf });
  const records = recordsAt('/api/appointments', '/experts', { inForce: 'true', asOf: ctx.asOf, unitId: ctx.chosenUnitId });
  return [figure(ctx, 'experts.engaged', 'persons', f.engaged, { records })];
}
