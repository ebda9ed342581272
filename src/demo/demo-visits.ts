import type { Db } from '../server/db/client.ts';
import { systemContext } from '../server/core/request-context.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { createVisit, transitionVisit } from '../server/modules/visits/visits.service.ts';
import { VisitInput, VisitTransition, type Visit } from '../shared/contracts/visits.ts';
import { idOf } from './demo-inbound-people.ts';
import type { VisitSpec } from './demo-visits-plan.ts';

/**
 * Requests each planned visit through the visits service and takes it through its steps on
 * their days (approved, held, closed with the report …), as the host unit and the office
 * would: each visitor of a held visit becomes an inbound person-time in the ledger there.
 */
export async function loadVisits(db: Db, visits: readonly VisitSpec[], refs: { units: Map<string, number>; people: Map<string, number> }): Promise<Visit[]> {
  const made: Visit[] = [];
  for (const spec of visits) {
    const input = parseOrThrow(VisitInput, {
      titleEn: spec.titleEn,
      titleZh: spec.titleZh,
      hostUnitId: idOf(refs.units, spec.hostUnitCode),
      purpose: spec.purpose,
      startDate: spec.startDate,
      endDate: spec.endDate,
      protocolLevel: spec.protocolLevel,
      receivingOfficial: spec.receivingOfficial,
      members: spec.members.map((m) => ({ personId: idOf(refs.people, m.personKey), roleInDelegation: m.role })),
      notes: spec.notes ?? null,
      requestedOn: spec.requestedOn,
    });
    let visit = await createVisit(systemContext(db), { input });
    for (const step of spec.steps) {
      const transition = parseOrThrow(VisitTransition, { to: step.to, on: step.on, report: step.report ?? null, version: visit.version });
      visit = await transitionVisit(systemContext(db), { id: visit.id, input: transition });
    }
    made.push(visit);
  }
  return made;
}
