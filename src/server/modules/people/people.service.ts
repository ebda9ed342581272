import type { z } from 'zod';
import type { Db, Queryable } from '../../db/client.ts';
import { DomainError, invalidFields, notFound, currentVersion, type FieldProblem } from '../../core/errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../../policies/actor.ts';
import { scopeOf, seesPersonalData } from '../../policies/policies.ts';
import { assertFieldWrites } from '../../policies/field-writes.ts';
import { searchText } from '../../search/normalize.ts';
import type { Cipher } from '../../security/personal-data.ts';
import type { Person, PersonInput, PersonUpdate } from '../../../shared/contracts/people.ts';
import { unitContains } from '../units/units.service.ts';
import { auditPerson, presentPerson } from './people.presenter.ts';
import { deletePersonRow, findPerson, insertPerson, updatePersonRow, type PersonRow, type PersonValues } from './people.repo.ts';

type Input = Partial<z.output<typeof PersonInput>>;

function personSearchText(p: Pick<PersonRow, 'familyName' | 'givenName' | 'nameZh' | 'otherNames' | 'email'>): string {
  return searchText(`${p.familyName} ${p.givenName ?? ''}`, `${p.givenName ?? ''} ${p.familyName}`, p.nameZh, ...p.otherNames, p.email);
}

/**
 * Checks the owning unit against the actor's reach. Who may write personal data is a field
 * right (FIELD_RULES): checked on a create's body before the service, by updatePerson on a change.
 */
async function checkWrite(tx: Queryable, actor: Actor, input: Input): Promise<void> {
  const problems: FieldProblem[] = [];
  const scope = scopeOf(actor);
  if (scope !== null && input.unitId !== undefined && (input.unitId === null || !(await unitContains(tx, scope, input.unitId))))
    problems.push({ field: 'unitId', reason: 'not_allowed' });
  if (problems.length) throw invalidFields(...problems);
}

/** Stored form of the input: personal data encrypted, search text computed. */
function toValues(input: Input, cipher: Cipher): PersonValues {
  const { birthDate, passportNumber, ...rest } = input;
  return {
    ...rest,
    ...(birthDate !== undefined ? { birthDateEnc: cipher.encrypt(birthDate) } : {}),
    ...(passportNumber !== undefined ? { passportEnc: cipher.encrypt(passportNumber) } : {}),
  };
}

/** Creates a person; a coordinator's person belongs to the coordinator's unit. */
export async function createPerson(options: { actor: Actor; input: z.output<typeof PersonInput>; cipher: Cipher }, db: Db): Promise<Person> {
  const { actor, cipher } = options;
  const input = { ...options.input, unitId: options.input.unitId ?? scopeOf(actor) };
  return db.transaction(async (tx) => {
    await checkWrite(tx, actor, input);
    const row = await insertPerson(tx, { ...toValues(input, cipher), searchText: personSearchText(input) });
    await recordAudit(tx, { actor, action: 'create', entity: 'person', entityId: row.id, unitId: row.unitId, after: auditPerson(row) });
    return presentPerson(row, cipher, seesPersonalData(actor));
  });
}

/** Changes a person, if `version` is current and the person is within the actor's reach. */
export async function updatePerson(
  options: { actor: Actor; id: number; input: z.output<typeof PersonUpdate>; cipher: Cipher },
  db: Db,
): Promise<Person> {
  const { actor, id, cipher } = options;
  const { version, ...input } = options.input;
  return db.transaction(async (tx) => {
    const found = await findPerson(tx, id, scopeOf(actor), true);
    // An erased person stays erased: nobody writes their names back.
    if (found?.erasedAt) throw new DomainError('person_erased', 'conflict');
    const current = currentVersion(found, version, (row) => presentPerson(row, cipher, seesPersonalData(actor)));
    assertFieldWrites(actor, 'person', input);
    await checkWrite(tx, actor, input);
    const merged = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as PersonRow;
    const row = await updatePersonRow(tx, id, { ...toValues(input, cipher), searchText: personSearchText(merged) });
    await recordAudit(tx, { actor, action: 'update', entity: 'person', entityId: id, unitId: row.unitId, before: auditPerson(current), after: auditPerson(row) });
    return presentPerson(row, cipher, seesPersonalData(actor));
  });
}

/**
 * Deletes a person who has no person-times in the ledger. A stale version is answered with the
 * person as the actor may see them, as a stale save is (not the audit form, which tells every
 * role which personal data is on file).
 */
export async function deletePerson(options: { actor: Actor; id: number; version: number; cipher: Cipher }, db: Db): Promise<void> {
  const { actor, id, version, cipher } = options;
  await db.transaction(async (tx) => {
    const current = currentVersion(await findPerson(tx, id, scopeOf(actor), true), version, (row) => presentPerson(row, cipher, seesPersonalData(actor)));
    await deletePersonRow(tx, id);
    await recordAudit(tx, { actor, action: 'delete', entity: 'person', entityId: id, unitId: current.unitId, before: auditPerson(current) });
  });
}

/** One person within the actor's reach, presented for the actor's role. */
export async function getPerson(options: { actor: Actor; id: number; cipher: Cipher }, db: Db): Promise<Person> {
  const row = await findPerson(db, options.id, scopeOf(options.actor));
  if (!row) throw notFound();
  return presentPerson(row, options.cipher, seesPersonalData(options.actor));
}
