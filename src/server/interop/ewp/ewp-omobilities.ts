/**
 * Outgoing Mobilities API 3.0.0 (get and index), served as the sending institution: our
 * outbound exchange applications once nominated to a partner, each a `student-mobility`. A
 * partner (the receiving institution) sees the mobilities it receives, no other. The student
 * is given by what the spec requires and nothing more (names, identifier, birth date,
 * nationality, gender, email): no passport, no notes, no score.
 */
import { createHash } from 'node:crypto';
import { create } from 'xmlbuilder2';
import type { Queryable } from '../../db/client.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { NS } from './ewp-namespaces.ts';
import { findOmobilities, type OmobilityFilter, type OmobilityRow } from './omobilities.repo.ts';

/** How many `omobility_id` one get request may name (the manifest's `max-omobility-ids`). */
export const MAX_OMOBILITY_IDS = 100;

/** A request EWP calls bad (HTTP 400): the routes answer it with an `<error-response>` carrying the message. */
export class EwpBadRequest extends Error {
  readonly statusCode = 400;
}

/** One value of a parameter that must appear once: a missing or repeated one is a bad request. */
function single(params: URLSearchParams, name: string, required: boolean): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw new EwpBadRequest(`The parameter ${name} may be given once only; it was given ${values.length} times.`);
  if (required && (values.length === 0 || values[0]!.trim() === '')) throw new EwpBadRequest(`The parameter ${name} is required.`);
  return values[0];
}

/** What a get request asks: the ids named, or none when it asks another sending institution (ignored, as EWP's get says). */
export function getParameters(params: URLSearchParams, ourHeiId: string): { omobilityIds: string[] } {
  const sending = single(params, 'sending_hei_id', true)!;
  const ids = params.getAll('omobility_id');
  if (ids.length === 0) throw new EwpBadRequest('The parameter omobility_id is required (one or more).');
  if (ids.length > MAX_OMOBILITY_IDS) throw new EwpBadRequest(`The parameter omobility_id is given ${ids.length} times; this host answers at most ${MAX_OMOBILITY_IDS} (max-omobility-ids).`);
  return { omobilityIds: sending.toLowerCase() === ourHeiId.toLowerCase() ? ids : [] };
}

/** What an index request asks, as a filter; null when it asks for another sending institution (allowed, and answered with no ids). */
export function indexParameters(params: URLSearchParams, ourHeiId: string): Omit<OmobilityFilter, 'callerHeiIds'> | null {
  const sending = single(params, 'sending_hei_id', true)!;
  const receiving = params.getAll('receiving_hei_id');
  const year = single(params, 'receiving_academic_year_id', false);
  const since = single(params, 'modified_since', false);
  const filter: Omit<OmobilityFilter, 'callerHeiIds'> = {};
  if (receiving.length) filter.receivingHeiIds = receiving;
  if (year !== undefined) {
    const match = /^([0-9]{4})\/([0-9]{4})$/.exec(year);
    if (!match) throw new EwpBadRequest(`The parameter receiving_academic_year_id must be an academic year as YYYY/YYYY (e.g. 2025/2026); "${year}" is not.`);
    // Our partners' years are named by their two calendar years; one that does not run over
    // two consecutive years (a southern 2025/2025) matches none of our mobilities.
    filter.academicYear = Number(match[2]) === Number(match[1]) + 1 ? Number(match[1]) : -1;
  }
  if (since !== undefined) {
    const valid = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$/.test(since);
    // xs:dateTime without a time zone is read as UTC.
    const at = valid ? new Date(/(Z|[+-][0-9]{2}:[0-9]{2})$/.test(since) ? since : `${since}Z`) : null;
    if (!at || Number.isNaN(at.getTime())) throw new EwpBadRequest(`The parameter modified_since must be an xs:dateTime (e.g. 2025-02-12T15:19:21+01:00); "${since}" is not.`);
    filter.modifiedSince = at;
  }
  return sending.toLowerCase() === ourHeiId.toLowerCase() ? filter : null;
}

/** A `student-mobility` as EWP 3.0.0 shapes it. */
export interface StudentMobility {
  omobilityId: string;
  student: { givenNames: string; familyName: string; globalId: string; birthDate: string; nationality: string; gender: 0 | 1 | 2 | 9; email: string };
  nomination: {
    sendingHei: { heiId: string; ounitId: string };
    receivingHei: { heiId: string };
    /** Our academic term (`2025/2026-1/2`), or null for a period outside the terms. */
    sendingAcademicTermId: string | null;
    receivingAcademicYearId: string;
    activityAttributes: 'long-term' | 'short-term-doctoral';
    agreementIscedFCode: string;
    eqfLevel: number;
    nomineeIscedFCode: string;
  };
  status: 'pending' | 'approved' | 'cancelled';
}

/** ISO/IEC 5218, as EWP codes the gender: 0 not known, 1 male, 2 female, 9 not applicable. */
const GENDER: Record<string, 0 | 1 | 2 | 9> = { male: 1, female: 2, other: 9, unknown: 0 };

/**
 * A nominated application stays `pending` for the partner until the student has gone (then the
 * partner took them: `approved`); withdrawn after the nomination, it is `cancelled`. A decision
 * the partner sends through EWP's update is not taken in yet.
 */
const STATUS: Record<OmobilityRow['status'], StudentMobility['status']> = { nominated: 'pending', departed: 'approved', returned: 'approved', withdrawn: 'cancelled' };

/** Student Mobility for Studies of at least a term: a semester exchange or a joint graduate programme. */
const LONG_TERM_KINDS = new Set(['semester_exchange', 'joint_graduate']);
/** Short stays for studies, which EWP's studies API carries for doctoral candidates only. */
const SHORT_TERM_KINDS = new Set(['summer_school', 'short_term_training']);

/**
 * Our academic term of a stay from `start` (to `end`): a year runs from September, its first
 * half to January, its second from February; a stay of over six months is the whole year.
 */
export function sendingAcademicTerm(start: string, end: string | null): string {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const first = m >= 8 ? y : y - 1;
  const year = `${first}/${first + 1}`;
  if (end && (Date.parse(end) - Date.parse(start)) / 86_400_000 > 183) return `${year}-1/1`;
  return m >= 8 || m === 1 ? `${year}-1/2` : `${year}-2/2`;
}

/**
 * An application as a `student-mobility`, or null when it cannot be one: not a mobility for
 * studies EWP describes (a clinical elective is a traineeship, a degree study no exchange), or
 * missing what the spec requires (the student's birth date, nationality or email, the fields of
 * education, the EQF level, the dates of a term's stay). Index and get both leave such out, so
 * that every id the index lists can be got.
 */
export function studentMobility(row: OmobilityRow, context: { heiId: string; cipher: Cipher }): StudentMobility | null {
  const birthDate = context.cipher.decrypt(row.birthDateEnc);
  const start = row.departureDate ?? row.startsOn;
  const end = row.returnDate ?? row.endsOn;
  const activity = LONG_TERM_KINDS.has(row.kind) ? 'long-term' : SHORT_TERM_KINDS.has(row.kind) && row.eqfLevel === 8 ? 'short-term-doctoral' : null;
  if (!activity || (activity === 'long-term' && !start)) return null;
  if (!birthDate || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(birthDate) || !row.nationality || !/^[A-Z]{2}$/.test(row.nationality)) return null;
  if (!row.email || !/^[^@]+@[^.]+\..+$/.test(row.email) || !row.agreementIscedFCode || !row.nomineeIscedFCode || row.eqfLevel === null) return null;
  return {
    omobilityId: row.omobilityId,
    student: {
      givenNames: row.givenName ?? '',
      familyName: row.familyName,
      // The European Student Identifier's international form: our SCHAC code and the person's number here.
      globalId: `urn:schac:personalUniqueCode:int:esi:${context.heiId}:${row.personId}`,
      birthDate,
      nationality: row.nationality,
      gender: GENDER[row.gender ?? 'unknown'] ?? 0,
      email: row.email,
    },
    nomination: {
      sendingHei: { heiId: context.heiId, ounitId: String(row.sendingUnitId) },
      receivingHei: { heiId: row.receivingHeiId },
      sendingAcademicTermId: activity === 'long-term' ? sendingAcademicTerm(start!, end) : null,
      receivingAcademicYearId: `${row.academicYear}/${row.academicYear + 1}`,
      activityAttributes: activity,
      agreementIscedFCode: row.agreementIscedFCode,
      eqfLevel: row.eqfLevel,
      nomineeIscedFCode: row.nomineeIscedFCode,
    },
    status: STATUS[row.status],
  };
}

/** The nomination's `proposal-id`: a digest of its content, so that it changes exactly when the content does. */
export function proposalId(nomination: StudentMobility['nomination']): string {
  const n = nomination;
  const content = [n.sendingHei.heiId, n.sendingHei.ounitId, n.receivingHei.heiId, n.sendingAcademicTermId ?? 'non-standard', n.receivingAcademicYearId, 'student-studies', n.activityAttributes, n.agreementIscedFCode, n.eqfLevel, n.nomineeIscedFCode];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

const G = NS.omobilitiesGet;

/** The get response: each mobility as `omobilities-get-response` 3.0.0 lists it. */
export function omobilitiesGetXml(mobilities: readonly StudentMobility[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(G, 'omobilities-get-response');
  for (const m of mobilities) {
    const sm = root.ele(G, 'student-mobility');
    sm.ele(G, 'omobility-id').txt(m.omobilityId);
    const s = sm.ele(G, 'student');
    s.ele(G, 'given-names').txt(m.student.givenNames);
    s.ele(G, 'family-name').txt(m.student.familyName);
    s.ele(G, 'global-id').txt(m.student.globalId);
    s.ele(G, 'birth-date').txt(m.student.birthDate);
    s.ele(G, 'nationality').txt(m.student.nationality);
    s.ele(G, 'gender').txt(String(m.student.gender));
    s.ele(G, 'email').txt(m.student.email);
    const n = m.nomination;
    const nomination = sm.ele(G, 'nomination').att('proposal-id', proposalId(n));
    const sending = nomination.ele(G, 'sending-hei');
    sending.ele(G, 'hei-id').txt(n.sendingHei.heiId);
    sending.ele(G, 'ounit-id').txt(n.sendingHei.ounitId);
    nomination.ele(G, 'receiving-hei').ele(G, 'hei-id').txt(n.receivingHei.heiId);
    if (n.sendingAcademicTermId) nomination.ele(G, 'sending-academic-term-ewp-id').txt(n.sendingAcademicTermId);
    else nomination.ele(G, 'non-standard-mobility-period');
    nomination.ele(G, 'receiving-academic-year-id').txt(n.receivingAcademicYearId);
    nomination.ele(G, 'activity-type').txt('student-studies');
    nomination.ele(G, 'activity-attributes').txt(n.activityAttributes);
    nomination.ele(G, 'agreement-isced-f-code').txt(n.agreementIscedFCode);
    nomination.ele(G, 'eqf-level-studied-at-departure').txt(String(n.eqfLevel));
    nomination.ele(G, 'nominee-isced-f-code').txt(n.nomineeIscedFCode);
    sm.ele(G, 'status').txt(m.status);
  }
  return root.end({ prettyPrint: true });
}

/** The index response: the ids, in order. */
export function omobilitiesIndexXml(ids: readonly string[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS.omobilitiesIndex, 'omobilities-index-response');
  for (const id of ids) root.ele(NS.omobilitiesIndex, 'omobility-id').txt(id);
  return root.end({ prettyPrint: true });
}

interface AnswerContext {
  db: Queryable;
  cipher: Cipher;
  /** Our SCHAC code (`ewp.heiId`). */
  heiId: string;
  /** The institutions the caller's key covers. */
  callerHeiIds: readonly string[];
}

/** The mobilities the caller may see under the filter, those EWP can describe. */
async function visibleMobilities(context: AnswerContext, filter: Omit<OmobilityFilter, 'callerHeiIds'>): Promise<StudentMobility[]> {
  const rows = await findOmobilities(context.db, { ...filter, callerHeiIds: context.callerHeiIds });
  return rows.map((row) => studentMobility(row, context)).filter((m): m is StudentMobility => m !== null);
}

/** get: the named mobilities the caller receives; an unknown id, or one it may not see, is left out. */
export async function omobilitiesGetAnswer(context: AnswerContext, params: URLSearchParams): Promise<string> {
  const { omobilityIds } = getParameters(params, context.heiId);
  return omobilitiesGetXml(omobilityIds.length ? await visibleMobilities(context, { omobilityIds }) : []);
}

/** index: the ids of the mobilities the caller receives, narrowed by the request's filters. */
export async function omobilitiesIndexAnswer(context: AnswerContext, params: URLSearchParams): Promise<string> {
  const filter = indexParameters(params, context.heiId);
  return omobilitiesIndexXml(filter ? (await visibleMobilities(context, filter)).map((m) => m.omobilityId) : []);
}

/** update: nomination decisions sent by a receiving institution are not taken in yet; the request is refused as not understood. */
export function omobilitiesUpdateRefusal(): never {
  throw new EwpBadRequest('This host does not accept nomination decisions through EWP yet: write to the administrator named in its manifest.');
}
