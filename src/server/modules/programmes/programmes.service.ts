import { changedBy } from '../../core/unchanged-write.ts';
import type { z } from 'zod';
import { currentVersion, invalidFields, notFound, type FieldProblem } from '../../core/errors.ts';
import { unscoped, type RequestContext, type Scoped, type TxContext } from '../../core/request-context.ts';
import type {
  Cohort,
  CohortInput,
  CohortUpdate,
  Programme,
  ProgrammeInput,
  ProgrammeUpdate,
  VisitingProfessor,
  VisitingProfessorInput,
} from '../../../shared/contracts/programmes.ts';
import { unitContains } from '../units/units.service.ts';
import {
  existingIds,
  findCohort,
  findProgramme,
  insertCohort,
  insertProgramme,
  insertVisitingProfessor,
  listProgrammes,
  listVisitingProfessors,
  peopleInReach,
  replaceProgrammePartners,
  updateCohortRow,
  updateProgrammeRow,
  visitingProfessorsByYear,
} from './programmes.repo.ts';
import { residencyCounts } from './programme-students.repo.ts';
import { residencyShare } from './programmes.rules.ts';

type Input = z.output<typeof ProgrammeInput>;

/** The record as the audit log keeps it: stored fields, not the cohorts' counts joined in. */
function audited(p: Programme): object {
  const { cohorts: _c, ...stored } = p;
  return { ...stored, partners: p.partners.map((x) => ({ institutionId: x.institutionId, agreementId: x.agreementId })) };
}

function auditedCohort(c: Cohort): object {
  const { students: _s, placed: _p, ...stored } = c;
  return stored;
}

/** Checks the unit (a coordinator's own or below) and the partners the programme names. */
async function checkProgramme(tx: TxContext, p: Pick<Input, 'unitId' | 'partners'>): Promise<void> {
  const problems: FieldProblem[] = [];
  if (!(await existingIds(tx, 'units', [p.unitId])).size) problems.push({ field: 'unitId', reason: 'unknown_reference' });
  else if (tx.scope !== null && !(await unitContains(tx, tx.scope, p.unitId))) problems.push({ field: 'unitId', reason: 'not_allowed' });
  const institutions = await existingIds(tx, 'institutions', p.partners.map((x) => x.institutionId));
  const agreements = await existingIds(tx, 'agreements', p.partners.flatMap((x) => (x.agreementId ? [x.agreementId] : [])));
  const seen = new Set<number>();
  p.partners.forEach((x, i) => {
    if (!institutions.has(x.institutionId)) problems.push({ field: `partners.${i}.institutionId`, reason: 'unknown_reference' });
    else if (seen.has(x.institutionId)) problems.push({ field: `partners.${i}.institutionId`, reason: 'duplicate' });
    if (x.agreementId && !agreements.has(x.agreementId)) problems.push({ field: `partners.${i}.agreementId`, reason: 'unknown_reference' });
    seen.add(x.institutionId);
  });
  if (problems.length) throw invalidFields(...problems);
}

/** Records a joint programme run by one of our units with its foreign partners. */
export async function createProgramme(ctx: RequestContext, options: { input: Input}): Promise<Programme> {
  const { input } = options;
  return ctx.transaction(async (tx) => {
    await checkProgramme(tx, input);
    const { partners, ...fields } = input;
    const id = await insertProgramme(tx, fields);
    await replaceProgrammePartners(tx, id, partners);
    const row = (await findProgramme(unscoped(tx), id))!;
    await tx.audit({ action: 'create', entity: 'programme', entityId: id, unitId: row.unitId, after: audited(row) });
    return row;
  });
}

/** Changes a programme's fields (and its partner list, when given), if `version` is current. */
export async function updateProgramme(ctx: RequestContext, options: { id: number; input: z.output<typeof ProgrammeUpdate>}): Promise<Programme> {
  const { id } = options;
  const { version, ...changes } = options.input;
  return ctx.transaction(async (tx) => {
    const current = currentVersion(await findProgramme(tx, id, true), version);
    const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Input>;
    await checkProgramme(tx, {
      unitId: given.unitId ?? current.unitId,
      // Only a new list is checked: partners already named stay valid.
      partners: given.partners ?? [],
    });
    const { partners, ...fields } = given;
    const row = await changedBy(tx, current, async () => {
      await updateProgrammeRow(tx, id, fields);
      if (partners) await replaceProgrammePartners(tx, id, partners);
      return (await findProgramme(unscoped(tx), id))!;
    });
    if (!row) return current;
    await tx.audit({ action: 'update', entity: 'programme', entityId: id, unitId: row.unitId, before: audited(current), after: audited(row) });
    return row;
  });
}

/** The programmes within the actor's reach. */
export function getProgrammes(ctx: Scoped): Promise<Programme[]> {
  return listProgrammes(ctx);
}

/** One programme within the actor's reach (another unit's is 404 to a coordinator). */
export async function getProgramme(ctx: Scoped, options: { id: number}): Promise<Programme> {
  const row = await findProgramme(ctx, options.id);
  if (!row) throw notFound();
  return row;
}

/** Opens a cohort (one entry year) of a programme within the actor's reach. */
export async function createCohort(ctx: RequestContext, options: { programmeId: number; input: z.output<typeof CohortInput>}): Promise<Cohort> {
  const { programmeId, input } = options;
  return ctx.transaction(async (tx) => {
    const programme = await findProgramme(tx, programmeId);
    if (!programme) throw notFound();
    const id = await insertCohort(tx, programmeId, input);
    const row = (await findCohort(unscoped(tx), id))!;
    const { unitId, ...cohort } = row;
    await tx.audit({ action: 'create', entity: 'programme_cohort', entityId: id, unitId, after: auditedCohort(cohort) });
    return cohort;
  });
}

/** Changes a cohort's entry year, intake or notes, if `version` is current. */
export async function updateCohort(ctx: RequestContext, options: { id: number; input: z.output<typeof CohortUpdate>}): Promise<Cohort> {
  const { id } = options;
  const { version, ...changes } = options.input;
  return ctx.transaction(async (tx) => {
    const { unitId, ...current } = currentVersion(await findCohort(tx, id, true), version);
    const row = await changedBy(tx, current, async () => {
      await updateCohortRow(tx, id, changes);
      const { unitId: _u, ...cohort } = (await findCohort(unscoped(tx), id))!;
      return cohort;
    });
    if (!row) return current;
    await tx.audit({ action: 'update', entity: 'programme_cohort', entityId: id, unitId, before: auditedCohort(current), after: auditedCohort(row) });
    return row;
  });
}

/** The professors the partner sent to a programme within the actor's reach, optionally one year's. */
export async function getVisitingProfessors(ctx: Scoped, options: { programmeId: number; year?: number}): Promise<VisitingProfessor[]> {
  if (!(await findProgramme(ctx, options.programmeId))) throw notFound();
  return listVisitingProfessors(ctx, options.programmeId, options.year);
}

/** Records a professor the partner sent in a year: who (a person, any unit's: they are the partner's), what, how long. */
export async function addVisitingProfessor(ctx: RequestContext, options: { programmeId: number; input: z.output<typeof VisitingProfessorInput>}): Promise<VisitingProfessor> {
  const { programmeId, input } = options;
  return ctx.transaction(async (tx) => {
    const programme = await findProgramme(tx, programmeId);
    if (!programme) throw notFound();
    if (!(await peopleInReach(unscoped(tx), [input.personId])).size) throw invalidFields({ field: 'personId', reason: 'unknown_reference' });
    const row = await insertVisitingProfessor(tx, programmeId, input);
    const { person: _p, ...stored } = row;
    await tx.audit({ action: 'create', entity: 'visiting_professor', entityId: row.id, unitId: programme.unitId, after: stored });
    return row;
  });
}

/**
 * The fact sheet's residency figures on `asOf` within the actor's reach: students placed (a
 * confirmed or completed placement that started on or before the date, each student once),
 * everyone admitted to a cohort that entered in the date's year or before, and the share.
 */
export async function residencyFiguresAsOf(ctx: Scoped, options: { asOf: string}): Promise<{ placed: number; admitted: number; share: number | null }> {
  const { placed, admitted } = await residencyCounts(ctx, options.asOf);
  return { placed, admitted, share: residencyShare(placed, admitted) };
}

/**
 * The fact sheet's "professors sent every year by the French side" on `asOf`: the professors
 * the partners sent each year up to the date's year, within the actor's reach.
 */
export async function visitingProfessorsAsOf(ctx: Scoped, options: { asOf: string }): Promise<{ programmeIds: number[]; byYear: Record<string, number> }> {
  return visitingProfessorsByYear(ctx, Number(options.asOf.slice(0, 4)));
}
