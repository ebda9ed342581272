/**
 * Importing the students of a joint programme (the Sino-French eight-year programme), one row
 * each: the programme and its cohort found on file (the cohort by its entry year), the student
 * found by student number within the programme, else among the people on file
 * (import-person-records.ts) or created in the programme's unit, then admitted by the
 * programmes service. A student on file (same programme, same number or same person) is
 * updated by the row: cohort, number, status and notes.
 */
import type { Cipher } from '../../security/personal-data.ts';
import { parseOrThrow, reasonOf } from '../../core/errors.ts';
import { StudentInput, StudentUpdate } from '../../../shared/contracts/programmes.ts';
import { PROGRAMME_STUDENT_IMPORT } from '../../../shared/contracts/import-programme-students.ts';
import { PersonInput } from '../../../shared/contracts/people.ts';
import { createStudent, getStudentRecord, updateStudent } from '../programmes/programme-students.service.ts';
import { foldName } from '../../search/normalize.ts';
import { programmeStudentsOnFile, programmesOnFile, type ProgrammeOnFile } from './import-schooling.repo.ts';
import { personRecordState } from './import-person-records.ts';
import type { ImportAdapter } from './import-adapters.ts';
import { z } from 'zod';

/** The student's own fields of a row, as the contract takes them. */
function studentFields(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries((['studentNumber', 'status', 'notes'] as const).filter((f) => values[f] !== undefined).map((f) => [f, values[f]]));
}

/** A row checked on its own: the student as a person, the programme record as its contract checks it (cohort and person not known yet). */
const ProgrammeStudentRow = z
  .object({ ...PersonInput.pick({ familyName: true, givenName: true, nameZh: true, gender: true, email: true, passportNumber: true }).shape, position: PersonInput.shape.title })
  .passthrough()
  .superRefine((row, check) => {
    const student = StudentInput.safeParse({ ...studentFields(row as Record<string, unknown>), personId: 1, cohortId: 1 });
    for (const issue of student.success ? [] : student.error.issues) check.addIssue({ code: 'custom', message: reasonOf(issue as Parameters<typeof reasonOf>[0]), path: issue.path });
  });

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
      });
    },
  };
}
