import { z } from 'zod';
import { SchacCode } from './ewp.ts';
import { WebAddress } from './ewp-factsheet.ts';

/**
 * The terms of an inter-institutional agreement that two institutions' copies must share, seen
 * from our side: what `interchange ewp pull-iias` compares between our agreement and the IIA a
 * partner serves. Each field is one of the agreement's own fields, so accepting the partner's
 * value is an ordinary change to the agreement (audited, versioned) — except the academic years,
 * which an agreement records as dates: a difference there is shown but not accepted field by field.
 */
export const IIA_TERM_FIELDS = [
  'firstAcademicYear',
  'lastAcademicYear',
  'studentsInPerYear',
  'studentsOutPerYear',
  'staffInPerYear',
  'staffOutPerYear',
  'studentMobility',
  'staffMobility',
  'languageSkills',
] as const;
export type IiaTermField = (typeof IIA_TERM_FIELDS)[number];

/** The fields whose partner value the office can accept onto the agreement. */
export const ACCEPTABLE_IIA_TERM_FIELDS = IIA_TERM_FIELDS.filter((field) => field !== 'firstAcademicYear' && field !== 'lastAcademicYear');

/** A term's value: a count, a mobility type, an academic year (`2024/2025`), the languages as the agreement stores them (`fr B2`), or nothing said. */
const TermValue = z.union([z.number(), z.string(), z.array(z.string()), z.null()]);

/** One field on which the partner's copy says something else than ours. */
export const IiaDifference = z.object({
  field: z.enum(IIA_TERM_FIELDS),
  ours: TermValue,
  theirs: TermValue,
});
export type IiaDifference = z.infer<typeof IiaDifference>;

/**
 * How the partner's copy stands against ours after the last pull: the same terms, some differ,
 * the partner serves no IIA that is this agreement's, or never pulled.
 */
export const IIA_COPY_STATES = ['matches', 'differs', 'not_found', 'not_pulled'] as const;

/**
 * Why an agreement is not published to its partner over EWP (null when it is). `incomplete_terms`:
 * our IIAs API would have to guess (no start or end date, no places, the places' purpose or the
 * language that studies and teaching require not recorded).
 */
export const IIA_UNPUBLISHED_REASONS = ['ewp_off', 'not_exchange', 'not_one_partner', 'partner_without_schac', 'not_approved', 'incomplete_terms'] as const;

/** An agreement's standing in the EWP network: what its page shows. */
export const AgreementEwpStatus = z.object({
  /** Whether our IIAs API serves this agreement to its partner. */
  published: z.boolean(),
  unpublishedReason: z.enum(IIA_UNPUBLISHED_REASONS).nullable(),
  /** The partner's SCHAC code, when it has one. */
  partnerHeiId: z.string().nullable(),
  /** The IIA id we serve it under (stable), when published. */
  iiaId: z.string().nullable(),
  /** The partner's Discovery manifest the office last pulled from (its next pull reads it again), null if none. */
  partnerManifestUrl: z.string().nullable(),
  copy: z.object({
    state: z.enum(IIA_COPY_STATES),
    /** The partner's own id and code for its copy, when found. */
    partnerIiaId: z.string().nullable(),
    partnerIiaCode: z.string().nullable(),
    /** When the partner's IIAs were last pulled (ISO timestamp), null if never. */
    pulledAt: z.string().nullable(),
    differences: z.array(IiaDifference),
  }),
});
export type AgreementEwpStatus = z.infer<typeof AgreementEwpStatus>;

/** Accepting the partner's value of one field onto the agreement (the version guards against a change made meanwhile). */
export const AcceptIiaDifference = z.object({
  field: z.enum(ACCEPTABLE_IIA_TERM_FIELDS as [Exclude<IiaTermField, 'firstAcademicYear' | 'lastAcademicYear'>, ...Exclude<IiaTermField, 'firstAcademicYear' | 'lastAcademicYear'>[]]),
  version: z.number().int().positive(),
});
export type AcceptIiaDifference = z.infer<typeof AcceptIiaDifference>;

/**
 * Pulling a partner's IIAs from the web: the address of its Discovery manifest (http or https),
 * or nothing to use the one given at this partner's last pull.
 */
export const EwpPullInput = z.object({ manifestUrl: WebAddress.optional() }).strict();
export type EwpPullInput = z.input<typeof EwpPullInput>;

/** The partner a pull is for: its SCHAC code. */
export const EwpPartnerParams = z.object({ heiId: SchacCode });

/** What a pull found: how many of the partner's IIAs match ours, differ or match none, and how many of ours it does not serve. */
export const EwpPullSummary = z.object({
  partnerHeiId: z.string(),
  /** The manifest the pull read (kept for this partner's next pull). */
  manifestUrl: z.string(),
  pulledAt: z.string(),
  matches: z.number().int(),
  differs: z.number().int(),
  /** The partner's IIAs that match none of our agreements with it. */
  unmatched: z.number().int(),
  /** Our published agreements with it that it serves no copy of. */
  notFound: z.number().int(),
});
export type EwpPullSummary = z.infer<typeof EwpPullSummary>;
