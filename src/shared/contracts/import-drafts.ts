import { z } from 'zod';
import { ImportChoices, ON_DUPLICATE } from './imports.ts';

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
export const ImportDraftView = z.object({
  id: z.number(),
  kind: z.string(),
  fileName: z.string(),
  status: z.enum(IMPORT_DRAFT_STATUSES),
  encoding: z.string().nullable(),
  encodingOverride: z.string().nullable(),
  dayFirst: z.boolean().nullable(),
  onDuplicate: z.enum(ON_DUPLICATE),
  /** The kind's choices for the whole file, kept from the upload (the conference a file of attendees is added to). */
  choices: ImportChoices,
  decisions: z.record(z.string(), ImportDecision),
  counts: z.object({ new: z.number(), update: z.number(), duplicate: z.number(), error: z.number() }).partial(),
  rowsDone: z.number(),
  rowsTotal: z.number(),
  /** The failure, in the reader's language, with its fields. */
  error: z.object({ code: z.string(), message: z.string(), fields: z.array(z.object({ field: z.string(), message: z.string() })) }).nullable(),
  /** The committed import (its history page, its undo). */
  importId: z.number().nullable(),
  /** What the commit wrote, once committed. */
  outcome: z.object({ created: z.number(), updated: z.number(), unchanged: z.number(), skipped: z.number() }).nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The day a draft still previewed expires. */
  expiresOn: z.string(),
});
export type ImportDraftView = z.infer<typeof ImportDraftView>;
