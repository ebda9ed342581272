import type { z } from 'zod';
import type { Db, Queryable } from '../../db/client.ts';
import { currentVersion, invalidFields, notFound, type FieldProblem } from '../../core/errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../../policies/actor.ts';
import { scopeOf, seesPersonalData } from '../../policies/policies.ts';
import { assertFieldWrites } from '../../policies/field-writes.ts';
import type { Cipher } from '../../security/personal-data.ts';
import type { ExpertDocument, ExpertDocumentInput, ExpertDocumentUpdate } from '../../../shared/contracts/appointments.ts';
import { unitContains } from '../units/units.service.ts';
import { expertInReach } from './appointments.repo.ts';
import { auditExpertDocument, presentExpertDocument } from './expert-documents.presenter.ts';
import {
  appointmentUnitOf,
  deleteExpertDocumentRow,
  findExpertDocument,
  insertExpertDocument,
  listExpertDocuments,
  personUnitOf,
  updateExpertDocumentRow,
  type ExpertDocumentRow,
} from './expert-documents.repo.ts';

const ENTITY = 'expert_document';
type Input = z.output<typeof ExpertDocumentInput>;

/**
 * Checks what this actor may write on a person's document (who may write the number, personal
 * data, is a field right: checked on a create's body before the service, on a change here): the appointment must be the person's; a coordinator's document must stay within reach
 * (one of their appointments, or a person of their unit).
 */
async function checkDocument(tx: Queryable, actor: Actor, personId: number, doc: { appointmentId: number | null; number?: string | null }): Promise<void> {
  const problems: FieldProblem[] = [];
  const scope = scopeOf(actor);
  let unit: number | null | undefined;
  if (doc.appointmentId !== null) {
    unit = await appointmentUnitOf(tx, doc.appointmentId, personId);
    if (unit === undefined || (scope !== null && !(await unitContains(tx, scope, unit)))) problems.push({ field: 'appointmentId', reason: 'unknown_reference' });
  } else {
    unit = await personUnitOf(tx, personId);
    if (scope !== null && (unit == null || !(await unitContains(tx, scope, unit)))) problems.push({ field: 'appointmentId', reason: 'required' });
  }
  if (problems.length) throw invalidFields(...problems);
}

async function reload(tx: Queryable, personId: number, id: number): Promise<ExpertDocumentRow> {
  return (await findExpertDocument(tx, personId, id, null))!;
}

/** A person's expert documents within the actor's reach; numbers for roles that may see them. */
export async function listDocumentsOf(options: { actor: Actor; personId: number; cipher: Cipher }, db: Queryable): Promise<ExpertDocument[]> {
  const { actor, personId, cipher } = options;
  if (!(await expertInReach(db, personId, scopeOf(actor)))) throw notFound();
  const rows = await listExpertDocuments(db, personId, scopeOf(actor));
  return rows.map((row) => presentExpertDocument(row, cipher, seesPersonalData(actor)));
}

/** Records a document of one of the actor's experts; its number is encrypted and audited only as set. */
export async function createExpertDocument(options: { actor: Actor; personId: number; input: Input; cipher: Cipher }, db: Db): Promise<ExpertDocument> {
  const { actor, personId, input, cipher } = options;
  return db.transaction(async (tx) => {
    if (!(await expertInReach(tx, personId, scopeOf(actor)))) throw notFound();
    await checkDocument(tx, actor, personId, input);
    const { number, ...fields } = input;
    const id = await insertExpertDocument(tx, { ...fields, personId, numberEnc: cipher.encrypt(number) });
    const row = await reload(tx, personId, id);
    await recordAudit(tx, { actor, action: 'create', entity: ENTITY, entityId: id, unitId: row.unitId, after: auditExpertDocument(row) });
    return presentExpertDocument(row, cipher, seesPersonalData(actor));
  });
}

/** Changes a document, if `version` is current and it is within the actor's reach. */
export async function updateExpertDocument(
  options: { actor: Actor; personId: number; id: number; input: z.output<typeof ExpertDocumentUpdate>; cipher: Cipher },
  db: Db,
): Promise<ExpertDocument> {
  const { actor, personId, id, cipher } = options;
  const { version, number, ...changes } = options.input;
  return db.transaction(async (tx) => {
    const shown = (row: ExpertDocumentRow) => presentExpertDocument(row, cipher, seesPersonalData(actor));
    const current = currentVersion(await findExpertDocument(tx, personId, id, scopeOf(actor), true), version, shown);
    assertFieldWrites(actor, 'expert_document', { number });
    const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Input>;
    const merged = { ...current, ...given };
    if (merged.issuedOn && merged.expiresOn && merged.expiresOn < merged.issuedOn) throw invalidFields({ field: 'expiresOn', reason: 'end_before_start' });
    await checkDocument(tx, actor, personId, { appointmentId: merged.appointmentId, number });
    await updateExpertDocumentRow(tx, id, { ...given, ...(number !== undefined ? { numberEnc: cipher.encrypt(number) } : {}) });
    const row = await reload(tx, personId, id);
    await recordAudit(tx, { actor, action: 'update', entity: ENTITY, entityId: id, unitId: row.unitId, before: auditExpertDocument(current), after: auditExpertDocument(row) });
    return shown(row);
  });
}

/**
 * Deletes a document within the actor's reach. A stale version is answered with the document
 * as the actor may see it, as a stale save is (not the audit form, which tells every role
 * whether a number is on file).
 */
export async function deleteExpertDocument(options: { actor: Actor; personId: number; id: number; version: number; cipher: Cipher }, db: Db): Promise<void> {
  const { actor, personId, id, version, cipher } = options;
  await db.transaction(async (tx) => {
    const shown = (row: ExpertDocumentRow) => presentExpertDocument(row, cipher, seesPersonalData(actor));
    const current = currentVersion(await findExpertDocument(tx, personId, id, scopeOf(actor), true), version, shown);
    await deleteExpertDocumentRow(tx, id);
    await recordAudit(tx, { actor, action: 'delete', entity: ENTITY, entityId: id, unitId: current.unitId, before: auditExpertDocument(current) });
  });
}
