import type { Scoped } from '../../core/request-context.ts';
import { agreementsInForceOn, agreementsSignedIn } from './agreement-figures.repo.ts';

/** "Agreements in force on 31 December" for the reports' time series: one count per date, within the actor's reach. */
export function countAgreementsInForce(ctx: Scoped, options: { dates: string[] }): Promise<Map<string, number>> {
  return agreementsInForceOn(ctx, options.dates);
}

/** New agreements signed in a period (the year in review), within the actor's reach. */
export function countAgreementsSigned(ctx: Scoped, options: { from: string; to: string }): Promise<number> {
  return agreementsSignedIn(ctx, options.from, options.to);
}
