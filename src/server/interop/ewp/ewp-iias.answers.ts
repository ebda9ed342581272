/**
 * What the IIAs 7.0.0 endpoints answer a signed partner: the request's parameters checked (400
 * naming the parameter and why), our agreements read as IIAs, the documents written. A partner
 * reads the IIAs it is a party to (its key's SCHAC codes), as the spec's get endpoint asks at
 * the least, and the index lists exactly those (the spec's consistency rule).
 */
import type { Queryable } from '../../db/client.ts';
import { academicYearOfDate, conditionComplete, iiasGetResponseXml, iiasIndexResponseXml, iiasStatsResponseXml, conditionCovers, type Iia, type IiaCondition } from './ewp-iias.ts';
import { iiaAgreementRows, type IiaAgreementRow } from './ewp-iias.repo.ts';

/** How many `iia_id` one `get` takes (the manifest's `max-iia-ids`). */
export const MAX_IIA_IDS = 50;

/** An answer: a document, or a refusal of the request's parameters (an `<error-response>` with 400). */
export type IiaAnswer = { ok: true; xml: string } | { ok: false; status: 400; message: string };

const refuse = (message: string): IiaAnswer => ({ ok: false, status: 400, message });

const ACADEMIC_YEAR = /^(\d{4})\/(\d{4})$/;
// xs:dateTime: a date, a time, optional fraction, optional zone.
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** The day before a date (`YYYY-MM-DD`): an agreement terminated on a day was last in force the day before. */
const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * An agreement as our copy of an IIA, or null when it cannot be published without guessing: it
 * has no start date, no end (open-ended), no places, a kind of place whose purpose was not
 * recorded (studies or traineeship, teaching or training), or studies or teaching without the
 * recommended language the schema requires.
 */
export function iiaOfAgreement(row: IiaAgreementRow, ourHeiId: string): Iia | null {
  if (!row.effectiveOn || row.partnerHeiId === ourHeiId) return null;
  const end = row.terminatedOn ? dayBefore(row.terminatedOn) : row.termEndsOn;
  if (!end) return null;
  const firstAcademicYear = academicYearOfDate(row.effectiveOn);
  const lastAcademicYear = academicYearOfDate(end);
  if (lastAcademicYear < firstAcademicYear) return null;
  const languageSkills = row.languageSkills.map((skill) => {
    const [language, cefrLevel] = skill.split(' ');
    return { language: language!, cefrLevel: cefrLevel ?? null };
  });
  const flows: Array<{ places: number | null; type: IiaCondition['type'] | null; outbound: boolean }> = [
    { places: row.studentsOutPerYear, type: row.studentMobility && `student-${row.studentMobility === 'studies' ? 'studies' : 'traineeship'}`, outbound: true },
    { places: row.studentsInPerYear, type: row.studentMobility && `student-${row.studentMobility === 'studies' ? 'studies' : 'traineeship'}`, outbound: false },
    { places: row.staffOutPerYear, type: row.staffMobility && (row.staffMobility === 'teaching' ? 'staff-teacher' : 'staff-training'), outbound: true },
    { places: row.staffInPerYear, type: row.staffMobility && (row.staffMobility === 'teaching' ? 'staff-teacher' : 'staff-training'), outbound: false },
  ];
  const conditions: IiaCondition[] = [];
  for (const flow of flows) {
    if (!flow.places) continue;
    if (!flow.type) return null;
    const condition: IiaCondition = {
      type: flow.type,
      sendingHeiId: flow.outbound ? ourHeiId : row.partnerHeiId,
      receivingHeiId: flow.outbound ? row.partnerHeiId : ourHeiId,
      firstAcademicYear,
      lastAcademicYear,
      mobilitiesPerYear: flow.places,
      languageSkills,
    };
    if (!conditionComplete(condition)) return null;
    conditions.push(condition);
  }
  if (!conditions.length) return null;
  const id = String(row.id);
  return {
    partners: [
      { heiId: ourHeiId, iiaId: id, iiaCode: id, signingContactName: row.ourSignatory, signingDate: row.signedOn },
      // The partner's own id and code, once a pull has learnt them (iia-pull.ts): the round trip closes.
      { heiId: row.partnerHeiId, iiaId: row.partnerIiaId, iiaCode: row.partnerIiaCode, signingContactName: row.partnerSignatory, signingDate: null },
    ],
    inEffect: row.status !== 'approved',
    terminatedAsAWhole: row.status === 'terminated',
    conditions,
  };
}

/** The IIAs the caller may read, with when each last changed. */
async function callersIias(db: Queryable, options: { ourHeiId: string; caller: { heiIds: string[] }; ids?: number[]; today: string }) {
  const rows = await iiaAgreementRows(db, { heiIds: options.caller.heiIds, ids: options.ids, asOf: options.today });
  return rows.flatMap((row) => {
    const iia = iiaOfAgreement(row, options.ourHeiId);
    return iia ? [{ iia, modifiedAt: row.modifiedAt }] : [];
  });
}

/** `get`: the IIAs asked for by `iia_id` (repeatable, required, at most MAX_IIA_IDS); unknown ids are ignored. */
export async function iiasGetAnswer(db: Queryable, options: { ourHeiId: string; caller: { heiIds: string[] }; params: URLSearchParams; today: string }): Promise<IiaAnswer> {
  const asked = options.params.getAll('iia_id');
  if (!asked.length) return refuse('iia_id: required (repeatable), at least one IIA id.');
  if (asked.length > MAX_IIA_IDS) return refuse(`iia_id: at most ${MAX_IIA_IDS} ids in one request (max-iia-ids), ${asked.length} given.`);
  // Our ids are whole numbers: anything else is an id we do not know, ignored as the spec says.
  const ids = [...new Set(asked.filter((id) => /^[1-9]\d{0,15}$/.test(id)).map(Number))];
  const found = ids.length ? await callersIias(db, { ...options, ids }) : [];
  const byId = new Map(found.map(({ iia }) => [iia.partners[0].iiaId, iia]));
  return { ok: true, xml: iiasGetResponseXml(ids.flatMap((id) => byId.get(String(id)) ?? [])) };
}

/**
 * `index`: the ids of the IIAs the caller may read, narrowed to those running in at least one of
 * the `receiving_academic_year_id`s (repeatable), changed after `modified_since`, and (an
 * Interchange addition for hosts whose key covers several institutions) with `partner_hei_id`.
 */
export async function iiasIndexAnswer(db: Queryable, options: { ourHeiId: string; caller: { heiIds: string[] }; params: URLSearchParams; today: string }): Promise<IiaAnswer> {
  const years = options.params.getAll('receiving_academic_year_id');
  for (const year of years) {
    const match = ACADEMIC_YEAR.exec(year);
    if (!match || Number(match[2]) !== Number(match[1]) + 1) return refuse(`receiving_academic_year_id: "${year}" is not an academic year such as 2024/2025.`);
  }
  const since = options.params.getAll('modified_since');
  if (since.length > 1) return refuse('modified_since: given more than once.');
  const sinceMs = since.length ? Date.parse(since[0]!) : null;
  if (since.length && (!DATE_TIME.test(since[0]!) || Number.isNaN(sinceMs))) return refuse(`modified_since: "${since[0]}" is not an xs:dateTime such as 2024-02-12T15:19:21+01:00.`);
  const partners = options.params.getAll('partner_hei_id').map((id) => id.trim().toLowerCase());
  const found = await callersIias(db, options);
  const ids = found
    .filter(({ iia }) => !partners.length || partners.includes(iia.partners[1].heiId))
    .filter(({ iia }) => !years.length || iia.conditions.some((c) => years.some((year) => conditionCovers(c, year))))
    .filter(({ modifiedAt }) => sinceMs === null || Date.parse(modifiedAt) > sinceMs)
    .map(({ iia }) => iia.partners[0].iiaId!);
  return { ok: true, xml: iiasIndexResponseXml(ids) };
}

/**
 * `stats`: how many IIAs the caller can fetch. Interchange does not take part in IIA approvals
 * yet (the IIAs Approval API is not implemented), so none is approved on either side.
 */
export async function iiasStatsAnswer(db: Queryable, options: { ourHeiId: string; caller: { heiIds: string[] }; today: string }): Promise<IiaAnswer> {
  const found = await callersIias(db, options);
  return { ok: true, xml: iiasStatsResponseXml({ fetchable: found.length, localUnapprovedPartnerApproved: 0, localApprovedPartnerUnapproved: 0, bothApproved: 0 }) };
}
