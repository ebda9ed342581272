import { changedBy } from '../../core/unchanged-write.ts';
import type { Queryable } from '../../db/client.ts';
import { DomainError, currentVersion, fieldsFromIssues } from '../../core/errors.ts';
import type { RequestContext } from '../../core/request-context.ts';
import { SETTING_SCHEMAS, type Setting, type SettingKey } from '../../../shared/contracts/settings.ts';
import { findSetting, listSettings, updateSettingRow } from './settings.repo.ts';

/** Every setting of the office: the web app reads them to explain what the figures use. */
export function getSettings(db: Queryable): Promise<Setting[]> {
  return listSettings(db);
}

/** Changes one setting, if `version` is current and the value fits the key's schema; audited. */
export async function updateSetting(ctx: RequestContext, options: { key: SettingKey; value: unknown; version: number }): Promise<Setting> {
  const { key, version } = options;
  const parsed = SETTING_SCHEMAS[key].safeParse(options.value);
  if (!parsed.success) {
    const fields = fieldsFromIssues(parsed.error.issues as Parameters<typeof fieldsFromIssues>[0]).map((f) => ({ ...f, field: 'value' }));
    throw new DomainError('validation_failed', 'invalid', { fields });
  }
  return ctx.transaction(async (tx) => {
    const current = currentVersion(await findSetting(tx, key, true), version);
    const row = await changedBy(tx, current, () => updateSettingRow(tx, key, parsed.data));
    if (!row) return current;
    await tx.audit({ action: 'update', entity: 'setting', entityId: key, unitId: null, before: current, after: row });
    return row;
  });
}
