/**
 * What an import keeps of each record it updates (the values the update wrote over) and how an
 * undo writes them back: through the record's own update service, like any change, so its
 * field rights, ledger rows, version and audit follow.
 */
import { DomainError, parseOrThrow } from '../../core/errors.ts';
import { AttendeeUpdate } from '../../../shared/contracts/conferences.ts';
import { updateAttendee } from '../conferences/attendees.service.ts';
import { getConference } from '../conferences/conferences.service.ts';
import type { RequestContext } from '../../core/request-context.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { AgreementUpdate } from '../../../shared/contracts/agreements.ts';
import { AppointmentUpdate } from '../../../shared/contracts/appointments.ts';
import { HonourUpdate } from '../../../shared/contracts/honours.ts';
import { InstitutionUpdate } from '../../../shared/contracts/institutions.ts';
import { AggregateUpdate } from '../../../shared/contracts/ledger.ts';
import { PersonUpdate } from '../../../shared/contracts/people.ts';
import { StudentEnrolmentUpdate } from '../../../shared/contracts/students.ts';
import { updateAgreement } from '../agreements/agreements.service.ts';
import { updateAppointment } from '../appointments/appointments.service.ts';
import { updateHonour } from '../honours/honours.service.ts';
import { updateInstitution } from '../institutions/institutions.service.ts';
import { updateAggregate } from '../ledger/aggregates.service.ts';
import { updatePerson } from '../people/people.service.ts';
import { updateEnrolment } from '../students/students.service.ts';
import type { WrittenEntity } from './import-adapters.ts';

/**
 * The values of `current` (the record as its service reads it) that an update's parsed `input`
 * is about to write over: what an undo writes back. A field the reader does not show is left out.
 */
export function valuesBefore(current: object, input: Record<string, unknown>): Record<string, unknown> {
  const now = current as Record<string, unknown>;
  return Object.fromEntries(Object.keys(input).filter((k) => k !== 'version' && input[k] !== undefined && k in now).map((k) => [k, now[k] ?? null]));
}

/** A person's personal data, kept encrypted in the import's row as in the person's (never in clear in its JSON). */
const PERSONAL = ['birthDate', 'passportNumber'] as const;

/** `before` with a person's personal data encrypted by `cipher`. */
export function sealPersonalData(before: Record<string, unknown>, cipher: Cipher): Record<string, unknown> {
  const out = { ...before };
  for (const k of PERSONAL) if (typeof out[k] === 'string') out[k] = cipher.encrypt(out[k]);
  return out;
}

function openPersonalData(before: Record<string, unknown>, cipher: Cipher): Record<string, unknown> {
  const out = { ...before };
  for (const k of PERSONAL) if (typeof out[k] === 'string') out[k] = cipher.decrypt(out[k]);
  return out;
}

/**
 * Writes `before` back over a record an import updated, at `version` (the one the import left
 * it at: a change since is refused by the service as stale). A refusal names the record's fields
 * as `<entity>.<id>.<field>`.
 */
export async function restoreRecord(ctx: RequestContext, record: { entity: WrittenEntity; id: number; version: number; before: Record<string, unknown> }, cipher: Cipher): Promise<void> {
  const { entity, id } = record;
  const input = { ...record.before, version: record.version };
  try {
    if (entity === 'institution') await updateInstitution(ctx, { id, input: parseOrThrow(InstitutionUpdate, input) });
    else if (entity === 'person') await updatePerson(ctx, { id, input: parseOrThrow(PersonUpdate, openPersonalData(input, cipher)), cipher });
    else if (entity === 'agreement') await updateAgreement(ctx, { id, input: parseOrThrow(AgreementUpdate, input) });
    else if (entity === 'aggregate') await updateAggregate(ctx, { id, input: parseOrThrow(AggregateUpdate, input) });
    else if (entity === 'appointment') await updateAppointment(ctx, { id, input: parseOrThrow(AppointmentUpdate, input) });
    else if (entity === 'honour') await updateHonour(ctx, { id, input: parseOrThrow(HonourUpdate, input) });
    else if (entity === 'student') await updateEnrolment(ctx, { id, input: parseOrThrow(StudentEnrolmentUpdate, input) });
    else if (entity === 'conference_attendee') {
      // An attendee is changed at its conference's version (the undo has checked the attendee itself is as the import left it).
      const { conferenceId, ...fields } = record.before as { conferenceId: number } & Record<string, unknown>;
      const conference = await getConference(ctx, { id: conferenceId });
      await updateAttendee(ctx, { id: conferenceId, attendeeId: id, input: parseOrThrow(AttendeeUpdate, { ...fields, version: conference.version }) });
    }
    else throw new Error(`an import never updates a ${entity}`);
  } catch (error) {
    if (error instanceof DomainError && error.extra.fields?.length)
      throw new DomainError(error.code, error.kind, { ...error.extra, fields: error.extra.fields.map((f) => ({ ...f, field: `${entity}.${id}.${f.field}` })) });
    throw error;
  }
}
