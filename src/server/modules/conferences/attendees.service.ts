import { changedBy } from '../../core/unchanged-write.ts';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { invalidFields, notFound, type FieldProblem } from '../../core/errors.ts';
import type { RequestContext, Scoped, TxContext } from '../../core/request-context.ts';
import { officeToday } from '../../../shared/calendar.ts';
import {
  ATTENDEE_IMPORT_MAX_ROWS,
  type Attendee,
  type AttendeeImportResult,
  type AttendeeInput,
  type AttendeeUpdate,
  type Conference,
} from '../../../shared/contracts/conferences.ts';
import { isExpertInReach } from '../appointments/appointments.service.ts';
import { findConference, updateConferenceRow } from './conferences.repo.ts';
import { conferenceForWrite, ENTITY, reloadConference, writeConferenceLedger } from './conferences.service.ts';
import {
  countryNames,
  deleteAttendeeRow,
  findAttendee,
  insertAttendee,
  institutionsNamed,
  listAttendees,
  personNationality,
  replaceAttendees,
  updateAttendeeRow,
  type AttendeeValues,
} from './attendees.repo.ts';
import {
  countryResolver,
  isForeignAttendee,
  mapHeaders,
  MAX_REPORTED_PROBLEMS,
  parseAttendeeRow,
  type AttendeeColumn,
  type ParsedAttendee,
} from './attendee-import.ts';
import { sheetRows } from './attendee-sheet.ts';

/** An attendee list as the audit log keeps it: one compact line per attendee. */
const auditedList = (list: Array<Pick<Attendee, 'fullName' | 'countryCode' | 'institutionName' | 'role' | 'personId'>>) =>
  list.map((a) => [a.fullName, a.countryCode, a.institutionName, a.role, a.personId]);

/** The attendee list of a conference within the actor's reach. */
export async function getAttendees(ctx: Scoped, options: { id: number }): Promise<Attendee[]> {
  if (!(await findConference(ctx, options.id, officeToday()))) throw notFound();
  return listAttendees(ctx, options.id);
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
  const { id } = options;
  const { version, ...input } = options.input;
  return ctx.transaction(async (tx) => {
    const conference = await conferenceForWrite(tx, id, version);
    const attendeeId = await insertAttendee(tx, id, await attendeeValues(tx, input));
    await afterListChange(tx, id);
    const row = (await findAttendee(tx, id, attendeeId))!;
    await tx.audit({ action: 'create', entity: 'conference_attendee', entityId: attendeeId, unitId: conference.hostUnitId, after: row });
    return row;
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
 * Reads an attendee list file whole before anything is written: the first non-empty row is
 * the header; every bad row is named (`rows.<row>.<column>`, the first hundred); more than
 * 20,000 attendees stop the reading.
 */
async function readAttendeeFile(db: Queryable, content: Buffer): Promise<ParsedAttendee[]> {
  const resolveCountry = countryResolver(await countryNames(db));
  const attendees: ParsedAttendee[] = [];
  const problems: FieldProblem[] = [];
  let columns: Map<AttendeeColumn, number> | null = null;
  let dataRows = 0;
  for await (const row of sheetRows(content)) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    if (!columns) {
      const header = mapHeaders(row.cells);
      if (header.problems.length) throw invalidFields(...header.problems);
      columns = header.columns;
      continue;
    }
    dataRows += 1;
    if (dataRows > ATTENDEE_IMPORT_MAX_ROWS) throw invalidFields({ field: 'file', reason: 'too_many_rows' });
    const parsed = parseAttendeeRow(row, columns, resolveCountry);
    if (parsed.attendee) attendees.push(parsed.attendee);
    else if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(...parsed.problems);
  }
  if (problems.length) throw invalidFields(...problems.slice(0, MAX_REPORTED_PROBLEMS));
  if (!attendees.length) throw invalidFields({ field: 'file', reason: 'no_rows' });
  return attendees;
}

/**
 * Replaces a conference's attendee list with a spreadsheet's (xlsx or CSV): all or nothing.
 * Any bad row answers 400 naming it and writes nothing; a good file replaces the list, the
 * ledger rows and the audit row in one transaction. Institutions are linked where a name
 * matches exactly one we know.
 */
export async function importAttendees(
  ctx: RequestContext,
  options: { id: number; version: number; fileName: string; content: Buffer },
): Promise<AttendeeImportResult> {
  const { id, version, fileName, content } = options;
  // Another unit's conference is not there, whatever the file holds.
  if (!(await findConference(ctx, id, officeToday()))) throw notFound();
  const parsed = await readAttendeeFile(ctx, content);
  const institutions = await institutionsNamed(ctx, [...new Set(parsed.map((a) => a.institutionName).filter((n): n is string => n !== null))]);
  const attendees: AttendeeValues[] = parsed.map((a) => {
    const ids = a.institutionName ? institutions.get(a.institutionName) : undefined;
    return {
      personId: null,
      fullName: a.fullName,
      institutionId: ids?.length === 1 ? ids[0]! : null,
      institutionName: a.institutionName,
      countryCode: a.countryCode,
      role: a.role,
      isForeign: isForeignAttendee(a.countryCode),
    };
  });
  return ctx.transaction(async (tx) => {
    await conferenceForWrite(tx, id, version);
    const before = await listAttendees(tx, id);
    await replaceAttendees(tx, id, attendees);
    const conference = await afterListChange(tx, id);
    const sha256 = createHash('sha256').update(content).digest('hex');
    await tx.audit({
      action: 'update',
      entity: ENTITY,
      entityId: id,
      unitId: conference.hostUnitId,
      before: { attendees: auditedList(before) },
      after: { attendees: auditedList(attendees), imported: { fileName, sha256, rows: attendees.length } },
    });
    return {
      attendees: attendees.length,
      foreign: conference.foreignAttendeeCount,
      countries: conference.attendeeCountries,
      conference,
    };
  });
}
