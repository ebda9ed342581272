import type { z } from 'zod';
import type { Db, Queryable } from '../../db/client.ts';
import { currentVersion, invalidFields } from '../../core/errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../../policies/actor.ts';
import { searchText } from '../../search/normalize.ts';
import type { Unit, UnitInput, UnitUpdate } from '../../../shared/contracts/units.ts';
import type { Locale } from '../../../shared/contracts/common.ts';
import { findUnit, insertUnit, isInSubtree, listUnits, updateUnitRow } from './units.repo.ts';

/** Creates a unit of our organization. */
export async function createUnit(options: { actor: Actor; input: z.output<typeof UnitInput> }, db: Db): Promise<Unit> {
  const { actor, input } = options;
  return db.transaction(async (tx) => {
    if (input.parentId !== null && !(await findUnit(tx, input.parentId))) throw invalidFields({ field: 'parentId', reason: 'unknown_reference' });
    const row = await insertUnit(tx, { ...input, searchText: searchText(input.nameEn, input.nameZh, input.nameFr, input.code) });
    await recordAudit(tx, { actor, action: 'create', entity: 'unit', entityId: row.id, unitId: row.id, after: row });
    return row;
  });
}

/** Changes a unit; refuses to move it beneath itself. */
export async function updateUnit(options: { actor: Actor; id: number; input: z.output<typeof UnitUpdate> }, db: Db): Promise<Unit> {
  const { actor, id, input } = options;
  return db.transaction(async (tx) => {
    const current = currentVersion(await findUnit(tx, id, true), input.version);
    if (input.parentId != null) {
      if (!(await findUnit(tx, input.parentId))) throw invalidFields({ field: 'parentId', reason: 'unknown_reference' });
      if (await isInSubtree(tx, id, input.parentId)) throw invalidFields({ field: 'parentId', reason: 'cycle' });
    }
    const { version: _version, ...changes } = input;
    const merged = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as Unit;
    const row = await updateUnitRow(tx, id, { ...changes, searchText: searchText(merged.nameEn, merged.nameZh, merged.nameFr, merged.code) });
    await recordAudit(tx, { actor, action: 'update', entity: 'unit', entityId: id, unitId: id, before: current, after: row });
    return row;
  });
}

/** Whether `candidate` is the unit `root` or lies beneath it. */
export function unitContains(db: Queryable, root: number, candidate: number): Promise<boolean> {
  return isInSubtree(db, root, candidate);
}

/** Every unit's name in `locale` (French falls back to English), by id. */
export async function unitNames(db: Queryable, locale: Locale): Promise<Map<number, string>> {
  const units = await listUnits(db);
  return new Map(units.map((u) => [u.id, locale === 'zh' ? u.nameZh : locale === 'fr' ? (u.nameFr ?? u.nameEn) : u.nameEn]));
}
