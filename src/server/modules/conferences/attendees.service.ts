import { changedBy } from '../../core/unchanged-write.ts';
import type { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { DomainError, invalidFields, notFound } from '../../core/errors.ts';
import { recordAudits } from '../../audit/record-audit.ts';
import type { RequestContext, Scoped, TxContext } from '../../core/request-context.ts';
import { officeToday } from '../../../shared/calendar.ts';
import {
  type Attendee,
  type AttendeeInput,
  type AttendeeUpdate,
  type Conference,
} from '../../../shared/contracts/conferences.ts';
import { isExpertInReach } from '../appointments/appointments.service.ts';
import { findConference, listConferences, updateConferenceRow } from './conferences.repo.ts';
import { conferenceForWrite, reloadConference, writeConferenceLedger } from './conferences.service.ts';
import {
  attendeesByIds,
  deleteAttendeeRow,
  deleteAttendeeRows,
  findAttendee,
  insertAttendees,
  listAttendees,
  personNationality,
  updateAttendeeRow,
  type AttendeeValues,
} from './attendees.repo.ts';
import { isForeignAttendee } from './conferences.rules.ts';

/** The attendee list of a conference within the actor's reach. */
export async function getAttendees(ctx: Scoped, options: { id: number }): Promise<Attendee[]> {
  if (!(await findConference(ctx, options.id, officeToday()))) throw notFound();
  return listAttendees(ctx, options.id);
}

/** One attendee of a conference within the actor's reach. */
export async function getAttendee(ctx: Scoped, options: { id: number; attendeeId: number }): Promise<Attendee> {
  if (!(await findConference(ctx, options.id, officeToday()))) throw notFound();
  const row = await findAttendee(ctx, options.id, options.attendeeId);
  if (!row) throw notFound();
  return row;
}

/**
 * The stored form of an attendee: a linked person must be one of the actor's people (or
 * experts); whether they are foreign follows from the country given, else the person's nationality.
 */
async function attendeeValues(tx: TxContext, a: Omit<AttendeeValues, 'isForeign'>): Promise<AttendeeValues> {
  let nationality: string | null = null;
  if (a.personId !== null) {
    const found = (await isExpertInReach(tx, a.personId)) ? await personNationality(tx, a.personId) : undefined;
    if (found === undefined) throw invalidFields({ field: 'personId', reason: 'unknown_reference' });
    nationality = found;
  }
  return { ...a, isForeign: isForeignAttendee(a.countryCode, nationality) };
}

/** After a change to the list: the conference's version moves on, its ledger rows follow. */
async function afterListChange(tx: Queryable, id: number): Promise<Conference> {
  await updateConferenceRow(tx, id, {});
  const row = await reloadConference(tx, id);
  await writeConferenceLedger(tx, row);
  return row;
}

/** Adds one attendee to a conference's list (at the conference's `version`). */
export async function addAttendee(ctx: RequestContext, options: { id: number; input: z.output<typeof AttendeeInput> }): Promise<Attendee> {
  const { version, ...input } = options.input;
  const [row] = await addAttendees(ctx, { id: options.id, version, inputs: [input] });
  return row!;
}

/**
 * Adds attendees to a conference's list, after its last, at the conference's `version`: one
 * typed on its page, or a file's (import-attendees.ts), in one transaction, the conference's
 * version moved on and its ledger rows rewritten once, each attendee audited. A refusal names
 * the attendee by its index among `inputs` when there are several (`<index>.<field>`).
 */
export async function addAttendees(
  ctx: RequestContext,
  options: { id: number; version: number; inputs: Array<Omit<z.output<typeof AttendeeInput>, 'version'>> },
): Promise<Attendee[]> {
  const { id, version, inputs } = options;
  return ctx.transaction(async (tx) => {
    const conference = await conferenceForWrite(tx, id, version);
    const values: AttendeeValues[] = [];
    for (const [index, input] of inputs.entries()) {
      try {
        values.push(await attendeeValues(tx, input));
      } catch (error) {
        if (inputs.length === 1 || !(error instanceof DomainError && error.extra.fields?.length)) throw error;
        throw new DomainError(error.code, error.kind, { ...error.extra, fields: error.extra.fields.map((f) => ({ ...f, field: `${index}.${f.field}` })) });
      }
    }
    const ids = await insertAttendees(tx, id, values);
    await afterListChange(tx, id);
    const rows = await attendeesByIds(tx, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const added = ids.map((attendeeId) => byId.get(attendeeId)!);
    if (added.length === 1) await tx.audit({ action: 'create', entity: 'conference_attendee', entityId: added[0]!.id, unitId: conference.hostUnitId, after: added[0] });
    else await recordAudits(tx, tx.actor, added.map((row) => ({ action: 'create', entity: 'conference_attendee', entityId: row.id, unitId: conference.hostUnitId, after: row })));
    return added;
  });
}

/** Changes one attendee (links them to a person we know, corrects a country …), at the conference's `version`. */
export async function updateAttendee(
  ctx: RequestContext,
  options: { id: number; attendeeId: number; input: z.output<typeof AttendeeUpdate> },
): Promise<Attendee> {
  const { id, attendeeId } = options;
  const { version, ...changes } = options.input;
  return ctx.transaction(async (tx) => {
    const conference = await conferenceForWrite(tx, id, version);
    const current = await findAttendee(tx, id, attendeeId);
    if (!current) throw notFound();
    const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<AttendeeValues>;
    const { id: _id, conferenceId: _c, isForeign: _f, ...stored } = current;
    const row = await changedBy(tx, current, async () => {
      await updateAttendeeRow(tx, attendeeId, await attendeeValues(tx, { ...stored, ...given }));
      return (await findAttendee(tx, id, attendeeId))!;
    });
    if (!row) return current;
    await afterListChange(tx, id);
    await tx.audit({ action: 'update', entity: 'conference_attendee', entityId: attendeeId, unitId: conference.hostUnitId, before: current, after: row });
    return row;
  });
}

/** Removes one attendee, at the conference's `version`. */
export async function removeAttendee(ctx: RequestContext, options: { id: number; attendeeId: number; version: number }): Promise<void> {
  const { id, attendeeId, version } = options;
  await ctx.transaction(async (tx) => {
    const conference = await conferenceForWrite(tx, id, version);
    const current = await findAttendee(tx, id, attendeeId);
    if (!current) throw notFound();
    await deleteAttendeeRow(tx, attendeeId);
    await afterListChange(tx, id);
    await tx.audit({ action: 'delete', entity: 'conference_attendee', entityId: attendeeId, unitId: conference.hostUnitId, before: current });
  });
}

/**
 * Removes attendees an import added, whatever their conference's version now (the import's undo
 * has checked that none changed since): each conference's version moves on and its ledger
 * rows are rewritten once, each removal audited. A conference out of the caller's reach: 404.
 */
export async function removeImportedAttendees(ctx: RequestContext, options: { ids: number[] }): Promise<void> {
  await ctx.transaction(async (tx) => {
    const rows = await attendeesByIds(tx, options.ids);
    for (const conferenceId of new Set(rows.map((r) => r.conferenceId))) {
      const conference = await findConference(tx, conferenceId, officeToday(), true);
      if (!conference) throw notFound();
      const mine = rows.filter((r) => r.conferenceId === conferenceId);
      await deleteAttendeeRows(tx, mine.map((r) => r.id));
      await afterListChange(tx, conferenceId);
      await recordAudits(tx, tx.actor, mine.map((row) => ({ action: 'delete', entity: 'conference_attendee', entityId: row.id, unitId: conference.hostUnitId, before: row })));
    }
  });
}

/**
 * The attendees of the conferences a list's filters select (within the caller's reach), each with
 * its conference: what the attendees' export for import writes. At most `max` conferences are read
 * (`total` is more than the rows when the filters select more).
 */
export async function listAttendeesForExport(
  ctx: Scoped,
  options: { query: Omit<Parameters<typeof listConferences>[2], 'page' | 'pageSize'>; max: number },
): Promise<{ rows: Array<{ conference: Conference; attendee: Attendee }>; total: number }> {
  const { asOf, ...query } = options.query as typeof options.query & { asOf?: string };
  const page = await listConferences(ctx, asOf ?? officeToday(), { ...query, page: 1, pageSize: options.max });
  const rows: Array<{ conference: Conference; attendee: Attendee }> = [];
  for (const conference of page.rows) for (const attendee of await listAttendees(ctx, conference.id)) rows.push({ conference, attendee });
  // `total` counts the conferences left out, if any, as rows missing: a list cut short is refused, never exported.
  return { rows, total: rows.length + Math.max(0, page.total - page.rows.length) };
}
