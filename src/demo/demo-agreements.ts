import type { Db } from '../server/db/client.ts';
import { systemContext } from '../server/core/request-context.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { createAgreement, renewAgreement, transitionAgreement, updateAgreement } from '../server/modules/agreements/agreements.service.ts';
import { addDays, addMonths, officeToday } from '../shared/calendar.ts';
import { AgreementInput, AgreementTransition, AgreementUpdate, type Agreement, type AgreementStatus } from '../shared/contracts/agreements.ts';
import { DEMO_AGREEMENTS, type DemoAgreementSpec } from './demo-agreements-data.ts';
import { agreementTitle, ourParty, withArticle, type PartyNames } from './demo-agreement-titles.ts';
import { DEMO_FORMER_AND_PROSPECTIVE_PARTNERS, DEMO_PARTNERS, type DemoPartner } from './demo-partners.ts';
import { ensurePartnerInstitutions } from './demo-partner-institutions.ts';
import { DEMO_ORGANIZATIONS } from './demo-people.ts';

interface UnitRow {
  id: number;
  code: string;
  kind: string;
  nameEn: string;
  nameZh: string;
  nameFr: string | null;
}

/** What the agreements are made of: our units and the partners' institutions, by their demo keys. */
interface Context {
  today: string;
  units: Map<string, UnitRow>;
  institutions: Map<string, number>;
  partners: Map<string, DemoPartner>;
}

// The organizations' own people sign for them; the universities' presidents or deans for theirs.
const ORGANIZATIONS: Record<string, { nameEn: string; signatory: string }> = {
  who: { nameEn: DEMO_ORGANIZATIONS[0].nameEn, signatory: 'WHO Representative in China' },
  hope: { nameEn: DEMO_ORGANIZATIONS[1].nameEn, signatory: 'President and Chief Executive Officer, Project HOPE' },
  alliance: { nameEn: DEMO_ORGANIZATIONS[2].nameEn, signatory: 'President, Fondation des Alliances Françaises' },
};

const HEAD: Record<string, string> = { university: 'Dean', school: 'Dean', hospital: 'President', institute: 'Director', department: 'Head', office: 'Director', centre: 'Director' };

/** A fixed number in [0, range) for a key (FNV-1a): the same spread of days on every load. */
function spread(key: string, range: number): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0) % range;
}

interface Dates {
  signedOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  terminatedOn: string | null;
}

const SIGNED_OR_LATER: readonly AgreementStatus[] = ['signed', 'active', 'expired', 'terminated'];

function datesOf(spec: DemoAgreementSpec, today: string, predecessor: Agreement | undefined): Dates {
  const shift = spread(spec.key, 21) - 10;
  const effectiveOn = spec.effective === 'continues' ? addDays(predecessor!.expiresOn!, 1) : addDays(addMonths(today, spec.effective), shift);
  // A term of five years from 15 March ends on 14 March.
  const expiresOn = spec.years === null ? null : addDays(addMonths(effectiveOn, spec.years * 12), -1);
  const signed = SIGNED_OR_LATER.includes(spec.status ?? 'active');
  const signedOn = !signed ? null : spec.signed !== undefined ? addDays(addMonths(today, spec.signed), shift) : addDays(effectiveOn, -(10 + spread(`${spec.key}:signed`, 36)));
  const terminatedOn = spec.terminated !== undefined ? addDays(addMonths(today, spec.terminated), shift) : null;
  return { signedOn, effectiveOn, expiresOn, terminatedOn };
}

function partyOf(p: DemoPartner): PartyNames {
  return { en: p.nameEn, zh: p.nameZh ?? p.nameEn, fr: p.nameFr ? withArticle(p.nameFr) : null };
}

function partnerSignatory(spec: DemoAgreementSpec, ctx: Context): string | null {
  if (spec.partners.length > 1) return 'The president of each partner university';
  const [key, partnerUnit] = typeof spec.partners[0] === 'string' ? [spec.partners[0], null] : spec.partners[0]!;
  const organization = ORGANIZATIONS[key];
  if (organization) return organization.signatory;
  if (partnerUnit) return `${/Facult|School|College/.test(partnerUnit) ? 'Dean' : 'Director'}, ${partnerUnit}`;
  return `President, ${ctx.partners.get(key)!.nameEn}`;
}

function inputOf(spec: DemoAgreementSpec, ctx: Context, dates: Dates) {
  const unit = spec.unit ? ctx.units.get(spec.unit) : null;
  if (unit === undefined) throw new Error(`demo agreement ${spec.key}: no unit ${spec.unit}`);
  const partners = spec.partners.map((p) => {
    const [key, partnerUnit] = typeof p === 'string' ? [p, null] : p;
    const institutionId = ctx.institutions.get(key);
    if (institutionId === undefined) throw new Error(`demo agreement ${spec.key}: no partner ${key}`);
    return { institutionId, partnerUnit };
  });
  const firstKey = typeof spec.partners[0] === 'string' ? spec.partners[0] : spec.partners[0]![0];
  const title = spec.title ?? agreementTitle(spec.kind, ourParty(unit), partyOf(ctx.partners.get(firstKey)!), spec.topic);
  return {
    titleEn: title.en,
    titleZh: title.zh,
    titleFr: title.fr ?? null,
    level: unit ? 'collegiate' : 'institutional',
    kind: spec.kind,
    unitId: unit?.id ?? null,
    partners,
    ourSignatory: unit ? `${HEAD[unit.kind] ?? 'Director'}, ${unit.nameEn}` : 'Dean, Shanghai Jiao Tong University School of Medicine',
    partnerSignatory: partnerSignatory(spec, ctx),
    signedOn: dates.signedOn,
    effectiveOn: dates.effectiveOn,
    expiresOn: dates.expiresOn,
    autoRenewal: spec.autoRenewalMonths !== undefined,
    renewalTermMonths: spec.autoRenewalMonths ?? null,
    studentsInPerYear: spec.students?.[0] ?? null,
    studentsOutPerYear: spec.students?.[1] ?? null,
    staffInPerYear: spec.staff?.[0] ?? null,
    staffOutPerYear: spec.staff?.[1] ?? null,
    notes: spec.notes ?? null,
    ...ewpConditions(spec, ctx.partners.get(firstKey)),
  } as const;
}

// The language students and staff need at a partner: its teaching language at B2, English elsewhere.
const TEACHING_LANGUAGE: Record<string, string> = { FR: 'fr B2', DE: 'de B2' };

/**
 * What an exchange agreement's places are for, and the language recommended to those who go,
 * as EWP's IIAs state them: students go to study (the clinical rotations count as studies), staff
 * to train in the partner's hospitals and laboratories; other kinds of agreement say nothing.
 */
function ewpConditions(spec: DemoAgreementSpec, partner: DemoPartner | undefined) {
  if (spec.kind !== 'student_exchange' && spec.kind !== 'staff_exchange') return {};
  return {
    studentMobility: spec.students ? ('studies' as const) : null,
    staffMobility: spec.staff ? ('training' as const) : null,
    languageSkills: [(partner && TEACHING_LANGUAGE[partner.country]) ?? 'en B2'],
  };
}

async function step(a: Agreement, to: AgreementStatus, on: string, db: Db): Promise<Agreement> {
  return transitionAgreement(systemContext(db), { id: a.id, input: parseOrThrow(AgreementTransition, { to, on, version: a.version }) });
}

const LIFECYCLE: readonly AgreementStatus[] = ['draft', 'under_review', 'approved', 'signed', 'active'];

/** Takes a draft along the lifecycle to the spec's status, each step on the day it would have been taken. */
async function walk(a: Agreement, spec: DemoAgreementSpec, dates: Dates, ctx: Context, db: Db): Promise<Agreement> {
  const target = spec.status ?? 'active';
  const last = target === 'expired' || target === 'terminated' ? 'active' : target;
  // Review and approval come some weeks before signature; those not yet signed moved today.
  const on: Record<string, string> = {
    under_review: dates.signedOn ? addDays(dates.signedOn, -45) : ctx.today,
    approved: dates.signedOn ? addDays(dates.signedOn, -15) : ctx.today,
    signed: dates.signedOn ?? ctx.today,
    active: dates.effectiveOn ?? ctx.today,
  };
  for (const to of LIFECYCLE.slice(1, LIFECYCLE.indexOf(last) + 1)) a = await step(a, to, on[to]!, db);
  if (target === 'expired') a = await step(a, 'expired', addDays(dates.expiresOn!, 1), db);
  if (target === 'terminated') a = await step(a, 'terminated', dates.terminatedOn!, db);
  return a;
}

async function loadContext(db: Db, today: string): Promise<Context> {
  const { rows } = await db.query<UnitRow>('SELECT id, code, kind, name_en AS "nameEn", name_zh AS "nameZh", name_fr AS "nameFr" FROM units');
  const all = [...DEMO_PARTNERS, ...DEMO_FORMER_AND_PROSPECTIVE_PARTNERS];
  const institutions = await ensurePartnerInstitutions(db, all);
  for (const [key, { nameEn }] of Object.entries(ORGANIZATIONS)) {
    const found = await db.query<{ id: number }>('SELECT id FROM institutions WHERE name_en = $1 ORDER BY id LIMIT 1', [nameEn]);
    if (!found.rows[0]) throw new Error(`demo agreements: no institution ${nameEn}`);
    institutions.set(key, found.rows[0].id);
  }
  return { today, units: new Map(rows.map((u) => [u.code, u])), institutions, partners: new Map(all.map((p) => [p.key, p])) };
}

/**
 * Loads the demo's partners and agreements onto a database that has the demo organization
 * (its units and the seed's organizations): the 63 partner universities in force on `today`
 * from 19 countries and regions, the working arrangements with WHO, Project HOPE and the
 * Alliance Française, and agreements at every stage of the lifecycle, with renewal chains.
 * Every record goes through the agreements service, as a user's would, and is audited.
 * Dates are relative to `today`, so the picture is the same whatever day it is loaded on.
 */
export async function loadDemoAgreements(db: Db, today = officeToday()): Promise<Map<string, Agreement>> {
  const ctx = await loadContext(db, today);
  const loaded = new Map<string, Agreement>();
  for (const spec of DEMO_AGREEMENTS) {
    const predecessor = spec.renews ? loaded.get(spec.renews) : undefined;
    if (spec.renews && !predecessor) throw new Error(`demo agreement ${spec.key}: ${spec.renews} is not loaded before it`);
    const dates = datesOf(spec, today, predecessor);
    const input = inputOf(spec, ctx, dates);
    let agreement: Agreement;
    if (predecessor) {
      // The successor starts as the service drafts it; then the office writes its own terms.
      const draft = await renewAgreement(systemContext(db), { id: predecessor.id, version: predecessor.version });
      agreement = await updateAgreement(systemContext(db), { id: draft.id, input: parseOrThrow(AgreementUpdate, { ...input, version: draft.version }) });
    } else {
      agreement = await createAgreement(systemContext(db), { input: parseOrThrow(AgreementInput, input) });
    }
    loaded.set(spec.key, await walk(agreement, spec, dates, ctx, db));
  }
  return loaded;
}
