import { z } from 'zod';
import { CleanString, RequiredName } from './common.ts';

/** Days in each month of a year that may be a leap year: a calendar date `MM-DD` recurs every year. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A date that comes back every year, `MM-DD` (`04-15`): EWP writes it as xs:gMonthDay (`--04-15`). */
export const MonthDay = z
  .string()
  .trim()
  .regex(/^\d\d-\d\d$/)
  .refine((s) => {
    const [month, day] = s.split('-').map(Number) as [number, number];
    return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
  }, { message: 'invalid_format' });

/** An address on the web a student can open: http or https. */
export const WebAddress = CleanString()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s/?#]+\.[^\s]+$/i);

/** An https address only (EWP's logo-url is HTTPS). */
export const SecureWebAddress = WebAddress.regex(/^https:\/\//i);

/** A phone number in E.164 form, as EWP writes it: `+` and up to 15 digits (`+862163846590`). */
export const E164Phone = z
  .string()
  .trim()
  .regex(/^\+[0-9]{1,15}$/);

/** Whom a student asks about something (EWP's InformationEntry): an email, a phone and a web page, all three required. */
export const FactsheetContact = z
  .object({
    email: z.string().trim().max(200).email(),
    phone: E164Phone,
    url: WebAddress,
  })
  .strict();
export type FactsheetContact = z.infer<typeof FactsheetContact>;

/** A deadline in each term: the autumn term's and the spring term's, as `MM-DD`. */
const TermDeadlines = z.object({ autumn: MonthDay, spring: MonthDay }).strict();

/**
 * What our EWP Factsheet (1.2.0) tells partners about coming to us: the nomination and
 * application deadlines per term, whom to ask about applying, housing, visas and insurance,
 * the weeks a decision and a transcript take, and optional extra requirements, accessibility
 * services and other information. Every field the spec requires is required here, so that a
 * saved factsheet always makes a valid answer.
 */
export const EwpFactsheet = z
  .object({
    nominations: TermDeadlines,
    applications: TermDeadlines,
    applicationInfo: FactsheetContact,
    /** Weeks within which we decide on an application. */
    decisionWeeks: z.number().int().min(1).max(52),
    /** Weeks within which we send the transcript of records after the mobility. */
    torWeeks: z.number().int().min(1).max(52),
    housing: FactsheetContact,
    visa: FactsheetContact,
    insurance: FactsheetContact,
    additionalRequirements: z
      .array(z.object({ name: RequiredName(200), details: CleanString().trim().min(1).max(1000), url: WebAddress.nullish().transform((v) => v ?? null) }).strict())
      .max(20)
      .default([]),
    accessibility: z
      .array(z.object({ type: z.enum(['infrastructure', 'service']), name: RequiredName(200), description: CleanString().trim().max(1000).nullish().transform((v) => v || null), contact: FactsheetContact }).strict())
      .max(20)
      .default([]),
    additionalInfo: z
      .array(z.object({ type: RequiredName(200), contact: FactsheetContact }).strict())
      .max(20)
      .default([]),
  })
  .strict();
export type EwpFactsheet = z.output<typeof EwpFactsheet>;
export type EwpFactsheetInput = z.input<typeof EwpFactsheet>;
