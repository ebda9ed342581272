import { z } from 'zod';
import { Id, Versioned } from './common.ts';

/**
 * Merging one record into another (two institutions, two people): `into` is the survivor, and
 * both versions are named, so a merge never acts on a record someone changed meanwhile.
 */
export const MergeInput = z.object({
  into: Id,
  /** The version of the record merged away (the one in the URL). */
  version: Versioned.shape.version,
  /** The version of the survivor. */
  intoVersion: Versioned.shape.version,
});
export type MergeInput = z.input<typeof MergeInput>;

/** Which survivor a preview is for. */
export const MergePreviewQuery = z.object({ into: Id });
export type MergePreviewQuery = z.input<typeof MergePreviewQuery>;

/**
 * What a merge moves, per kind of reference (`agreements`, `visits`, `ledger` …): how many rows
 * name the record merged away; and the kinds where both records are on one record already
 * (a person merge refuses those, an institution merge keeps the survivor's row).
 */
export const MergePreview = z.object({
  moves: z.record(z.string(), z.number().int()),
  both: z.record(z.string(), z.number().int()),
});
export type MergePreview = z.infer<typeof MergePreview>;

/** The kinds of reference a merge moves, in the order the preview lists them. */
export const MERGE_KINDS = [
  'agreements',
  'conferences',
  'conferenceAttendees',
  'programmes',
  'visits',
  'missions',
  'people',
  'appointments',
  'expertDocuments',
  'honours',
  'students',
  'programmeStudents',
  'visitingProfessors',
  'residencies',
  'opportunities',
  'applications',
  'hospitalMemoranda',
  'aggregates',
  'ledger',
] as const;
export type MergeKind = (typeof MERGE_KINDS)[number];
