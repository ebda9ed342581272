import type { Reference } from '../../db/move-references.ts';
import type { MergeKind } from '../../../shared/contracts/merges.ts';

/**
 * Every column that refers to a person, but the ledger's (moved by its one writer,
 * `ledger.write.ts#reassignLedgerRows`). `person-merge.test.ts` compares this list with the
 * database's foreign keys, so a new table that names a person cannot be forgotten. Where both
 * people are on one record (the same visit, the same programme) the merge is refused: keeping
 * one of the two rows would change what was counted.
 */
export const PERSON_MERGE_REFERENCES: ReadonlyArray<Reference<MergeKind>> = [
  { table: 'visit_members', column: 'person_id', kind: 'visits', uniqueWith: ['visit_id'] },
  { table: 'mission_members', column: 'person_id', kind: 'missions', uniqueWith: ['mission_id'] },
  { table: 'appointments', column: 'person_id', kind: 'appointments' },
  { table: 'expert_documents', column: 'person_id', kind: 'expertDocuments' },
  { table: 'conference_attendees', column: 'person_id', kind: 'conferenceAttendees' },
  { table: 'honours', column: 'person_id', kind: 'honours' },
  { table: 'student_enrolments', column: 'person_id', kind: 'students' },
  { table: 'programme_students', column: 'person_id', kind: 'programmeStudents', uniqueWith: ['programme_id'] },
  { table: 'visiting_professors', column: 'person_id', kind: 'visitingProfessors', uniqueWith: ['programme_id', 'year'] },
  { table: 'exchange_applications', column: 'person_id', kind: 'applications', uniqueWith: ['opportunity_id'] },
];

/** The ledger's column, listed for the preview's count and for the test that compares with the database. */
export const PERSON_MERGE_LEDGER_REFERENCE: Reference<MergeKind> = { table: 'ledger', column: 'person_id', kind: 'ledger' };
