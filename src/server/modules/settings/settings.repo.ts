import type { Queryable } from '../../db/client.ts';
import { isoTimestamp } from '../../db/columns.ts';
import type { Setting } from '../../../shared/contracts/settings.ts';

const COLUMNS = `key, value, version, ${isoTimestamp('updated_at')} AS "updatedAt"`;

/** Every setting, by key. */
export async function listSettings(db: Queryable): Promise<Setting[]> {
  const { rows } = await db.query<Setting>(`SELECT ${COLUMNS} FROM settings ORDER BY key`);
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
