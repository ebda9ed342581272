import { changedBy } from '../../core/unchanged-write.ts';
import type { z } from 'zod';
import { DomainError, invalidFields, notFound, currentVersion, type FieldProblem } from '../../core/errors.ts';
import type { RequestContext, Scoped, TxContext } from '../../core/request-context.ts';
import { seesPersonalData } from '../../policies/policies.ts';
import { assertFieldWrites } from '../../policies/field-writes.ts';
import { personSearchText } from './person-search-text.ts';
import { mergedInto } from '../../db/record-merges.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { recordAudits } from '../../audit/record-audit.ts';
import type { Person, PersonInput, PersonUpdate } from '../../../shared/contracts/people.ts';
import { unitContains } from '../units/units.service.ts';
import { auditPerson, presentPerson } from './people.presenter.ts';
import { deletePersonRow, findPerson, insertPeople, insertPerson, listPeople, updatePersonRow, type PersonRow, type PersonValues } from './people.repo.ts';

type Input = Partial<z.output<typeof PersonInput>>;

/**
 * Checks the owning unit against the actor's reach. Who may write personal data is a field
 * right (FIELD_RULES): checked on a create's body before the service, by updatePerson on a change.
 */
async function checkWrite(tx: Scoped, input: Input): Promise<void> {
  const problems: FieldProblem[] = [];
  if (tx.scope !== null && input.unitId !== undefined && (input.unitId === null || !(await unitContains(tx, tx.scope, input.unitId))))
    problems.push({ field: 'unitId', reason: 'not_allowed' });
  if (problems.length) throw invalidFields(...problems);
}

/** Stored form of the input: personal data encrypted, search text computed. */
function toValues(input: Input, cipher: Cipher): PersonValues {
  const { birthDate, passportNumber, ...rest } = input;
  return {
    ...rest,
    ...(birthDate !== undefined ? { birthDateEnc: cipher.encrypt(birthDate) } : {}),
    ...(passportNumber !== undefined ? { passportEnc: cipher.encrypt(passportNumber), passportIndex: cipher.index(passportNumber) } : {}),
  };
}

/** Creates a person; a coordinator's person belongs to the coordinator's unit. */
export async function createPerson(ctx: RequestContext, options: { input: z.output<typeof PersonInput>; cipher: Cipher }): Promise<Person> {
  const { cipher } = options;
  const input = { ...options.input, unitId: options.input.unitId ?? ctx.scope };
  return ctx.transaction(async (tx) => {
    await checkWrite(tx, input);
    const row = await insertPerson(tx, { ...toValues(input, cipher), searchText: personSearchText(input) });
    await tx.audit({ action: 'create', entity: 'person', entityId: row.id, unitId: row.unitId, after: auditPerson(row) });
    return presentPerson(row, cipher, seesPersonalData(tx.actor));
  });
}

/**
 * Creates many people at once (an import's new visitors), as createPerson creates each: the
 * owning unit checked against the actor's reach (once per unit named), personal data encrypted,
 * one audit row per person; one INSERT and one audit INSERT for all. A refusal names its
 * person by their index in `inputs` (`<index>.<field>`). The people in the order given.
 */
export async function createPeople(ctx: RequestContext, options: { inputs: Array<z.output<typeof PersonInput>>; cipher: Cipher }): Promise<Person[]> {
  return ctx.transaction(async (tx) => {
    const rows = await writePeople(tx, options.inputs, options.cipher);
    const sees = seesPersonalData(tx.actor);
    return rows.map((row) => presentPerson(row, options.cipher, sees));
  });
}

/**
 * createPeople answering only the new people's ids, in the order given: an import links its
 * rows to them and never shows them, so their personal data is not decrypted again to present them.
 */
export function createPeopleIds(ctx: RequestContext, options: { inputs: Array<z.output<typeof PersonInput>>; cipher: Cipher }): Promise<number[]> {
  return ctx.transaction(async (tx) => (await writePeople(tx, options.inputs, options.cipher)).map((row) => Number(row.id)));
}

/** createPeople's checks and writes, in the caller's transaction: the rows as inserted, in the order given. */
async function writePeople(tx: TxContext, given: Array<z.output<typeof PersonInput>>, cipher: Cipher): Promise<PersonRow[]> {
  const inputs = given.map((input) => ({ ...input, unitId: input.unitId ?? tx.scope }));
  const checked = new Set<number | null>();
  for (const [index, input] of inputs.entries()) {
    if (checked.has(input.unitId)) continue;
    try {
      await checkWrite(tx, input);
    } catch (error) {
      if (error instanceof DomainError && error.extra.fields) throw new DomainError(error.code, error.kind, { ...error.extra, fields: error.extra.fields.map((f) => ({ ...f, field: `${index}.${f.field}` })) });
      throw error;
    }
    checked.add(input.unitId);
  }
  const rows = await insertPeople(tx, inputs.map((input) => ({ ...toValues(input, cipher), searchText: personSearchText(input) })));
  await recordAudits(tx, tx.actor, rows.map((row) => ({ action: 'create' as const, entity: 'person', entityId: row.id, unitId: row.unitId, after: auditPerson(row) })));
  return rows;
}

/** Changes a person, if `version` is current and the person is within the actor's reach. */
export async function updatePerson(ctx: RequestContext, options: { id: number; input: z.output<typeof PersonUpdate>; cipher: Cipher }): Promise<Person> {
  const { id, cipher } = options;
  const { version, ...input } = options.input;
  const { actor } = ctx;
  return ctx.transaction(async (tx) => {
    const found = await findPerson(tx, id, true);
    // An erased person stays erased: nobody writes their names back.
    if (found?.erasedAt) throw new DomainError('person_erased', 'conflict');
    const current = currentVersion(found, version, (row) => presentPerson(row, cipher, seesPersonalData(actor)));
    assertFieldWrites(actor, 'person', input);
    await checkWrite(tx, input);
    const merged = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as PersonRow;
    // Compared as the office reads them: a birth date saved again is encrypted afresh, yet unchanged.
    const decrypted = (row: PersonRow) => presentPerson(row, cipher, true);
    const row = await changedBy(tx, current, () => updatePersonRow(tx, id, { ...toValues(input, cipher), searchText: personSearchText(merged) }), decrypted);
    if (!row) return presentPerson(current, cipher, seesPersonalData(actor));
    await tx.audit({ action: 'update', entity: 'person', entityId: id, unitId: row.unitId, before: auditPerson(current), after: auditPerson(row) });
    return presentPerson(row, cipher, seesPersonalData(actor));
  });
}

/**
 * Deletes a person who has no person-times in the ledger. A stale version is answered with the
 * person as the actor may see them, as a stale save is (not the audit form, which tells every
 * role which personal data is on file).
 */
export async function deletePerson(ctx: RequestContext, options: { id: number; version: number; cipher: Cipher }): Promise<void> {
  const { id, version, cipher } = options;
  await ctx.transaction(async (tx) => {
    const current = currentVersion(await findPerson(tx, id, true), version, (row) => presentPerson(row, cipher, seesPersonalData(tx.actor)));
    await deletePersonRow(tx, id);
    await tx.audit({ action: 'delete', entity: 'person', entityId: id, unitId: current.unitId, before: auditPerson(current) });
  });
}

/** One person within the actor's reach, presented for the actor's role; a merged one's old id says where it went (404 `record_merged`). */
export async function getPerson(ctx: RequestContext, options: { id: number; cipher: Cipher }): Promise<Person> {
  const row = await findPerson(ctx, options.id);
  if (row) return presentPerson(row, options.cipher, seesPersonalData(ctx.actor));
  const into = await mergedInto(ctx, 'person', options.id);
  if (into !== null) throw new DomainError('record_merged', 'not_found', { current: { id: into } });
  throw notFound();
}

/** The ids of the people within the caller's reach the list's filters select, the first `max` with their total (an export). */
export async function listPeopleForExport(ctx: Scoped, options: { query: Omit<Parameters<typeof listPeople>[1], 'page' | 'pageSize'>; max: number }): Promise<{ ids: number[]; total: number }> {
  const { rows, total } = await listPeople(ctx, { ...options.query, page: 1, pageSize: options.max });
  return { ids: rows.map((r) => r.id), total };
}
