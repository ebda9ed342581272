import { changedBy } from '../../core/unchanged-write.ts';
import type { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { DomainError, currentVersion, invalidFields, notFound } from '../../core/errors.ts';
import type { RequestContext, TxContext } from '../../core/request-context.ts';
import { mergedInto } from '../../db/record-merges.ts';
import type { Institution, InstitutionInput, InstitutionMatchReason, InstitutionUpdate } from '../../../shared/contracts/institutions.ts';
import { nameIn } from '../../../shared/i18n/name-in.ts';
import { findCatalogueEntry } from './catalogue.repo.ts';
import { catalogueKeys, findMatchCandidates } from './institution-matches.repo.ts';
import { institutionMatches, matchKeys } from './institution-matches.rules.ts';
import { institutionSearchText } from './institution-search-text.ts';
import { deleteInstitutionRow, findInstitution, insertInstitution, listInstitutions, updateInstitutionRow } from './institutions.repo.ts';

/** The field a match's reason is shown on, and the reason's code. */
const MATCH_FIELDS: Record<InstitutionMatchReason, [string, string]> = {
  website: ['website', 'same_website'],
  referenceRef: ['referenceRef', 'same_catalogue_entry'],
  erasmusCode: ['erasmusCode', 'identifier_on_file'],
  pic: ['pic', 'identifier_on_file'],
  ror: ['ror', 'identifier_on_file'],
  schac: ['schac', 'identifier_on_file'],
};

/**
 * Refuses an institution that is already on file: the same website domain, catalogue entry or
 * identifier (409 `institution_exists`, each matching field naming the one on file in the
 * caller's language, the first match as `current`).
 */
async function refuseExisting(tx: TxContext, input: z.output<typeof InstitutionInput>): Promise<void> {
  const catalogue = input.referenceRef ? await catalogueKeys(tx, input.referenceRef) : null;
  const keys = matchKeys(input, catalogue);
  const matches = institutionMatches(keys, await findMatchCandidates(tx, keys));
  const first = matches[0];
  if (!first) return;
  const name = nameIn(tx.locale, first.nameEn, first.nameZh, first.nameFr);
  const fields = first.reasons.map((r) => ({ field: MATCH_FIELDS[r][0], reason: `${MATCH_FIELDS[r][1]}:${name}` }));
  throw new DomainError('institution_exists', 'conflict', { fields, current: first });
}

/**
 * Creates an institution, optionally from a catalogue entry (`referenceRef`). With
 * `refuseExisting` (the API's, unless the user confirmed "create anyway") one already on file
 * by website domain, catalogue entry or identifier is refused; imports match rows their own way
 * (their preview) and the demo builds from known data.
 */
export async function createInstitution(ctx: RequestContext, options: { input: z.output<typeof InstitutionInput>; refuseExisting?: boolean }): Promise<Institution> {
  const { input } = options;
  return ctx.transaction(async (tx) => {
    if (input.referenceRef && !(await findCatalogueEntry(tx, input.referenceRef)))
      throw invalidFields({ field: 'referenceRef', reason: 'unknown_reference' });
    if (options.refuseExisting) await refuseExisting(tx, input);
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

/** One institution, or 404 (`record_merged`, with the survivor's id as `current`, for one merged into another). */
export async function getInstitution(db: Queryable, id: number): Promise<Institution> {
  const row = await findInstitution(db, id);
  if (row) return row;
  const into = await mergedInto(db, 'institution', id);
  if (into !== null) throw new DomainError('record_merged', 'not_found', { current: { id: into } });
  throw notFound();
}

/** The institutions the list's filters select, the first `max` of them with their total (an export refuses more than it carries). */
export function listInstitutionsForExport(db: Queryable, options: { query: Omit<Parameters<typeof listInstitutions>[1], 'page' | 'pageSize'>; max: number }) {
  return listInstitutions(db, { ...options.query, page: 1, pageSize: options.max });
}
