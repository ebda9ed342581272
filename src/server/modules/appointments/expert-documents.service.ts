import { changedBy } from '../../core/unchanged-write.ts';
import type { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { currentVersion, invalidFields, notFound, type FieldProblem } from '../../core/errors.ts';
import { unscoped, type RequestContext, type Scoped } from '../../core/request-context.ts';
import { seesPersonalData } from '../../policies/policies.ts';
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
async function checkDocument(tx: Scoped, personId: number, doc: { appointmentId: number | null; number?: string | null }): Promise<void> {
  const problems: FieldProblem[] = [];
  const { scope } = tx;
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
  return (await findExpertDocument(unscoped(tx), personId, id))!;
}

/** A person's expert documents within the actor's reach; numbers for roles that may see them. */
export async function listDocumentsOf(ctx: RequestContext, options: { personId: number; cipher: Cipher }): Promise<ExpertDocument[]> {
  const { personId, cipher } = options;
  if (!(await expertInReach(ctx, personId))) throw notFound();
  const rows = await listExpertDocuments(ctx, personId);
  return rows.map((row) => presentExpertDocument(row, cipher, seesPersonalData(ctx.actor)));
}

/** Records a document of one of the actor's experts; its number is encrypted and audited only as set. */
export async function createExpertDocument(ctx: RequestContext, options: { personId: number; input: Input; cipher: Cipher }): Promise<ExpertDocument> {
  const { personId, input, cipher } = options;
  const { actor } = ctx;
  return ctx.transaction(async (tx) => {
    if (!(await expertInReach(tx, personId))) throw notFound();
    await checkDocument(tx, personId, input);
    const { number, ...fields } = input;
    const id = await insertExpertDocument(tx, { ...fields, personId, numberEnc: cipher.encrypt(number) });
    const row = await reload(tx, personId, id);
    await tx.audit({ action: 'create', entity: ENTITY, entityId: id, unitId: row.unitId, after: auditExpertDocument(row) });
    return presentExpertDocument(row, cipher, seesPersonalData(actor));
  });
}

/** Changes a document, if `version` is current and it is within the actor's reach. */
export async function updateExpertDocument(
  ctx: RequestContext,
  options: { personId: number; id: number; input: z.output<typeof ExpertDocumentUpdate>; cipher: Cipher },
): Promise<ExpertDocument> {
  const { personId, id, cipher } = options;
  const { version, number, ...changes } = options.input;
  const { actor } = ctx;
  return ctx.transaction(async (tx) => {
    const shown = (row: ExpertDocumentRow) => presentExpertDocument(row, cipher, seesPersonalData(actor));
    const current = currentVersion(await findExpertDocument(tx, personId, id, true), version, shown);
    assertFieldWrites(actor, 'expert_document', { number });
    const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Input>;
    const merged = { ...current, ...given };
    if (merged.issuedOn && merged.expiresOn && merged.expiresOn < merged.issuedOn) throw invalidFields({ field: 'expiresOn', reason: 'end_before_start' });
    await checkDocument(tx, personId, { appointmentId: merged.appointmentId, number });
    // Compared decrypted: a number saved again is encrypted afresh, yet unchanged.
    const decrypted = (row: ExpertDocumentRow) => presentExpertDocument(row, cipher, true);
    const row = await changedBy(
      tx,
      current,
      async () => {
        await updateExpertDocumentRow(tx, id, { ...given, ...(number !== undefined ? { numberEnc: cipher.encrypt(number) } : {}) });
        return reload(tx, personId, id);
      },
      decrypted,
    );
    if (!row) return shown(current);
    await tx.audit({ action: 'update', entity: ENTITY, entityId: id, unitId: row.unitId, before: auditExpertDocument(current), after: auditExpertDocument(row) });
    return shown(row);
  });
}

/**
 * Deletes a document within the actor's reach. A stale version is answered with the document
 * as the actor may see it, as a stale save is (not the audit form, which tells every role
 * whether a number is on file).
 */
export async function deleteExpertDocument(ctx: RequestContext, options: { personId: number; id: number; version: number; cipher: Cipher }): Promise<void> {
  const { personId, id, version, cipher } = options;
  const { actor } = ctx;
  await ctx.transaction(async (tx) => {
    const shown = (row: ExpertDocumentRow) => presentExpertDocument(row, cipher, seesPersonalData(actor));
    const current = currentVersion(await findExpertDocument(tx, personId, id, true), version, shown);
    await deleteExpertDocumentRow(tx, id);
    await tx.audit({ action: 'delete', entity: ENTITY, entityId: id, unitId: current.unitId, before: auditExpertDocument(current) });
  });
}
