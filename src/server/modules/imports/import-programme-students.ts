/**
 * Importing the students of a joint programme (the Sino-French eight-year programme), one row
 * each: the programme and its cohort found on file (the cohort by its entry year), the student
 * found by student number within the programme, else among the people on file
 * (import-person-records.ts) or created in the programme's unit, then admitted by the
 * programmes service. A student on file (same programme, same number or same person) is
 * updated by the row: cohort, number, status and notes. A row naming a host hospital carries one
 * residency of the student: proposed through the same service, then moved by its own steps to
 * the row's residency status (confirmed on its start date, completed on its end date, withdrawn
 * on its start date), each refusal named by the residency's column; one the student already has
 * (same hospital, same start) is left as it is.
 */
import type { RequestContext } from '../../core/request-context.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { DomainError, invalidFields, parseOrThrow, reasonOf } from '../../core/errors.ts';
import { PLACEMENT_TRANSITIONS, PlacementInput, StudentInput, StudentUpdate, type PlacementStatus } from '../../../shared/contracts/programmes.ts';
import { PROGRAMME_STUDENT_IMPORT } from '../../../shared/contracts/import-programme-students.ts';
import { PersonInput } from '../../../shared/contracts/people.ts';
import { createPlacement, createStudent, getStudentRecord, transitionPlacement, updateStudent } from '../programmes/programme-students.service.ts';
import { foldName } from '../../search/normalize.ts';
import { programmeStudentsOnFile, programmesOnFile, type ProgrammeOnFile } from './import-schooling.repo.ts';
import { personRecordState } from './import-person-records.ts';
import { stepsTo } from './import-status-path.ts';
import type { ImportAdapter, RowToCommit, WrittenRecord } from './import-adapters.ts';
import { z } from 'zod';

/** The student's own fields of a row, as the contract takes them. */
function studentFields(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries((['studentNumber', 'status', 'notes'] as const).filter((f) => values[f] !== undefined).map((f) => [f, values[f]]));
}

/** The residency's columns, by the placement's field. */
const RESIDENCY_COLUMNS = { hostInstitutionId: 'residencyHospital', department: 'residencyDepartment', startDate: 'residencyStart', endDate: 'residencyEnd' } as const;

/** Whether the row carries a residency: any of its columns given (its status alone is not one). */
function hasResidency(values: Record<string, unknown>): boolean {
  return Object.values(RESIDENCY_COLUMNS).some((column) => values[column] !== undefined);
}

/** The residency of a row as the placement's contract takes it. */
function placementFields(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(RESIDENCY_COLUMNS).filter(([, column]) => values[column] !== undefined).map(([field, column]) => [field, values[column]]));
}

/** The column of a placement's field (the residency's status for a step's refusal). */
const residencyColumn = (field: string): string => (RESIDENCY_COLUMNS as Record<string, string>)[field] ?? 'residencyStatus';

/** A row checked on its own: the student as a person, the programme record as its contract checks it (cohort and person not known yet). */
const ProgrammeStudentRow = z
  .object({ ...PersonInput.pick({ familyName: true, givenName: true, nameZh: true, gender: true, email: true, passportNumber: true }).shape, position: PersonInput.shape.title })
  .passthrough()
  .superRefine((row, check) => {
    const student = StudentInput.safeParse({ ...studentFields(row as Record<string, unknown>), personId: 1, cohortId: 1 });
    for (const issue of student.success ? [] : student.error.issues) check.addIssue({ code: 'custom', message: reasonOf(issue as Parameters<typeof reasonOf>[0]), path: issue.path });
    const values = row as Record<string, unknown>;
    if (hasResidency(values)) {
      const placement = PlacementInput.safeParse(placementFields(values));
      for (const issue of placement.success ? [] : placement.error.issues) {
        check.addIssue({ code: 'custom', message: reasonOf(issue as Parameters<typeof reasonOf>[0]), path: [residencyColumn(String(issue.path[0]))] });
      }
    } else if (values.residencyStatus !== undefined) check.addIssue({ code: 'custom', message: 'required', path: ['residencyHospital'] });
  });

/** The day a residency's step is taken: a confirmation and a withdrawal on its start, a completion on its end. */
const stepDay = (to: PlacementStatus, values: Record<string, unknown>): string => String(to === 'completed' ? values.residencyEnd : values.residencyStart);

/**
 * The row's residency for the student `studentId`: proposed, then moved to the row's residency
 * status; none when the student already has it (same hospital, same start). Each refusal is the
 * row's, named by the residency's column.
 */
async function writeResidency(ctx: RequestContext, studentId: number, row: RowToCommit): Promise<WrittenRecord[]> {
  if (!hasResidency(row.values)) return [];
  const input = parseOrThrow(PlacementInput, placementFields(row.values));
  const student = await getStudentRecord(ctx, { id: studentId });
  if (student.placements.some((p) => p.hostInstitutionId === input.hostInstitutionId && p.startDate === input.startDate)) return [];
  try {
    let placement = await createPlacement(ctx, { studentId, input });
    const steps = stepsTo(PLACEMENT_TRANSITIONS, placement.status, (row.values.residencyStatus as PlacementStatus | undefined) ?? 'proposed');
    if (!steps) throw invalidFields({ field: 'residencyStatus', reason: 'illegal_transition' });
    for (const to of steps) placement = await transitionPlacement(ctx, { id: placement.id, input: { to, on: stepDay(to, row.values), version: placement.version } });
    return [{ entity: 'residency_placement', id: placement.id, action: 'created' }];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fields = error.extra.fields?.map((f) => ({ ...f, field: residencyColumn(f.field) })) ?? [{ field: 'residencyStatus', reason: error.code }];
    throw new DomainError(error.kind === 'invalid' ? error.code : 'validation_failed', 'invalid', { fields });
  }
}

/** Joint-programme students: the adapter (needs the cipher the people service encrypts with and indexes by). */
export function programmeStudentsImport(cipher: Cipher): ImportAdapter {
  return {
    kind: PROGRAMME_STUDENT_IMPORT,
    input: ProgrammeStudentRow,
    async prepare(ctx) {
      const programmes = (await programmesOnFile(ctx)).map((p) => ({ ...p, folded: p.names.map(foldName) }));
      const onFile = await programmeStudentsOnFile(ctx);
      const byNumber = new Map(onFile.map((s) => [`${s.programmeId}|${foldName(s.studentNumber)}`, s.id]));
      const byPerson = new Map(onFile.map((s) => [`${s.programmeId}|${s.personId}`, s.id]));
      const students = new Map(onFile.map((s) => [s.id, s]));
      /** The programme and cohort each row names. */
      const placeOf = new Map<number, { programme: ProgrammeOnFile; cohortId: number }>();
      /** The student numbers of the file's rows so far, by programme: a number is one student's. */
      const numbersInFile = new Set<string>();

      return personRecordState(ctx, cipher, {
        entity: 'programme_student',
        sameRecord: 'same_programme_student',
        columnOf: { cohortId: 'entryYear', personId: 'familyName' },
        check(rowNumber, values) {
          const name = typeof values.programme === 'string' ? foldName(values.programme) : undefined;
          // Without the column, the one programme on file (the office has one more often than not).
          const found = name === undefined ? programmes : programmes.filter((p) => p.folded.includes(name));
          if (found.length !== 1) return { field: 'programme', reason: name === undefined ? 'required' : 'unknown_programme' };
          const programme = found[0]!;
          const cohortId = programme.cohorts.get(values.entryYear as number);
          if (cohortId === undefined) return { field: 'entryYear', reason: 'unknown_cohort' };
          const number = `${programme.id}|${foldName(String(values.studentNumber))}`;
          if (numbersInFile.has(number)) return { field: 'studentNumber', reason: 'duplicate' };
          numbersInFile.add(number);
          placeOf.set(rowNumber, { programme, cohortId });
          return undefined;
        },
        sure(rowNumber, values) {
          const id = byNumber.get(`${placeOf.get(rowNumber)!.programme.id}|${foldName(String(values.studentNumber))}`);
          return id === undefined ? undefined : { id, reason: 'same_student_number' };
        },
        recordOf: (rowNumber, personId) => byPerson.get(`${placeOf.get(rowNumber)!.programme.id}|${personId}`),
        label(id, person) {
          const s = students.get(id);
          return s ? `${person(s.personId)}: ${s.studentNumber}` : undefined;
        },
        newPerson: (row) => ({ unitId: placeOf.get(row.rowNumber)!.programme.unitId }),
        async create(ctx, row, personId) {
          const input = parseOrThrow(StudentInput, { ...studentFields(row.values), personId, cohortId: placeOf.get(row.rowNumber)!.cohortId });
          return (await createStudent(ctx, { input })).id;
        },
        async update(ctx, id, row, given) {
          const current = await getStudentRecord(ctx, { id });
          const after = await updateStudent(ctx, { id, input: parseOrThrow(StudentUpdate, { ...studentFields(given), cohortId: placeOf.get(row.rowNumber)!.cohortId, version: current.version }) });
          // Kept without its values before: an undo of this import refuses, naming the student.
          return after.version !== current.version ? {} : null;
        },
        alongside: (ctx, id, row) => writeResidency(ctx, id, row),
      });
    },
  };
}
