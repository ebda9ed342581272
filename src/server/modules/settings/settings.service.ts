import { changedBy } from '../../core/unchanged-write.ts';
import type { Queryable } from '../../db/client.ts';
import { DomainError, currentVersion, fieldsFromIssues, notFound } from '../../core/errors.ts';
import type { RequestContext, TxContext } from '../../core/request-context.ts';
import { DEADLINE_SETTING_KEYS, OfficeText, SETTING_SCHEMAS, type Setting, type SettingKey } from '../../../shared/contracts/settings.ts';
import { deadlineRules, deadlineSettingKey } from '../../../shared/kinds/deadline-rules.ts';
import { EWP_PARTNER_MANIFEST_PREFIX, findSetting, listSettings, updateSettingRow } from './settings.repo.ts';
import type { EwpFactsheet } from '../../../shared/contracts/ewp-factsheet.ts';
import type { EwpDataApi } from '../../../shared/contracts/ewp.ts';

/**
 * A deadline's lead time as the description sets it, shown as a setting at version 1 until the
 * office changes it (then it is a row); null for any other key.
 */
function defaultSetting(key: string): Setting | null {
  const rule = deadlineRules().find((r) => deadlineSettingKey(r.key) === key);
  return rule ? { key: key as SettingKey, value: rule.defaultLead, version: 1, updatedAt: new Date(0).toISOString() } : null;
}

/** Every setting of the office, the deadlines' lead times included: the web app reads them to explain what the figures and the to-do list use. */
export async function getSettings(db: Queryable): Promise<Setting[]> {
  const stored = await listSettings(db);
  const have = new Set(stored.map((s) => s.key));
  const defaults = DEADLINE_SETTING_KEYS.filter((k) => !have.has(k)).map((k) => defaultSetting(k)!);
  return [...stored, ...defaults].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Changes one setting, if `version` is current and the value fits the key's schema; audited. */
export async function updateSetting(ctx: RequestContext, options: { key: SettingKey; value: unknown; version: number }): Promise<Setting> {
  const { key, version } = options;
  const schema = SETTING_SCHEMAS[key];
  if (!schema) throw notFound();
  const parsed = schema.safeParse(options.value);
  if (!parsed.success) {
    const fields = fieldsFromIssues(parsed.error.issues as Parameters<typeof fieldsFromIssues>[0]).map((f) => ({ ...f, field: f.field === '(body)' ? 'value' : `value.${f.field}` }));
    throw new DomainError('validation_failed', 'invalid', { fields });
  }
  return ctx.transaction(async (tx) => {
    const current = currentVersion((await findSetting(tx, key, true)) ?? defaultSetting(key), version);
    const row = await changedBy(tx, current, () => updateSettingRow(tx, key, parsed.data, current.version));
    if (!row) return current;
    await tx.audit({ action: 'update', entity: 'setting', entityId: key, unitId: null, before: current, after: row });
    return row;
  });
}

/** An office text setting (the fact sheet's closing paragraph), or null when it has none or it no longer fits its schema. */
export async function officeText(db: Queryable, key: 'factsheet.closing'): Promise<OfficeText | null> {
  const parsed = OfficeText.safeParse((await findSetting(db, key))?.value);
  return parsed.success ? parsed.data : null;
}

/**
 * What the Erasmus Without Paper host reads on each call: our SCHAC code (null until set) and
 * whether /ewp answers at all, and which of its data APIs; a value that no longer fits its
 * schema counts as unset (off).
 */
export async function ewpHostSettings(db: Queryable): Promise<{ heiId: string | null; enabled: boolean; apis: ReadonlySet<EwpDataApi> }> {
  const heiId = SETTING_SCHEMAS['ewp.heiId'].safeParse((await findSetting(db, 'ewp.heiId'))?.value);
  const enabled = SETTING_SCHEMAS['ewp.enabled'].safeParse((await findSetting(db, 'ewp.enabled'))?.value);
  const apis = SETTING_SCHEMAS['ewp.apis'].safeParse((await findSetting(db, 'ewp.apis'))?.value);
  return {
    heiId: heiId.success ? (heiId.data as string | null) : null,
    enabled: enabled.success && enabled.data === true,
    apis: new Set(apis.success ? (apis.data as EwpDataApi[]) : []),
  };
}

/**
 * What EWP's Factsheet and Institutions APIs read beyond the units tree: the factsheet (null
 * until the office fills it in) and the logo's https address (null when none); a value that no
 * longer fits its schema counts as unset.
 */
export async function ewpFactsheetSettings(db: Queryable): Promise<{ factsheet: EwpFactsheet | null; logoUrl: string | null }> {
  const factsheet = SETTING_SCHEMAS['ewp.factsheet'].safeParse((await findSetting(db, 'ewp.factsheet'))?.value);
  const logoUrl = SETTING_SCHEMAS['ewp.logoUrl'].safeParse((await findSetting(db, 'ewp.logoUrl'))?.value);
  return { factsheet: factsheet.success ? (factsheet.data as EwpFactsheet | null) : null, logoUrl: logoUrl.success ? (logoUrl.data as string | null) : null };
}

/** The Discovery manifest address the office last pulled partner `heiId`'s IIAs from, or null. */
export async function partnerManifestUrl(db: Queryable, heiId: string): Promise<string | null> {
  const value = (await findSetting(db, `${EWP_PARTNER_MANIFEST_PREFIX}${heiId}`))?.value;
  return typeof value === 'string' ? value : null;
}

/** Keeps the manifest address partner `heiId` was pulled from, for its next pull; audited when it changes. */
export async function rememberPartnerManifestUrl(tx: TxContext, heiId: string, manifestUrl: string): Promise<void> {
  const key = `${EWP_PARTNER_MANIFEST_PREFIX}${heiId}`;
  const current = await findSetting(tx, key, true);
  if (current?.value === manifestUrl) return;
  const row = await updateSettingRow(tx, key, manifestUrl, current?.version ?? 0);
  await tx.audit({ action: current ? 'update' : 'create', entity: 'setting', entityId: key, unitId: null, before: current, after: row });
}
