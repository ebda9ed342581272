import { changedBy } from '../../core/unchanged-write.ts';
import type { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { currentVersion, invalidFields } from '../../core/errors.ts';
import type { RequestContext } from '../../core/request-context.ts';
import { searchText } from '../../search/normalize.ts';
import type { Unit, UnitInput, UnitUpdate } from '../../../shared/contracts/units.ts';
import type { Locale } from '../../../shared/contracts/common.ts';
import { findUnit, insertUnit, isInSubtree, listUnits, updateUnitRow } from './units.repo.ts';

/** Creates a unit of our organization. */
export async function createUnit(ctx: RequestContext, options: { input: z.output<typeof UnitInput> }): Promise<Unit> {
  const { input } = options;
  return ctx.transaction(async (tx) => {
    if (input.parentId !== null && !(await findUnit(tx, input.parentId))) throw invalidFields({ field: 'parentId', reason: 'unknown_reference' });
    const row = await insertUnit(tx, { ...input, searchText: searchText(input.nameEn, input.nameZh, input.nameFr, input.code) });
    await tx.audit({ action: 'create', entity: 'unit', entityId: row.id, unitId: row.id, after: row });
    return row;
  });
}

/** Changes a unit; refuses to move it beneath itself. */
export async function updateUnit(ctx: RequestContext, options: { id: number; input: z.output<typeof UnitUpdate> }): Promise<Unit> {
  const { id, input } = options;
  return ctx.transaction(async (tx) => {
    const current = currentVersion(await findUnit(tx, id, true), input.version);
    if (input.parentId != null) {
      if (!(await findUnit(tx, input.parentId))) throw invalidFields({ field: 'parentId', reason: 'unknown_reference' });
      if (await isInSubtree(tx, id, input.parentId)) throw invalidFields({ field: 'parentId', reason: 'cycle' });
    }
    const { version: _version, ...changes } = input;
    const merged = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as Unit;
    const row = await changedBy(tx, current, () => updateUnitRow(tx, id, { ...changes, searchText: searchText(merged.nameEn, merged.nameZh, merged.nameFr, merged.code) }));
    if (!row) return current;
    await tx.audit({ action: 'update', entity: 'unit', entityId: id, unitId: id, before: current, after: row });
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

/** The top of our organization (the university or school itself): the first unit with no parent; null when there is none. */
export async function rootUnit(db: Queryable): Promise<Unit | null> {
  return (await listUnits(db)).find((u) => u.parentId === null) ?? null;
}

/** Every unit of our organization, parents before children (what EWP's OUnits API publishes). */
export function allUnits(db: Queryable): Promise<Unit[]> {
  return listUnits(db);
}
