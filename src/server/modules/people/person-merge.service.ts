import { DomainError, notFound, versionConflict } from '../../core/errors.ts';
import type { RequestContext, Scoped } from '../../core/request-context.ts';
import { countReferences, moveReferences } from '../../db/move-references.ts';
import { recordMerge } from '../../db/record-merges.ts';
import { seesPersonalData } from '../../policies/policies.ts';
import type { Cipher } from '../../security/personal-data.ts';
import type { MergePreview } from '../../../shared/contracts/merges.ts';
import type { Person } from '../../../shared/contracts/people.ts';
import { reassignLedgerRows } from '../ledger/ledger.write.ts';
import { auditPerson, presentPerson } from './people.presenter.ts';
import { deletePersonRow, findPerson, updatePersonRow, type PersonRow, type PersonValues } from './people.repo.ts';
import { PERSON_MERGE_LEDGER_REFERENCE, PERSON_MERGE_REFERENCES } from './person-merge-references.ts';
import { personSearchText } from './person-search-text.ts';

/** The contract's limit on other names: a merged record stays editable in the form. */
const MAX_OTHER_NAMES = 20;

/** Fields the survivor takes from the merged person where it has none of its own. */
const FILLED = ['givenName', 'nameZh', 'gender', 'nationality', 'institutionId', 'title', 'email', 'notes', 'birthDateEnc'] as const;

/** Both people of a merge within the caller's reach (else 404, as for any record out of reach), distinct and not erased. */
async function bothOf(db: Scoped, id: number, into: number, lock: boolean): Promise<[PersonRow, PersonRow]> {
  if (id === into) throw new DomainError('validation_failed', 'invalid', { fields: [{ field: 'into', reason: 'same_record' }] });
  const [first, second] = id < into ? [id, into] : [into, id];
  const a = await findPerson(db, first, lock);
  const b = await findPerson(db, second, lock);
  if (!a || !b) throw notFound();
  const [merged, survivor] = a.id === id ? [a, b] : [b, a];
  if (merged.erasedAt || survivor.erasedAt) throw new DomainError('person_erased', 'conflict');
  return [merged, survivor];
}

/**
 * The survivor after the merge: its own fields; the merged person's where it has none
 * (personal data included: the survivor keeps its own passport unless it has none); the
 * merged person's names as other names, so a search by them finds the survivor.
 */
function survivorValues(survivor: PersonRow, merged: PersonRow, cipher: Cipher): PersonValues {
  const values: PersonValues = {};
  for (const field of FILLED) if (survivor[field] === null && merged[field] !== null) Object.assign(values, { [field]: merged[field] });
  if (!survivor.passportEnc && merged.passportEnc) {
    values.passportEnc = merged.passportEnc;
    values.passportIndex = cipher.index(cipher.decrypt(merged.passportEnc)!);
  }
  const fullName = (p: PersonRow) => [p.familyName, p.givenName].filter(Boolean).join(' ');
  const own = new Set([fullName(survivor), survivor.nameZh, ...survivor.otherNames].filter(Boolean).map((n) => n!.toLowerCase()));
  const aliases = [...survivor.otherNames];
  for (const name of [fullName(merged), merged.nameZh, ...merged.otherNames]) {
    if (!name || own.has(name.toLowerCase()) || aliases.length >= MAX_OTHER_NAMES) continue;
    own.add(name.toLowerCase());
    aliases.push(name);
  }
  values.otherNames = aliases;
  values.searchText = personSearchText({ ...survivor, ...values, otherNames: aliases });
  return values;
}

/** What merging person `id` into `into` would move, kind by kind, and where both are on one record. */
export async function previewPersonMerge(ctx: RequestContext, options: { id: number; into: number }): Promise<MergePreview> {
  await bothOf(ctx, options.id, options.into, false);
  return countReferences(ctx, [...PERSON_MERGE_REFERENCES, PERSON_MERGE_LEDGER_REFERENCE], options.id, options.into);
}

/**
 * Merges person `id` into `into` (the survivor), both within the caller's reach and at the
 * versions they saw, in one transaction: visits, missions, appointments and their documents,
 * attendances, honours, enrolments, programmes, applications and ledger rows move to the
 * survivor; the merged row is deleted, its id kept in `record_merges`. Refused (409
 * `merge_conflict`, naming each kind) where both are on the same record, since keeping one row
 * would change what was counted. Person-times are unchanged. Audited on both records.
 */
export async function mergePerson(
  ctx: RequestContext,
  options: { id: number; into: number; version: number; intoVersion: number; cipher: Cipher },
): Promise<{ person: Person; moved: Record<string, number> }> {
  const { id, into, cipher } = options;
  const shown = (row: PersonRow) => presentPerson(row, cipher, seesPersonalData(ctx.actor));
  return ctx.transaction(async (tx) => {
    const [merged, survivor] = await bothOf(tx, id, into, true);
    if (merged.version !== options.version) throw versionConflict(shown(merged));
    if (survivor.version !== options.intoVersion) throw versionConflict(shown(survivor));
    const { moves: moved, both } = await countReferences(tx, [...PERSON_MERGE_REFERENCES, PERSON_MERGE_LEDGER_REFERENCE], id, into);
    const twice = Object.entries(both);
    if (twice.length) throw new DomainError('merge_conflict', 'conflict', { fields: twice.map(([kind, n]) => ({ field: kind, reason: `both_on_record:${n}` })) });
    await moveReferences(tx, PERSON_MERGE_REFERENCES, id, into);
    await reassignLedgerRows(tx, { column: 'person_id', from: id, into });
    await deletePersonRow(tx, id);
    const row = await updatePersonRow(tx, into, survivorValues(survivor, merged, cipher));
    await recordMerge(tx, 'person', id, into);
    await tx.audit({ action: 'merge', entity: 'person', entityId: id, unitId: merged.unitId, before: auditPerson(merged), after: { mergedInto: into, moved } });
    await tx.audit({ action: 'merge', entity: 'person', entityId: into, unitId: row.unitId, before: auditPerson(survivor), after: { ...auditPerson(row), mergedFrom: id, moved } });
    return { person: shown(row), moved };
  });
}
