/**
 * Interinstitutional Agreements API 7.0.0 without HTTP or SQL: an agreement of ours as an EWP
 * IIA (our copy: we are the first partner), the `get`, `index` and `stats` documents, and the
 * `iia-hash` as the spec's xsltKit README defines its `text-to-hash` (the XSLT itself,
 * `transform_version_7.xsl`, is not used: its rules are written out in that README, and the
 * tests check this implementation against the spec's own vector).
 */
import { createHash } from 'node:crypto';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { NS } from './ewp-namespaces.ts';

/** The four kinds of cooperation condition, each an element `<type>-mobility-spec`, in the order the schema lists them. */
export const IIA_MOBILITY_TYPES = ['student-studies', 'student-traineeship', 'staff-teacher', 'staff-training'] as const;
export type IiaMobilityType = (typeof IIA_MOBILITY_TYPES)[number];

/** A recommended language skill: an ISO 639 code, and a CEFR level where the agreement names one. */
export interface IiaLanguageSkill {
  language: string;
  cefrLevel: string | null;
}

/** One unidirectional cooperation condition. */
export interface IiaCondition {
  type: IiaMobilityType;
  sendingHeiId: string;
  receivingHeiId: string;
  /** `YYYY/YYYY`. */
  firstAcademicYear: string;
  lastAcademicYear: string;
  mobilitiesPerYear: number;
  languageSkills: readonly IiaLanguageSkill[];
}

/** One side of the agreement. */
export interface IiaPartner {
  heiId: string;
  iiaId: string | null;
  iiaCode: string | null;
  /** The signatory's name, as recorded. */
  signingContactName: string | null;
  /** `YYYY-MM-DD`. */
  signingDate: string | null;
}

/** Our copy of an IIA: ours first, then the partner's side. */
export interface Iia {
  partners: readonly [IiaPartner, IiaPartner];
  inEffect: boolean;
  terminatedAsAWhole: boolean;
  conditions: readonly IiaCondition[];
}

/**
 * The academic year (`YYYY/YYYY`, 1 September to 31 August, as the exchanges module counts them)
 * that contains a `YYYY-MM-DD` date.
 */
export function academicYearOfDate(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '09-01' ? year : year - 1;
  return `${start}/${start + 1}`;
}

/** Whether a condition runs in an academic year (`YYYY/YYYY` strings order as the years do). */
export const conditionCovers = (condition: IiaCondition, academicYear: string): boolean =>
  condition.firstAcademicYear <= academicYear && academicYear <= condition.lastAcademicYear;

/** A condition's types that the schema requires a recommended language skill for. */
const NEEDS_LANGUAGE: ReadonlySet<IiaMobilityType> = new Set(['student-studies', 'staff-teacher']);

/** Whether a condition carries what its schema type requires (a language skill for studies and teaching). */
export const conditionComplete = (condition: IiaCondition): boolean => !NEEDS_LANGUAGE.has(condition.type) || condition.languageSkills.length > 0;

/**
 * The conditions in a stable order: by type as the schema lists them, then ours sending before
 * the partner sending, then by first year. The spec asks that the order not change between calls.
 */
export function orderConditions(conditions: readonly IiaCondition[], ourHeiId: string): IiaCondition[] {
  const rank = (c: IiaCondition) => [IIA_MOBILITY_TYPES.indexOf(c.type), c.sendingHeiId === ourHeiId ? 0 : 1] as const;
  return [...conditions].sort((a, b) => {
    const [ta, da] = rank(a);
    const [tb, db] = rank(b);
    return ta - tb || da - db || a.firstAcademicYear.localeCompare(b.firstAcademicYear) || a.lastAcademicYear.localeCompare(b.lastAcademicYear);
  });
}

// ---------------------------------------------------------------------------------------------
// The hash.

/** The DOM of xmlbuilder2 (@oozcitak/dom), as far as the hash reads it. */
interface DomElement {
  localName: string;
  childNodes: ArrayLike<DomNode>;
  attributes: ArrayLike<{ localName: string; value: string; namespaceURI: string | null }>;
  textContent: string | null;
  getAttribute(name: string): string | null;
}
type DomNode = DomElement & { nodeType: number };

const ELEMENT_NODE = 1;
const elementChildren = (el: DomElement): DomElement[] => Array.from(el.childNodes).filter((n) => n.nodeType === ELEMENT_NODE);
const child = (el: DomElement, name: string) => elementChildren(el).find((c) => c.localName === name);
const CONTACTS = new Set(['sending-contact', 'receiving-contact']);
const YEARS = new Set(['receiving-first-academic-year-id', 'receiving-last-academic-year-id']);

/**
 * The `text-to-hash` of one `<iia>` element, as the IIAs 7.0.0 xsltKit README describes the
 * output of `transform_version_7.xsl`: each partner's `iia-id` with its position
 * (`_iia-id_1=…_`); then, for each mobility in `cooperation-conditions`, every leaf element
 * below it in document order as `_grandparent.parent.name=value_`, each preceded by its
 * attributes' values as `_@value@_`, leaving out the sending/receiving contacts (and all inside
 * them), the first/last academic years, and any element flagged `not-yet-defined` (with what is
 * inside it); an `isced-f-code` with a `v6-value` counts as that value; the mobility ends with its
 * first and last academic years (`_receiving-first-academic-year-id=…_`, then the last).
 */
export function iiaTextToHash(iia: DomElement): string {
  const parts: string[] = [];
  elementChildren(iia)
    .filter((c) => c.localName === 'partner')
    .forEach((partner, index) => parts.push(`iia-id_${index + 1}=${child(partner, 'iia-id')?.textContent ?? ''}`));
  const conditions = child(iia, 'cooperation-conditions');
  for (const mobility of conditions ? elementChildren(conditions) : []) {
    const walk = (el: DomElement, parent: DomElement, grandparent: DomElement) => {
      if (CONTACTS.has(el.localName) || YEARS.has(el.localName) || el.getAttribute('not-yet-defined') !== null) return;
      for (const attribute of Array.from(el.attributes)) {
        if (attribute.localName === 'v6-value' || attribute.namespaceURI === 'http://www.w3.org/2000/xmlns/') continue;
        parts.push(`@${attribute.value}@`);
      }
      const children = elementChildren(el);
      if (!children.length) {
        const value = el.localName === 'isced-f-code' ? (el.getAttribute('v6-value') ?? el.textContent ?? '') : (el.textContent ?? '');
        parts.push(`${grandparent.localName}.${parent.localName}.${el.localName}=${value}`);
      }
      for (const c of children) walk(c, el, parent);
    };
    for (const c of elementChildren(mobility)) walk(c, mobility, conditions!);
    for (const year of YEARS) parts.push(`${year}=${child(mobility, year)?.textContent ?? ''}`);
  }
  return parts.map((part) => `_${part}_`).join('');
}

/** The `iia-hash`: the lower-case hex SHA-256 of the UTF-8 `text-to-hash`. */
export const iiaHash = (iia: DomElement): string => createHash('sha256').update(iiaTextToHash(iia), 'utf8').digest('hex');

/** Every `<iia>` of a get-response document (any namespace prefix), for the hash. */
export function iiaElements(xml: string): DomElement[] {
  const doc = create(xml).node as unknown as { documentElement: DomElement };
  return elementChildren(doc.documentElement).filter((el) => el.localName === 'iia');
}

// ---------------------------------------------------------------------------------------------
// The documents.

const xmlDocument = () => create({ version: '1.0', encoding: 'UTF-8' });
const finish = (root: XMLBuilder): string => root.end({ prettyPrint: true });

function partnerElement(parent: XMLBuilder, partner: IiaPartner): void {
  const el = parent.ele(NS.iiasGet, 'partner');
  el.ele(NS.iiasGet, 'hei-id').txt(partner.heiId);
  if (partner.iiaId) el.ele(NS.iiasGet, 'iia-id').txt(partner.iiaId);
  if (partner.iiaCode) el.ele(NS.iiasGet, 'iia-code').txt(partner.iiaCode);
  if (partner.signingContactName) el.ele(NS.iiasGet, 'signing-contact').ele(NS.contact, 'c:contact-name').txt(partner.signingContactName);
  if (partner.signingDate) el.ele(NS.iiasGet, 'signing-date').txt(partner.signingDate);
}

function conditionElement(parent: XMLBuilder, c: IiaCondition): void {
  const el = parent.ele(NS.iiasGet, `${c.type}-mobility-spec`);
  el.ele(NS.iiasGet, 'sending-hei-id').txt(c.sendingHeiId);
  el.ele(NS.iiasGet, 'receiving-hei-id').txt(c.receivingHeiId);
  el.ele(NS.iiasGet, 'receiving-first-academic-year-id').txt(c.firstAcademicYear);
  el.ele(NS.iiasGet, 'receiving-last-academic-year-id').txt(c.lastAcademicYear);
  el.ele(NS.iiasGet, 'mobilities-per-year').txt(String(c.mobilitiesPerYear));
  for (const skill of c.languageSkills) {
    const s = el.ele(NS.iiasGet, 'recommended-language-skill');
    s.ele(NS.iiasGet, 'language').txt(skill.language);
    if (skill.cefrLevel) s.ele(NS.iiasGet, 'cefr-level').txt(skill.cefrLevel);
  }
  // Student mobilities must say whether blended mobility is on offer; we record no such offer,
  // and the spec asks for `false` where none was agreed.
  if (c.type.startsWith('student-')) el.ele(NS.iiasGet, 'blended').txt('false');
}

/**
 * The `get` response: one `<iia>` per agreement, in the order given, each with its hash computed
 * over the element as written.
 */
export function iiasGetResponseXml(iias: readonly Iia[]): string {
  // The contact namespace declared once, on the root, rather than on every signatory's name.
  const root = xmlDocument().ele(NS.iiasGet, 'iias-get-response').att('http://www.w3.org/2000/xmlns/', 'xmlns:c', NS.contact);
  for (const iia of iias) {
    const el = root.ele(NS.iiasGet, 'iia');
    for (const partner of iia.partners) partnerElement(el, partner);
    el.ele(NS.iiasGet, 'in-effect').txt(String(iia.inEffect));
    const conditions = el.ele(NS.iiasGet, 'cooperation-conditions');
    if (iia.terminatedAsAWhole) conditions.att('terminated-as-a-whole', 'true');
    for (const c of orderConditions(iia.conditions, iia.partners[0].heiId)) conditionElement(conditions, c);
    el.ele(NS.iiasGet, 'iia-hash').txt(iiaHash(el.node as unknown as DomElement));
  }
  return finish(root);
}

/** The `index` response: our IIA ids. */
export function iiasIndexResponseXml(iiaIds: readonly string[]): string {
  const root = xmlDocument().ele(NS.iiasIndex, 'iias-index-response');
  for (const id of iiaIds) root.ele(NS.iiasIndex, 'iia-id').txt(id);
  return finish(root);
}

/** What the `stats` endpoint counts. */
export interface IiaStats {
  fetchable: number;
  localUnapprovedPartnerApproved: number;
  localApprovedPartnerUnapproved: number;
  bothApproved: number;
}

/** The `stats` response. */
export function iiasStatsResponseXml(stats: IiaStats): string {
  const root = xmlDocument().ele(NS.iiasStats, 'iias-stats-response');
  root.ele(NS.iiasStats, 'iia-fetchable').txt(String(stats.fetchable));
  root.ele(NS.iiasStats, 'iia-local-unapproved-partner-approved').txt(String(stats.localUnapprovedPartnerApproved));
  root.ele(NS.iiasStats, 'iia-local-approved-partner-unapproved').txt(String(stats.localApprovedPartnerUnapproved));
  root.ele(NS.iiasStats, 'iia-both-approved').txt(String(stats.bothApproved));
  return finish(root);
}
