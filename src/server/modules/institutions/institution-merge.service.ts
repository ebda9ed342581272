import { invalidFields, notFound, versionConflict } from '../../core/errors.ts';
import type { RequestContext } from '../../core/request-context.ts';
import type { Queryable } from '../../db/client.ts';
import { countReferences, dropRepeatedReferences, moveReferences } from '../../db/move-references.ts';
import { recordMerge } from '../../db/record-merges.ts';
import { reassignLedgerRows } from '../ledger/ledger.write.ts';
import type { Institution } from '../../../shared/contracts/institutions.ts';
import type { MergePreview } from '../../../shared/contracts/merges.ts';
import { deleteInstitutionRow, findInstitution, updateInstitutionRow, type InstitutionValues } from './institutions.repo.ts';
import { INSTITUTION_LEDGER_REFERENCE, INSTITUTION_REFERENCES } from './institution-references.ts';
import { institutionSearchText } from './institution-search-text.ts';

/** The contract's limit on other names: a merged record stays editable in the form. */
const MAX_OTHER_NAMES = 20;

/** Fields the survivor takes from the merged institution where it has none of its own. */
const FILLED = ['nameZh', 'nameFr', 'nameLocal', 'city', 'website', 'ror', 'schac', 'erasmusCode', 'pic', 'referenceRef', 'notes'] as const;

/** The two institutions of a merge, both present and distinct, or the refusal. */
async function bothOf(db: Queryable, id: number, into: number, lock: boolean): Promise<[Institution, Institution]> {
  if (id === into) throw invalidFields({ field: 'into', reason: 'same_record' });
  const merged = await findInstitution(db, id, lock);
  if (!merged) throw notFound();
  const survivor = await findInstitution(db, into, lock);
  if (!survivor) throw invalidFields({ field: 'into', reason: 'unknown_reference' });
  return [merged, survivor];
}

/** The survivor's names and codes after the merge: its own, the merged one's where it had none, and the merged one's names as other names. */
function survivorValues(survivor: Institution, merged: Institution): InstitutionValues {
  const filled: InstitutionValues = {};
  for (const field of FILLED) if (!survivor[field] && merged[field]) filled[field] = merged[field];
  const own = new Set([survivor.nameEn, survivor.nameZh, survivor.nameFr, survivor.nameLocal, ...survivor.otherNames].filter(Boolean).map((n) => n!.toLowerCase()));
  const aliases = [...survivor.otherNames];
  for (const name of [merged.nameEn, merged.nameZh, merged.nameFr, merged.nameLocal, ...merged.otherNames]) {
    if (!name || own.has(name.toLowerCase()) || aliases.length >= MAX_OTHER_NAMES) continue;
    own.add(name.toLowerCase());
    aliases.push(name);
  }
  const values = { ...filled, otherNames: aliases };
  return { ...values, searchText: institutionSearchText({ ...survivor, ...values }) };
}

/** What merging institution `id` into `into` would move, kind by kind. */
export async function previewInstitutionMerge(db: Queryable, options: { id: number; into: number }): Promise<MergePreview> {
  await bothOf(db, options.id, options.into, false);
  return countReferences(db, [...INSTITUTION_REFERENCES, INSTITUTION_LEDGER_REFERENCE], options.id, options.into);
}

/**
 * Merges institution `id` into `into` (the survivor), both at the versions the office saw, in
 * one transaction: every reference (partners, visitors, destinations, people, hosts, awarding
 * bodies, aggregates, ledger rows) moves to the survivor; the merged row is deleted, its id kept
 * in `record_merges` so old links find the survivor; its names become the survivor's other
 * names (search finds it by them) and its codes fill the survivor's empty ones. Person-times
 * are unchanged. Audited on both records.
 */
export async function mergeInstitution(ctx: RequestContext, options: { id: number; into: number; version: number; intoVersion: number }): Promise<{ institution: Institution; moved: Record<string, number> }> {
  const { id, into } = options;
  return ctx.transaction(async (tx) => {
    // Locked in id order, so that two merges of the same pair cannot wait on each other.
    const [first, second] = id < into ? [id, into] : [into, id];
    await findInstitution(tx, first, true);
    await findInstitution(tx, second, true);
    const [merged, survivor] = await bothOf(tx, id, into, true);
    if (merged.version !== options.version) throw versionConflict(merged);
    if (survivor.version !== options.intoVersion) throw versionConflict(survivor);
    const { moves: moved } = await countReferences(tx, [...INSTITUTION_REFERENCES, INSTITUTION_LEDGER_REFERENCE], id, into);
    await dropRepeatedReferences(tx, INSTITUTION_REFERENCES, id, into);
    await moveReferences(tx, INSTITUTION_REFERENCES, id, into);
    await reassignLedgerRows(tx, { column: 'institution_id', from: id, into });
    await deleteInstitutionRow(tx, id);
    const row = await updateInstitutionRow(tx, into, survivorValues(survivor, merged));
    await recordMerge(tx, 'institution', id, into);
    await tx.audit({ action: 'merge', entity: 'institution', entityId: id, before: merged, after: { mergedInto: into, moved } });
    await tx.audit({ action: 'merge', entity: 'institution', entityId: into, before: survivor, after: { ...row, mergedFrom: id, moved } });
    return { institution: row, moved };
  });
}
