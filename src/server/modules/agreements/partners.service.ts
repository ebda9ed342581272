import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import type { Actor } from '../../policies/actor.ts';
import { scopeOf } from '../../policies/policies.ts';
import { officeToday } from '../../../shared/calendar.ts';
import type { PartnerFigures } from '../../../shared/contracts/agreements.ts';
import { partnerFigures } from './partners.repo.ts';

/**
 * "N universities from M countries and regions" on `asOf` (default today), within the actor's
 * reach: the routes, the dashboard and `interchange report partners` all read this one.
 */
export function getPartnerFigures(options: { actor: Actor; asOf?: string }, db: Queryable): Promise<PartnerFigures> {
  return partnerFigures(readerOf(options.actor, db), options.asOf ?? officeToday());
}

/** `db` with `actor`'s reach, for the callers that still name their reader by an actor (the figures, a command). */
function readerOf(actor: Actor, db: Queryable): Scoped {
  return { scope: scopeOf(actor), query: (text, params) => db.query(text, params) };
}
