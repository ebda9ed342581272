import { changedBy } from '../../core/unchanged-write.ts';
import type { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { currentVersion, invalidFields, notFound } from '../../core/errors.ts';
import type { RequestContext } from '../../core/request-context.ts';
import { searchText } from '../../search/normalize.ts';
import type { Institution, InstitutionInput, InstitutionUpdate } from '../../../shared/contracts/institutions.ts';
import { findCatalogueEntry } from './catalogue.repo.ts';
import { deleteInstitutionRow, findInstitution, insertInstitution, updateInstitutionRow } from './institutions.repo.ts';

type Names = Pick<Institution, 'nameEn' | 'nameZh' | 'nameFr' | 'nameLocal' | 'otherNames'>;

/** The search text of an institution: every name it goes by, and its codes. */
function institutionSearchText(i: Names & { erasmusCode?: string | null }): string {
  return searchText(i.nameEn, i.nameZh, i.nameFr, i.nameLocal, ...i.otherNames, i.erasmusCode);
}

/** Creates an institution, optionally from a catalogue entry (`referenceRef`). */
export async function createInstitution(ctx: RequestContext, options: { input: z.output<typeof InstitutionInput> }): Promise<Institution> {
  const { input } = options;
  return ctx.transaction(async (tx) => {
    if (input.referenceRef && !(await findCatalogueEntry(tx, input.referenceRef)))
      throw invalidFields({ field: 'referenceRef', reason: 'unknown_reference' });
    const row = await insertInstitution(tx, { ...input, searchText: institutionSearchText(input) });
    await tx.audit({ action: 'create', entity: 'institution', entityId: row.id, after: row });
    return row;
  });
}

/** Changes an institution, if `version` is still current. */
export async function updateInstitution(ctx: RequestContext, options: { id: number; input: z.output<typeof InstitutionUpdate> }): Promise<Institution> {
  const { id, input } = options;
  return ctx.transaction(async (tx) => {
    const current = currentVersion(await findInstitution(tx, id, true), input.version);
    if (input.referenceRef && !(await findCatalogueEntry(tx, input.referenceRef)))
      throw invalidFields({ field: 'referenceRef', reason: 'unknown_reference' });
    const { version: _version, ...changes } = input;
    const merged = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as Institution;
    const row = await changedBy(tx, current, () => updateInstitutionRow(tx, id, { ...changes, searchText: institutionSearchText(merged) }));
    if (!row) return current;
    await tx.audit({ action: 'update', entity: 'institution', entityId: id, before: current, after: row });
    return row;
  });
}

/** Deletes an institution that nothing refers to any more. */
export async function deleteInstitution(ctx: RequestContext, options: { id: number; version: number }): Promise<void> {
  const { id, version } = options;
  await ctx.transaction(async (tx) => {
    const current = currentVersion(await findInstitution(tx, id, true), version);
    await deleteInstitutionRow(tx, id);
    await tx.audit({ action: 'delete', entity: 'institution', entityId: id, before: current });
  });
}

/** One institution, or 404. */
export async function getInstitution(db: Queryable, id: number): Promise<Institution> {
  const row = await findInstitution(db, id);
  if (!row) throw notFound();
  return row;
}
