import type { Queryable } from '../../db/client.ts';
import { isoTimestamp } from '../../db/columns.ts';
import type { Setting } from '../../../shared/contracts/settings.ts';

const COLUMNS = `key, value, version, ${isoTimestamp('updated_at')} AS "updatedAt"`;

/**
 * The prefix of what the office's EWP pulls keep per partner (`ewp.partnerManifest.ki.se`: the
 * manifest last pulled from): rows of the settings table that are not settings the office edits.
 */
export const EWP_PARTNER_MANIFEST_PREFIX = 'ewp.partnerManifest.';

/** Every setting, by key (not what the EWP pulls keep per partner). */
export async function listSettings(db: Queryable): Promise<Setting[]> {
  const { rows } = await db.query<Setting>(`SELECT ${COLUMNS} FROM settings WHERE left(key, ${EWP_PARTNER_MANIFEST_PREFIX.length}) <> '${EWP_PARTNER_MANIFEST_PREFIX}' ORDER BY key`);
  return rows;
}

/** One setting, or null; `lock` for an update. */
export async function findSetting(db: Queryable, key: string, lock = false): Promise<Setting | null> {
  const { rows } = await db.query<Setting>(`SELECT ${COLUMNS} FROM settings WHERE key = $1 ${lock ? 'FOR UPDATE' : ''}`, [key]);
  return rows[0] ?? null;
}

/**
 * Writes a setting's value and bumps its version; a setting with no row yet (a deadline's lead
 * time at the description's default, shown at `version`) gets its row at the next version.
 */
export async function updateSettingRow(db: Queryable, key: string, value: unknown, version: number): Promise<Setting> {
  const { rows } = await db.query<Setting>(
    `INSERT INTO settings AS s (key, value, version) VALUES ($1, $2::jsonb, $3::int + 1)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = s.version + 1, updated_at = now()
     RETURNING ${COLUMNS}`,
    [key, JSON.stringify(value), version],
  );
  return rows[0]!;
}
