import { z } from 'zod';
import { Versioned } from './common.ts';
import { DEADLINE_KEYS, deadlineSettingKey } from '../kinds/deadline-rules.ts';
import { FIGURE_KEYS } from './reports.ts';
import { EWP_DATA_APIS, SchacCode } from './ewp.ts';
import { EwpFactsheet, SecureWebAddress } from './ewp-factsheet.ts';

/** A deadline's lead time, in the unit its kind's description counts it in (days or months). */
export const LeadTime = z.number().int().min(1).max(3650);

/** The settings key of each deadline's lead time (`deadline.missions.report` …): its default is the description's. */
export type DeadlineSettingKey = `deadline.${string}`;
export const DEADLINE_SETTING_KEYS: readonly DeadlineSettingKey[] = DEADLINE_KEYS.map(deadlineSettingKey);

/** A placeholder of an office text: {school}, or a figure's key ({inbound.personTimesSince1980}). */
const PLACEHOLDER = /\{([^{}]*)\}/g;
const PLACEHOLDERS: ReadonlySet<string> = new Set(['school', ...FIGURE_KEYS]);

/** A paragraph the office writes, up to 2,000 characters, whose placeholders are all known. */
const OfficeParagraph = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .superRefine((text, ctx) => {
    for (const [, name] of text.matchAll(PLACEHOLDER))
      if (!PLACEHOLDERS.has(name!)) ctx.addIssue({ code: 'custom', message: `unknown_text_placeholder:${name}` });
  });

/** An office text in each language the reports are written in. */
export const OfficeText = z.object({ en: OfficeParagraph, zh: OfficeParagraph, fr: OfficeParagraph }).strict();
export type OfficeText = z.infer<typeof OfficeText>;

const OWN_SCHEMAS = {
  /** A conference with at least this many foreign participants is major. */
  'conference.majorForeignParticipants': z.number().int().min(1).max(1_000_000),
  /** The hour of the office's day (0–23, its time zone) at which the daily digest goes out. */
  'digest.hour': z.number().int().min(0).max(23),
  /** The fact sheet's closing paragraph: what the exchanges brought the school, in the office's words. */
  'factsheet.closing': OfficeText,
  /** Our institution's SCHAC code in the Erasmus Without Paper network (`shsmu.edu.cn`); null until the office has one. */
  'ewp.heiId': SchacCode.nullable(),
  /** Whether /ewp answers partners: off on a real deployment until the office joins the network, on in the demo. */
  'ewp.enabled': z.boolean(),
  /** Which of our EWP data APIs answer when EWP is on (each one the office serves; the manifest lists only these). */
  'ewp.apis': z.array(z.enum(EWP_DATA_APIS)).max(EWP_DATA_APIS.length),
  /** What our EWP Factsheet API tells partners (deadlines, whom to ask about applying, housing, visas, insurance); null until the office fills it in. */
  'ewp.factsheet': EwpFactsheet.nullable(),
  /** The https address of our institution's logo, which EWP's Institutions API gives partners; null when none. */
  'ewp.logoUrl': SecureWebAddress.nullable(),
} as const;

export type SettingKey = keyof typeof OWN_SCHEMAS | DeadlineSettingKey;

/**
 * The office's settings, each with the schema its value must meet. A new setting is a key
 * here and its default row in a migration; a deadline's lead time is one setting per deadline
 * of the kind descriptions, its default the description's (no row until the office changes it).
 */
export const SETTING_SCHEMAS: Readonly<Record<SettingKey, z.ZodType>> = {
  ...OWN_SCHEMAS,
  ...Object.fromEntries(DEADLINE_SETTING_KEYS.map((key) => [key, LeadTime])),
} as Record<SettingKey, z.ZodType>;

export const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as [SettingKey, ...SettingKey[]];
export const SettingKey = z.enum(SETTING_KEYS);

/** The value of each setting, typed by its key. */
export type SettingValues = { [K in SettingKey]: K extends keyof typeof OWN_SCHEMAS ? z.output<(typeof OWN_SCHEMAS)[K]> : number };

export const SettingParams = z.object({ key: SettingKey });

/** Changing a setting: the value is checked against the key's schema by the service. */
export const SettingUpdate = z.object({ value: z.unknown(), version: Versioned.shape.version });
export type SettingUpdate = z.input<typeof SettingUpdate>;

export const Setting = z.object({
  key: SettingKey,
  value: z.unknown(),
  version: z.number(),
  updatedAt: z.string(),
});
export type Setting = z.infer<typeof Setting>;
