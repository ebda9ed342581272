import { z } from 'zod';
import { ON_DUPLICATE, type RowClass } from './imports.ts';

/**
 * An import kept between its upload and its commit: previewed (waiting for the user's
 * decisions), committing (a background job writes it), committed, failed or discarded.
 */
export const IMPORT_DRAFT_STATUSES = ['previewed', 'committing', 'committed', 'failed', 'discarded'] as const;
export type ImportDraftStatus = (typeof IMPORT_DRAFT_STATUSES)[number];

/** Days a draft waits for a decision before it expires (it leaves the to-do list and can no longer be committed). */
export const IMPORT_DRAFT_LIFETIME_DAYS = 30;

/** A row's decision: create it anew, skip it, or update the record with this id. */
export const ImportDecision = z.union([z.enum(['create', 'skip']), z.number().int().positive().max(Number.MAX_SAFE_INTEGER)]);
export type ImportDecision = z.infer<typeof ImportDecision>;

/** Changing a draft before its commit: the decisions per row number, and the reading options. */
export const ImportDraftUpdate = z.object({
  version: z.number().int().positive(),
  /** Per row number ("2", "17" …): replaces the draft's decisions as a whole. */
  decisions: z.record(z.string().regex(/^\d{1,9}$/), ImportDecision).optional(),
  /** A CSV's encoding, instead of the one detected; null: detect it again. */
  encoding: z.string().trim().min(1).max(40).nullable().optional(),
  /** Day first (true), month first (false), or the file's dates decide (null). */
  dayFirst: z.boolean().nullable().optional(),
  onDuplicate: z.enum(ON_DUPLICATE).optional(),
});
export type ImportDraftUpdate = z.input<typeof ImportDraftUpdate>;

/** A draft as its owner reads it: its file, options, decisions, counts, and where its commit stands. */
export interface ImportDraftView {
  id: number;
  kind: string;
  fileName: string;
  status: ImportDraftStatus;
  encoding: string | null;
  encodingOverride: string | null;
  dayFirst: boolean | null;
  onDuplicate: (typeof ON_DUPLICATE)[number];
  decisions: Record<string, ImportDecision>;
  counts: Partial<Record<RowClass, number>>;
  rowsDone: number;
  rowsTotal: number;
  /** The failure, in the reader's language, with its fields. */
  error: { code: string; message: string; fields: Array<{ field: string; message: string }> } | null;
  /** The committed import (its history page, its undo). */
  importId: number | null;
  /** What the commit wrote, once committed. */
  outcome: { created: number; updated: number; unchanged: number; skipped: number } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The day a draft still previewed expires. */
  expiresOn: string;
}
