/**
 * Reading an IIAs 7.0.0 `get` response, a partner's or our own, into the terms two copies of an
 * agreement must share (ewp-iia-copies.ts IIA_TERM_FIELDS), seen from our side, and comparing
 * two sets of terms. Parsed by saxes (nothing fetched, a DOCTYPE refused, as the Registry
 * catalogue is); pure functions: `iia-pull.ts` does the HTTP and the database.
 */
import { SaxesParser } from 'saxes';
import { IIA_TERM_FIELDS, type IiaDifference, type IiaTermField } from '../../../shared/contracts/ewp-iia-copies.ts';
import { NS } from './ewp-namespaces.ts';
import { iiaOfAgreement } from './ewp-iias.answers.ts';
import type { IiaAgreementRow } from './ewp-iias.repo.ts';
import { academicYearOfDate, IIA_MOBILITY_TYPES, iiasGetResponseXml, type IiaMobilityType } from './ewp-iias.ts';

/** A term's value, as IiaDifference carries it. */
export type IiaTermValue = number | string | string[] | null;
/** The terms of one IIA from our side. */
export type IiaTerms = Record<IiaTermField, IiaTermValue>;

/** One `<partner>` of an `<iia>`: its institution and its own id and code for the agreement. */
export interface ParsedIiaPartner {
  heiId: string;
  iiaId: string | null;
  iiaCode: string | null;
}

/** One cooperation condition as read. */
export interface ParsedIiaCondition {
  type: IiaMobilityType;
  sendingHeiId: string;
  receivingHeiId: string;
  firstAcademicYear: string | null;
  lastAcademicYear: string | null;
  mobilitiesPerYear: number | null;
  /** `en`, `fr B2`: as an agreement stores them. */
  languageSkills: string[];
}

/** One `<iia>` as read. */
export interface ParsedIia {
  partners: ParsedIiaPartner[];
  conditions: ParsedIiaCondition[];
  iiaHash: string | null;
}

/** A partner's copy of an IIA, seen from our side. */
export interface IiaCopy {
  partnerIiaId: string;
  partnerIiaCode: string | null;
  /** The id the partner gives for our side of the agreement (our agreement's id once they know it). */
  ourIiaIdAsTheyKnowIt: string | null;
  partnerHeiId: string;
  iiaHash: string | null;
  terms: IiaTerms;
}

/** Why a document cannot be read as an IIAs get or index response. */
export class IiaDocumentRefused extends Error {}

const MOBILITY_SPEC = new Map<string, IiaMobilityType>(IIA_MOBILITY_TYPES.map((type) => [`${type}-mobility-spec`, type]));

/** Runs saxes over `xml`, refusing a DOCTYPE, with the element path (local names) at each event. */
export function walkXml(xml: string, handlers: { open?: (path: readonly string[], uri: string, attributes: Record<string, string>) => void; close: (path: readonly string[], text: string, uri: string) => void }): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const path: string[] = [];
  const uris: string[] = [];
  let text = '';
  let doctype = false;
  parser.on('doctype', () => void (doctype = true));
  parser.on('opentag', (tag) => {
    path.push(tag.local ?? tag.name);
    uris.push(tag.uri ?? '');
    text = '';
    handlers.open?.(path, tag.uri ?? '', Object.fromEntries(Object.entries(tag.attributes).map(([name, a]) => [typeof a === 'string' ? name : a.local, typeof a === 'string' ? a : a.value])));
  });
  parser.on('text', (chunk) => void (text += chunk));
  parser.on('closetag', () => {
    handlers.close(path, text.trim(), uris[uris.length - 1]!);
    path.pop();
    uris.pop();
    text = '';
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    throw new IiaDocumentRefused(`not XML: ${(error as Error).message.split('\n')[0]!}`);
  }
  if (doctype) throw new IiaDocumentRefused('a document type declaration (DOCTYPE) is not accepted');
}

/** The `<iia>` elements of an IIAs 7.0.0 `get` response. */
export function parseIiasGetResponse(xml: string): ParsedIia[] {
  const iias: ParsedIia[] = [];
  let iia: ParsedIia | null = null;
  let partner: ParsedIiaPartner | null = null;
  let condition: ParsedIiaCondition | null = null;
  let skill: { language: string; level: string | null } | null = null;
  let root: string | null = null;
  // An element flagged not-yet-defined says nothing agreed (the hash leaves it out too): it and what is inside it are skipped.
  let undefinedAt: number | null = null;
  walkXml(xml, {
    open: (path, uri, attributes) => {
      if (path.length === 1) root = uri === NS.iiasGet ? path[0]! : `{${uri}}${path[0]}`;
      if (undefinedAt === null && attributes['not-yet-defined'] === 'true' && path.length > 4) undefinedAt = path.length;
      if (uri !== NS.iiasGet || undefinedAt !== null) return;
      const at = path.slice(1).join('/');
      if (at === 'iia') iias.push((iia = { partners: [], conditions: [], iiaHash: null }));
      else if (at === 'iia/partner' && iia) iia.partners.push((partner = { heiId: '', iiaId: null, iiaCode: null }));
      else if (path.length === 4 && at.startsWith('iia/cooperation-conditions/') && iia && MOBILITY_SPEC.has(path[3]!)) {
        condition = { type: MOBILITY_SPEC.get(path[3]!)!, sendingHeiId: '', receivingHeiId: '', firstAcademicYear: null, lastAcademicYear: null, mobilitiesPerYear: null, languageSkills: [] };
        iia.conditions.push(condition);
      } else if (path.length === 5 && path[4] === 'recommended-language-skill' && condition) skill = { language: '', level: null };
    },
    close: (path, text, uri) => {
      if (undefinedAt !== null) {
        if (path.length === undefinedAt) undefinedAt = null;
        return;
      }
      if (uri !== NS.iiasGet) return;
      const at = path.slice(1).join('/');
      if (at === 'iia/partner/hei-id' && partner) partner.heiId = text.toLowerCase();
      else if (at === 'iia/partner/iia-id' && partner) partner.iiaId = text || null;
      else if (at === 'iia/partner/iia-code' && partner) partner.iiaCode = text || null;
      else if (at === 'iia/iia-hash' && iia) iia.iiaHash = text || null;
      else if (path.length === 5 && condition && path[2] === 'cooperation-conditions') {
        const name = path[4];
        if (name === 'sending-hei-id') condition.sendingHeiId = text.toLowerCase();
        else if (name === 'receiving-hei-id') condition.receivingHeiId = text.toLowerCase();
        else if (name === 'receiving-first-academic-year-id') condition.firstAcademicYear = text;
        else if (name === 'receiving-last-academic-year-id') condition.lastAcademicYear = text;
        else if (name === 'mobilities-per-year') condition.mobilitiesPerYear = Number(text);
        else if (name === 'recommended-language-skill' && skill) {
          const value = skill.level ? `${skill.language} ${skill.level}` : skill.language;
          if (skill.language && !condition.languageSkills.includes(value)) condition.languageSkills.push(value);
          skill = null;
        }
      } else if (path.length === 6 && path[4] === 'recommended-language-skill' && skill) {
        if (path[5] === 'language') skill.language = text.toLowerCase();
        else if (path[5] === 'cefr-level') skill.level = text.toUpperCase();
      }
      if (at === 'iia/partner') partner = null;
      if (path.length === 4 && at.startsWith('iia/cooperation-conditions/')) condition = null;
      if (at === 'iia') iia = null;
    },
  });
  if (root !== 'iias-get-response') throw new IiaDocumentRefused(`the root element is ${root ?? 'missing'}, not an IIAs 7.0.0 iias-get-response`);
  return iias;
}

/** The `<iia-id>`s of an IIAs 7.0.0 `index` response. */
export function parseIiasIndexResponse(xml: string): string[] {
  const ids: string[] = [];
  let root: string | null = null;
  walkXml(xml, {
    open: (path, uri) => {
      if (path.length === 1) root = uri === NS.iiasIndex ? path[0]! : `{${uri}}${path[0]}`;
    },
    close: (path, text, uri) => {
      if (uri === NS.iiasIndex && path.length === 2 && path[1] === 'iia-id' && text) ids.push(text);
    },
  });
  if (root !== 'iias-index-response') throw new IiaDocumentRefused(`the root element is ${root ?? 'missing'}, not an IIAs 7.0.0 iias-index-response`);
  return ids;
}

const STUDENT_PURPOSE: Partial<Record<IiaMobilityType, string>> = { 'student-studies': 'studies', 'student-traineeship': 'traineeship' };
const STAFF_PURPOSE: Partial<Record<IiaMobilityType, string>> = { 'staff-teacher': 'teaching', 'staff-training': 'training' };

/**
 * The terms of an IIA seen from `ourHeiId`: a condition the partner sends on is our incoming,
 * one we send on our outgoing (places summed per direction); the academic years the earliest
 * first and the latest last; the purpose of the student and of the staff places (`studies`,
 * `traineeship`, `teaching`, `training`; both joined by `+` when the IIA has both); the
 * recommended languages of all conditions, sorted ([] when none). A condition between two other institutions
 * is not ours and is left out; what no condition says is null.
 */
export function termsOfIia(iia: ParsedIia, ourHeiId: string): IiaTerms {
  const us = ourHeiId.toLowerCase();
  const ours = iia.conditions.filter((c) => c.sendingHeiId === us || c.receivingHeiId === us);
  const places = (kind: 'student' | 'staff', incoming: boolean): number | null => {
    const flows = ours.filter((c) => c.type.startsWith(`${kind}-`) && (incoming ? c.receivingHeiId === us : c.sendingHeiId === us) && c.mobilitiesPerYear !== null);
    return flows.length ? flows.reduce((sum, c) => sum + c.mobilitiesPerYear!, 0) : null;
  };
  const purpose = (names: Partial<Record<IiaMobilityType, string>>): string | null => {
    const found = [...new Set(ours.flatMap((c) => names[c.type] ?? []))];
    return found.length ? found.sort().join('+') : null;
  };
  const years = (key: 'firstAcademicYear' | 'lastAcademicYear') => ours.flatMap((c) => c[key] ?? []).sort();
  const first = years('firstAcademicYear');
  const last = years('lastAcademicYear');
  const languages = [...new Set(ours.flatMap((c) => c.languageSkills))].sort();
  return {
    firstAcademicYear: first[0] ?? null,
    lastAcademicYear: last[last.length - 1] ?? null,
    studentsInPerYear: places('student', true),
    studentsOutPerYear: places('student', false),
    staffInPerYear: places('staff', true),
    staffOutPerYear: places('staff', false),
    studentMobility: purpose(STUDENT_PURPOSE),
    staffMobility: purpose(STAFF_PURPOSE),
    languageSkills: languages,
  };
}

/**
 * A partner's IIAs read as copies from our side: the partner is the institution of the first
 * `<partner>` that is not us; our side is the `<partner>` that is us (its iia-id is our id, when
 * the partner has learnt it). An `<iia>` without us among its partners, or without a partner
 * iia-id, is none of ours and left out.
 */
export function copiesOfIias(iias: readonly ParsedIia[], ourHeiId: string): IiaCopy[] {
  const us = ourHeiId.toLowerCase();
  return iias.flatMap((iia) => {
    const theirs = iia.partners.find((p) => p.heiId !== us);
    const ours = iia.partners.find((p) => p.heiId === us);
    if (!theirs?.iiaId || !ours) return [];
    return [{ partnerIiaId: theirs.iiaId, partnerIiaCode: theirs.iiaCode, ourIiaIdAsTheyKnowIt: ours.iiaId, partnerHeiId: theirs.heiId, iiaHash: iia.iiaHash, terms: termsOfIia(iia, us) }];
  });
}

const same = (a: IiaTermValue, b: IiaTermValue): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]) : a === b;

/** The fields on which the partner's terms say something else than ours, in IIA_TERM_FIELDS' order. */
export function compareTerms(ours: IiaTerms, theirs: IiaTerms): IiaDifference[] {
  return IIA_TERM_FIELDS.filter((field) => !same(ours[field], theirs[field])).map((field) => ({ field, ours: ours[field], theirs: theirs[field] }));
}

/**
 * Our terms for an agreement: its IIA as our IIAs API serves it, read back by the same parser
 * as a partner's (so both sides pass the same code). An agreement our API cannot publish
 * without guessing (ewp-iias.answers.ts) is read from its fields as they stand.
 */
export function ourTermsOfAgreement(row: IiaAgreementRow, ourHeiId: string): IiaTerms {
  const iia = iiaOfAgreement(row, ourHeiId);
  if (iia) return termsOfIia(parseIiasGetResponse(iiasGetResponseXml([iia]))[0]!, ourHeiId);
  const end = row.terminatedOn ?? row.termEndsOn;
  const places = (n: number | null) => (n ? n : null);
  return {
    firstAcademicYear: row.effectiveOn ? academicYearOfDate(row.effectiveOn) : null,
    lastAcademicYear: end ? academicYearOfDate(end) : null,
    studentsInPerYear: places(row.studentsInPerYear),
    studentsOutPerYear: places(row.studentsOutPerYear),
    staffInPerYear: places(row.staffInPerYear),
    staffOutPerYear: places(row.staffOutPerYear),
    studentMobility: row.studentMobility,
    staffMobility: row.staffMobility,
    languageSkills: [...row.languageSkills].sort(),
  };
}
