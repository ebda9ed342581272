import { z } from 'zod';
import { Versioned } from './common.ts';

/**
 * The office's settings, each with the schema its value must meet. A new setting is a key
 * here and its default row in a migration.
 */
export const SETTING_SCHEMAS = {
  /** A conference with at least this many foreign participants is major. */
  'conference.majorForeignParticipants': z.number().int().min(1).max(1_000_000),
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as [SettingKey, ...SettingKey[]];
export const SettingKey = z.enum(SETTING_KEYS);

/** The value of each setting, typed by its key. */
export type SettingValues = { [K in SettingKey]: z.infer<(typeof SETTING_SCHEMAS)[K]> };

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
