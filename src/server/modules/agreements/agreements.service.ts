import { changedBy } from '../../core/unchanged-write.ts';
import type { z } from 'zod';
import type { Db, Queryable } from '../../db/client.ts';
import { DomainError, currentVersion, invalidFields, notFound, type FieldProblem } from '../../core/errors.ts';
import { systemContext, unscoped, type RequestContext, type Scoped, type TxContext } from '../../core/request-context.ts';
import { searchText } from '../../search/normalize.ts';
import { addDays, addMonths, monthsBetween, officeToday } from '../../../shared/calendar.ts';
import {
  DELETABLE_STATUSES,
  RENEWABLE_STATUSES,
  type Agreement,
  type AgreementStatus,
  type AgreementInput,
  type AgreementTransition,
  type AgreementUpdate,
} from '../../../shared/contracts/agreements.ts';
import { unitContains } from '../units/units.service.ts';
import { agreementProblems, agreementStepDates } from './agreements.rules.ts';
import { AGREEMENT_KIND } from '../../../shared/kinds/agreement.ts';
import { runTransition, writeThenReload, type TransitionHooks } from '../../workflow/run-transition.ts';
import {
  deleteAgreementRow,
  findAgreement,
  insertAgreement,
  institutionKinds,
  lapsedAgreementIds,
  listAgreements,
  replacePartners,
  updateAgreementRow,
  type Derivation,
} from './agreements.repo.ts';

const ENTITY = 'agreement';
type Input = z.output<typeof AgreementInput>;

/** Derived states as of today, with the default dormant period. */
export const today = (): Derivation => ({ asOf: officeToday(), dormantYears: 2 });

/** The record as the audit log keeps it: stored fields, not the states derived at a date. */
function audited(a: Agreement): object {
  const { termEndsOn: _t, inForce: _i, expiring: _e, dormant: _d, lastActivityOn: _l, successorId: _s, ...stored } = a;
  return stored;
}

const ORGANIZATION_KINDS = ['international_organization', 'foundation', 'association', 'government_body'];

/** Checks a whole agreement (after the change) against the actor's reach and the rules. */
async function checkAgreement(tx: Scoped, merged: Input & { status: Agreement['status'] }): Promise<void> {
  const problems: FieldProblem[] = agreementProblems(merged);
  const { scope } = tx;
  if (scope !== null) {
    if (merged.level !== 'collegiate') problems.push({ field: 'level', reason: 'not_allowed' });
    else if (merged.unitId !== null && !(await unitContains(tx, scope, merged.unitId))) problems.push({ field: 'unitId', reason: 'not_allowed' });
  }
  const kinds = await institutionKinds(tx, merged.partners.map((p) => p.institutionId));
  const seen = new Set<number>();
  merged.partners.forEach((p, i) => {
    const kind = kinds.get(p.institutionId);
    if (!kind) problems.push({ field: `partners.${i}.institutionId`, reason: 'unknown_reference' });
    else if (merged.kind === 'working_arrangement' && !ORGANIZATION_KINDS.includes(kind))
      problems.push({ field: `partners.${i}.institutionId`, reason: 'not_an_organization' });
    if (seen.has(p.institutionId)) problems.push({ field: `partners.${i}.institutionId`, reason: 'duplicate' });
    seen.add(p.institutionId);
  });
  if (problems.length) throw invalidFields(...problems);
}

const titleSearch = (a: Pick<Input, 'titleEn' | 'titleZh' | 'titleFr'>) => searchText(a.titleEn, a.titleZh, a.titleFr);

async function reload(tx: Queryable, id: number, at: Derivation = today()): Promise<Agreement> {
  return (await findAgreement(unscoped(tx), id, at))!;
}

async function writeNewAgreement(tx: TxContext, input: Input, predecessorId: number | null): Promise<Agreement> {
  await checkAgreement(tx, { ...input, status: 'draft' });
  const { partners, ...fields } = input;
  const id = await insertAgreement(tx, { ...fields, status: 'draft', predecessorId, searchText: titleSearch(input) });
  await replacePartners(tx, id, partners);
  const row = await reload(tx, id);
  await tx.audit({ action: 'create', entity: ENTITY, entityId: id, unitId: row.unitId, after: audited(row) });
  return row;
}

/** Creates a draft agreement; a coordinator's is collegiate and belongs to their unit. */
export async function createAgreement(ctx: RequestContext, options: { input: Input }): Promise<Agreement> {
  return ctx.transaction((tx) => writeNewAgreement(tx, options.input, null));
}

/** Changes an agreement's fields, if `version` is current and the agreement is within the actor's reach. */
export async function updateAgreement(ctx: RequestContext, options: { id: number; input: z.output<typeof AgreementUpdate> }): Promise<Agreement> {
  return ctx.transaction((tx) => updateAgreementIn(tx, options));
}

/**
 * updateAgreement within the caller's transaction `tx`, for a change that comes with other writes
 * (accepting a partner's value of an EWP IIA term): the same reach, version check, rules and audit.
 * `source` is added to the audit row's after-state to say where the change came from.
 */
export async function updateAgreementIn(tx: TxContext, options: { id: number; input: z.output<typeof AgreementUpdate>; source?: Record<string, unknown> }): Promise<Agreement> {
  const { id, source } = options;
  const { version, ...changes } = options.input;
  const current = currentVersion(await findAgreement(tx, id, today(), true), version);
  const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Input>;
  const merged = { ...current, ...given } as Input & { status: Agreement['status'] };
  await checkAgreement(tx, merged);
  const { partners, ...fields } = given;
  const row = await changedBy(tx, current, async () => {
    await updateAgreementRow(tx, id, { ...fields, searchText: titleSearch(merged) });
    if (partners) await replacePartners(tx, id, partners);
    return reload(tx, id);
  });
  if (!row) return current;
  await tx.audit({ action: 'update', entity: ENTITY, entityId: id, unitId: row.unitId, before: audited(current), after: { ...audited(row), ...source } });
  return row;
}

/** Deletes an agreement that was never signed; a signed one is terminated instead, so its history stays. */
export async function deleteAgreement(ctx: RequestContext, options: { id: number; version: number }): Promise<void> {
  const { id, version } = options;
  await ctx.transaction(async (tx) => {
    const current = currentVersion(await findAgreement(tx, id, today(), true), version);
    if (!DELETABLE_STATUSES.includes(current.status)) throw new DomainError('not_deletable', 'conflict');
    await deleteAgreementRow(tx, id);
    await tx.audit({ action: 'delete', entity: ENTITY, entityId: id, unitId: current.unitId, before: audited(current) });
  });
}

/** What is special to an agreement's step: its record locked within reach, and its own dates. */
const agreementSteps: TransitionHooks<AgreementStatus, Agreement> = {
  load: (tx, id) => findAgreement(tx, id, today(), true),
  extra: (_tx, current, step) => {
    const { dates, problems } = agreementStepDates(current, step.to, step.on);
    return { values: { ...dates }, problems };
  },
  apply: writeThenReload(updateAgreementRow, reload),
  audited,
  unitOf: (a) => a.unitId,
};

/** Moves an agreement one step, dated `on` (default today), as its description says (shared/kinds/agreement.ts). */
export function transitionAgreement(ctx: RequestContext, options: { id: number; input: z.output<typeof AgreementTransition> }): Promise<Agreement> {
  return runTransition(ctx, AGREEMENT_KIND, agreementSteps, options);
}

/**
 * Drafts the successor of a signed agreement: the same partners and terms, taking effect the
 * day after the predecessor expires, for a term of the same length.
 */
export async function renewAgreement(ctx: RequestContext, options: { id: number; version: number }): Promise<Agreement> {
  const { id, version } = options;
  return ctx.transaction(async (tx) => {
    const current = currentVersion(await findAgreement(tx, id, today(), true), version);
    if (!RENEWABLE_STATUSES.includes(current.status)) throw invalidFields({ field: 'status', reason: 'not_renewable' });
    if (current.successorId !== null) throw invalidFields({ field: 'successorId', reason: 'already_renewed' });
    const effectiveOn = current.expiresOn ? addDays(current.expiresOn, 1) : null;
    const expiresOn =
      current.expiresOn && current.effectiveOn ? addMonths(current.expiresOn, monthsBetween(current.effectiveOn, addDays(current.expiresOn, 1))) : null;
    const input: Input = {
      ...current,
      partners: current.partners.map((p) => ({ institutionId: p.institutionId, partnerUnit: p.partnerUnit })),
      signedOn: null,
      effectiveOn,
      expiresOn,
    };
    return writeNewAgreement(tx, input, id);
  });
}

/** One agreement within the actor's reach, with its states derived at `at`. */
export async function getAgreement(ctx: Scoped, options: { id: number; at?: Derivation }): Promise<Agreement> {
  const row = await findAgreement(ctx, options.id, options.at ?? today());
  if (!row) throw notFound();
  return row;
}

/**
 * Marks active agreements whose expiry has passed as expired, as the system. Being in force is
 * read from the dates, so figures never wait for this; it keeps the stored status honest for lists.
 */
export async function expireLapsedAgreements(db: Db, asOf = officeToday()): Promise<number> {
  const lapsed = await lapsedAgreementIds(db, asOf);
  for (const { id, version } of lapsed) {
    await transitionAgreement(systemContext(db), { id, input: { to: 'expired', on: asOf, version } });
  }
  return lapsed.length;
}

/** The agreements within the caller's reach the list's filters select (derived at `at`), the first `max` with their total (an export). */
export function listAgreementsForExport(ctx: Scoped, options: { at: Derivation; query: Omit<Parameters<typeof listAgreements>[2], 'page' | 'pageSize'>; max: number }) {
  return listAgreements(ctx, options.at, { ...options.query, page: 1, pageSize: options.max });
}
