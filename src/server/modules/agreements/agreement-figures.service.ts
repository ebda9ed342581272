import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import type { Actor } from '../../policies/actor.ts';
import { scopeOf } from '../../policies/policies.ts';
import { agreementsInForceOn, agreementsSignedIn } from './agreement-figures.repo.ts';

/** "Agreements in force on 31 December" for the reports' time series: one count per date, within the actor's reach. */
export function countAgreementsInForce(options: { actor: Actor; dates: string[] }, db: Queryable): Promise<Map<string, number>> {
  return agreementsInForceOn(readerOf(options.actor, db), options.dates);
}

/** New agreements signed in a period (the year in review), within the actor's reach. */
export function countAgreementsSigned(options: { actor: Actor; from: string; to: string }, db: Queryable): Promise<number> {
  return agreementsSignedIn(readerOf(options.actor, db), options.from, options.to);
}

/** `db` with `actor`'s reach, for the callers that still name their reader by an actor (the figures, a command). */
function readerOf(actor: Actor, db: Queryable): Scoped {
  return { scope: scopeOf(actor), query: (text, params) => db.query(text, params) };
}
