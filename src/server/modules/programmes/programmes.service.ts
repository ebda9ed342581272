import type { z } from 'zod';
import type { Db, Queryable } from '../../db/client.ts';
import { currentVersion, invalidFields, notFound, type FieldProblem } from '../../core/errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../../policies/actor.ts';
import { scopeOf } from '../../policies/policies.ts';
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
async function checkProgramme(tx: Queryable, actor: Actor, p: Pick<Input, 'unitId' | 'partners'>): Promise<void> {
  const problems: FieldProblem[] = [];
  const scope = scopeOf(actor);
  if (!(await existingIds(tx, 'units', [p.unitId])).size) problems.push({ field: 'unitId', reason: 'unknown_reference' });
  else if (scope !== null && !(await unitContains(tx, scope, p.unitId))) problems.push({ field: 'unitId', reason: 'not_allowed' });
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
export async function createProgramme(options: { actor: Actor; input: Input }, db: Db): Promise<Programme> {
  const { actor, input } = options;
  return db.transaction(async (tx) => {
    await checkProgramme(tx, actor, input);
    const { partners, ...fields } = input;
    const id = await insertProgramme(tx, fields);
    await replaceProgrammePartners(tx, id, partners);
    const row = (await findProgramme(tx, id, null))!;
    await recordAudit(tx, { actor, action: 'create', entity: 'programme', entityId: id, unitId: row.unitId, after: audited(row) });
    return row;
  });
}

/** Changes a programme's fields (and its partner list, when given), if `version` is current. */
export async function updateProgramme(options: { actor: Actor; id: number; input: z.output<typeof ProgrammeUpdate> }, db: Db): Promise<Programme> {
  const { actor, id } = options;
  const { version, ...changes } = options.input;
  return db.transaction(async (tx) => {
    const current = currentVersion(await findProgramme(tx, id, scopeOf(actor), true), version);
    const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Input>;
    await checkProgramme(tx, actor, {
      unitId: given.unitId ?? current.unitId,
      // Only a new list is checked: partners already named stay valid.
      partners: given.partners ?? [],
    });
    const { partners, ...fields } = given;
    await updateProgrammeRow(tx, id, fields);
    if (partners) await replaceProgrammePartners(tx, id, partners);
    const row = (await findProgramme(tx, id, null))!;
    await recordAudit(tx, { actor, action: 'update', entity: 'programme', entityId: id, unitId: row.unitId, before: audited(current), after: audited(row) });
    return row;
  });
}

/** The programmes within the actor's reach. */
export function getProgrammes(options: { actor: Actor }, db: Queryable): Promise<Programme[]> {
  return listProgrammes(db, scopeOf(options.actor));
}

/** One programme within the actor's reach (another unit's is 404 to a coordinator). */
export async function getProgramme(options: { actor: Actor; id: number }, db: Queryable): Promise<Programme> {
  const row = await findProgramme(db, options.id, scopeOf(options.actor));
  if (!row) throw notFound();
  return row;
}

/** Opens a cohort (one entry year) of a programme within the actor's reach. */
export async function createCohort(options: { actor: Actor; programmeId: number; input: z.output<typeof CohortInput> }, db: Db): Promise<Cohort> {
  const { actor, programmeId, input } = options;
  return db.transaction(async (tx) => {
    const programme = await findProgramme(tx, programmeId, scopeOf(actor));
    if (!programme) throw notFound();
    const id = await insertCohort(tx, programmeId, input);
    const row = (await findCohort(tx, id, null))!;
    const { unitId, ...cohort } = row;
    await recordAudit(tx, { actor, action: 'create', entity: 'programme_cohort', entityId: id, unitId, after: auditedCohort(cohort) });
    return cohort;
  });
}

/** Changes a cohort's entry year, intake or notes, if `version` is current. */
export async function updateCohort(options: { actor: Actor; id: number; input: z.output<typeof CohortUpdate> }, db: Db): Promise<Cohort> {
  const { actor, id } = options;
  const { version, ...changes } = options.input;
  return db.transaction(async (tx) => {
    const { unitId, ...current } = currentVersion(await findCohort(tx, id, scopeOf(actor), true), version);
    await updateCohortRow(tx, id, changes);
    const { unitId: _u, ...row } = (await findCohort(tx, id, null))!;
    await recordAudit(tx, { actor, action: 'update', entity: 'programme_cohort', entityId: id, unitId, before: auditedCohort(current), after: auditedCohort(row) });
    return row;
  });
}

/** The professors the partner sent to a programme within the actor's reach, optionally one year's. */
export async function getVisitingProfessors(options: { actor: Actor; programmeId: number; year?: number }, db: Queryable): Promise<VisitingProfessor[]> {
  if (!(await findProgramme(db, options.programmeId, scopeOf(options.actor)))) throw notFound();
  return listVisitingProfessors(db, options.programmeId, options.year);
}

/** Records a professor the partner sent in a year: who (a person, any unit's: they are the partner's), what, how long. */
export async function addVisitingProfessor(options: { actor: Actor; programmeId: number; input: z.output<typeof VisitingProfessorInput> }, db: Db): Promise<VisitingProfessor> {
  const { actor, programmeId, input } = options;
  return db.transaction(async (tx) => {
    const programme = await findProgramme(tx, programmeId, scopeOf(actor));
    if (!programme) throw notFound();
    if (!(await peopleInReach(tx, [input.personId], null)).size) throw invalidFields({ field: 'personId', reason: 'unknown_reference' });
    const row = await insertVisitingProfessor(tx, programmeId, input);
    const { person: _p, ...stored } = row;
    await recordAudit(tx, { actor, action: 'create', entity: 'visiting_professor', entityId: row.id, unitId: programme.unitId, after: stored });
    return row;
  });
}

/**
 * The fact sheet's residency figures on `asOf` within the actor's reach: students placed (a
 * confirmed or completed placement that started on or before the date, each student once),
 * everyone admitted to a cohort that entered in the date's year or before, and the share.
 */
export async function residencyFiguresAsOf(options: { actor: Actor; asOf: string }, db: Queryable): Promise<{ placed: number; admitted: number; share: number | null }> {
  const { placed, admitted } = await residencyCounts(db, scopeOf(options.actor), options.asOf);
  return { placed, admitted, share: residencyShare(placed, admitted) };
}
