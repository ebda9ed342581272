import type { Reference } from '../../db/move-references.ts';
import type { MergeKind } from '../../../shared/contracts/merges.ts';

/**
 * Every column that refers to an institution, but the ledger's (moved by its one writer,
 * `ledger.write.ts#reassignLedgerRows`). `institution-merge.test.ts` compares this list with
 * the database's foreign keys, so a new table that names an institution cannot be forgotten.
 * A partner list names an institution once: where both are partners, the survivor's row stays.
 */
export const INSTITUTION_REFERENCES: ReadonlyArray<Reference<MergeKind>> = [
  { table: 'agreement_partners', column: 'institution_id', kind: 'agreements', uniqueWith: ['agreement_id'] },
  { table: 'conference_partners', column: 'institution_id', kind: 'conferences', uniqueWith: ['conference_id'] },
  { table: 'programme_partners', column: 'institution_id', kind: 'programmes', uniqueWith: ['programme_id'] },
  { table: 'conference_attendees', column: 'institution_id', kind: 'conferenceAttendees' },
  { table: 'visit_members', column: 'institution_id', kind: 'visits' },
  { table: 'mission_destinations', column: 'institution_id', kind: 'missions' },
  { table: 'people', column: 'institution_id', kind: 'people' },
  { table: 'appointments', column: 'institution_id', kind: 'appointments' },
  { table: 'honours', column: 'awarding_institution_id', kind: 'honours' },
  { table: 'exchange_opportunities', column: 'host_institution_id', kind: 'opportunities' },
  { table: 'residency_placements', column: 'host_institution_id', kind: 'residencies' },
  { table: 'hospital_memoranda', column: 'hospital_id', kind: 'hospitalMemoranda' },
  { table: 'ledger_aggregates', column: 'institution_id', kind: 'aggregates' },
];

/** The ledger's column, listed for the preview's count and for the test that compares with the database. */
export const INSTITUTION_LEDGER_REFERENCE: Reference<MergeKind> = { table: 'ledger', column: 'institution_id', kind: 'ledger' };
