/**
 * Undoing an import as a whole: every record it created is deleted and every record it updated
 * gets its values before the import back, each through its own service (the person-times leave
 * or return to the ledger with them, each write audited), provided none has changed since;
 * otherwise the undo names the records that changed and writes nothing.
 */
import { DomainError, notFound, type FieldProblem } from '../../core/errors.ts';
import { requestContext, type RequestContext } from '../../core/request-context.ts';
import type { Queryable } from '../../db/client.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { deleteAgreement } from '../agreements/agreements.service.ts';
import { deleteInstitution } from '../institutions/institutions.service.ts';
import { deletePerson } from '../people/people.service.ts';
import { deleteImportedVisit } from '../visits/visits.service.ts';
import { deleteImportedMission } from '../missions/missions.service.ts';
import { deleteImportedAppointment } from '../appointments/appointments.service.ts';
import { deleteHonour } from '../honours/honours.service.ts';
import { deleteAggregate } from '../ledger/aggregates.service.ts';
import { deleteImportedEnrolment } from '../students/students.service.ts';
import { deleteImportedApplication } from '../exchanges/exchanges.service.ts';
import { deleteImportedPlacement, deleteImportedStudent } from '../programmes/programme-students.service.ts';
import { removeImportedAttendees } from '../conferences/attendees.service.ts';
import type { WrittenRecord } from './import-adapters.ts';
import { IMPORT_KINDS, type ImportKindName } from '../../../shared/contracts/imports.ts';
import { savepoints } from './import-savepoints.ts';
import { restoreRecord } from './import-restore.ts';
import { findImport, markUndone, recordVersions, type ImportRow } from './imports.repo.ts';
import { keptRecords, TABLES } from './import-written.ts';

/** A record without its values before (an answer or an audit row names the record, not its old values). */
export function withoutBefore<R extends WrittenRecord>(record: R): Omit<R, 'before'> {
  const { before: _before, ...rest } = record;
  return rest;
}

/** An import as answered: its records (from import_records, or its outcome before migration 0049) without their values before. */
async function presented(db: Queryable, row: ImportRow): Promise<ImportRow> {
  const records = await keptRecords(db, row);
  const { recordRuns: _runs, ...outcome } = row.outcome;
  return records ? { ...row, outcome: { ...outcome, records: records.map(withoutBefore) } } : row;
}

/** An import as its page shows it: the file, who, when, what it wrote, whether it was undone. */
export async function getImport(ctx: RequestContext, options: { id: number }): Promise<ImportRow> {
  const row = await findImport(ctx, options.id);
  if (!row) throw notFound();
  return presented(ctx, row);
}

const isForeignKeyViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23503';

/**
 * Undoes an import in one transaction, newest record first (a visit before its new visitors):
 * what it created deleted, what it updated given back its values before. Refused, writing
 * nothing, when the import was undone already, when it updated a record without keeping its
 * values before (an import older than that), or when a record it wrote has changed or been
 * used since (each named as `<entity>.<id>`).
 */
export async function undoImport(ctx: RequestContext, options: { id: number; cipher: Cipher }): Promise<ImportRow> {
  return ctx.transaction(async (tx) => {
    const row = await findImport(tx, options.id, true);
    if (!row) throw notFound();
    if (row.undoneAt) throw new DomainError('import_undone', 'conflict');
    const records = await keptRecords(tx, row);
    if (!records) throw new DomainError('import_not_undoable', 'conflict');
    const updated = records.filter((r) => r.action === 'updated');
    const unkept = updated.filter((r) => !r.before);
    if (unkept.length) throw new DomainError('import_not_undoable', 'conflict', { fields: unkept.map((r) => ({ field: `${r.entity}.${r.id}`, reason: 'updated_by_import' })) });
    const changed: FieldProblem[] = [];
    for (const entity of new Set(records.map((r) => r.entity))) {
      const mine = records.filter((r) => r.entity === entity);
      const now = await recordVersions(tx, TABLES[entity], mine.map((r) => r.id));
      for (const r of mine) {
        const version = now.get(r.id);
        if (version !== r.version) changed.push({ field: `${r.entity}.${r.id}`, reason: version === undefined ? 'deleted_since_import' : 'changed_since_import' });
      }
    }
    if (changed.length) throw new DomainError('import_changed', 'conflict', { fields: changed });

    const inner = requestContext(ctx.actor, savepoints(tx, ctx.db.engine), ctx.locale);
    // A file's attendees are removed together: each conference's list and ledger rows rewritten once, not once per attendee.
    const attendees = records.filter((r) => r.entity === 'conference_attendee' && r.action === 'created').map((r) => r.id);
    if (attendees.length) await removeImportedAttendees(inner, { ids: attendees });
    for (const r of [...records].reverse()) {
      if (r.entity === 'conference_attendee' && r.action === 'created') continue;
      const target = { id: r.id, version: r.version };
      try {
        if (r.action === 'updated') await restoreRecord(inner, { ...r, before: r.before! }, options.cipher);
        else if (r.entity === 'visit') await deleteImportedVisit(inner, target);
        else if (r.entity === 'mission') await deleteImportedMission(inner, target);
        else if (r.entity === 'appointment') await deleteImportedAppointment(inner, target);
        else if (r.entity === 'honour') await deleteHonour(inner, target);
        else if (r.entity === 'aggregate') await deleteAggregate(inner, target);
        else if (r.entity === 'student') await deleteImportedEnrolment(inner, target);
        else if (r.entity === 'exchange_application') await deleteImportedApplication(inner, target);
        else if (r.entity === 'programme_student') await deleteImportedStudent(inner, target);
        else if (r.entity === 'residency_placement') await deleteImportedPlacement(inner, target);
        else if (r.entity === 'person') await deletePerson(inner, { ...target, cipher: options.cipher });
        else if (r.entity === 'institution') await deleteInstitution(inner, target);
        else await deleteAgreement(inner, target);
      } catch (error) {
        // Another record refers to it now (a person put on another visit since).
        if (isForeignKeyViolation(error)) throw new DomainError('import_changed', 'conflict', { fields: [{ field: `${r.entity}.${r.id}`, reason: 'used_since_import' }] });
        throw error;
      }
    }
    await markUndone(tx, row.id, ctx.actor.userId || null);
    const after = (await findImport(tx, row.id))!;
    await tx.audit({ action: 'update', entity: `${IMPORT_KINDS[row.kind as ImportKindName]?.entity ?? row.kind}_import`, entityId: row.id, unitId: tx.scope, before: { undoneAt: null }, after: { undoneAt: after.undoneAt, deleted: records.filter((r) => r.action === 'created').map(({ entity, id }) => ({ entity, id })), restored: updated.map(({ entity, id }) => ({ entity, id })) } });
    return presented(tx, after);
  });
}
