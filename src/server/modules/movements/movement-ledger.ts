import type { LedgerEntry } from '../ledger/ledger.write.ts';
import type { Direction, LedgerCategory, Who } from '../../../shared/contracts/ledger.ts';

/** Where one person of a movement goes on the ledger: a country and an institution. */
export interface LedgerPlace {
  countryCode: string | null;
  institutionId: number | null;
}

/**
 * A movement's person-times: one row per person in `direction` once it has taken place (and
 * still after it is closed: the `counted` statuses), none before or after a cancellation. The
 * purpose is the category; the unit is ours; `placeOf` says where each person's row goes.
 */
export function movementLedgerEntries<S extends string, M extends { personId: number }>(
  movement: { status: S; purpose: LedgerCategory; startDate: string; endDate: string; members: M[] },
  how: { direction: Direction; who: Who; unitId: number; counted: readonly S[]; placeOf: (member: M) => LedgerPlace },
): LedgerEntry[] {
  if (!how.counted.includes(movement.status)) return [];
  return movement.members.map((m) => ({
    direction: how.direction,
    who: how.who,
    personId: m.personId,
    category: movement.purpose,
    ...how.placeOf(m),
    unitId: how.unitId,
    startDate: movement.startDate,
    endDate: movement.endDate,
  }));
}
