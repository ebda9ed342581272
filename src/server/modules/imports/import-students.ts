/**
 * Importing international students with their enrolments, one row each: the student found
 * among the people on file (import-person-records.ts) or created in the teaching unit, then the
 * enrolment recorded as it stands (status and dates in one write) by the students service. An
 * enrolment on file (same student, level, programme and admission date) is updated by its row.
 */
import type { Cipher } from '../../security/personal-data.ts';
import { parseOrThrow, reasonOf } from '../../core/errors.ts';
import { StudentEnrolmentInput, StudentEnrolmentUpdate } from '../../../shared/contracts/students.ts';
import { STUDENT_IMPORT } from '../../../shared/contracts/import-students.ts';
import { PersonInput } from '../../../shared/contracts/people.ts';
import { createEnrolment, getEnrolment, updateEnrolment } from '../students/students.service.ts';
import { foldName } from '../../search/normalize.ts';
import { enrolmentsOnFile } from './import-records.repo.ts';
import { personRecordState } from './import-person-records.ts';
import type { ImportAdapter } from './import-adapters.ts';
import { valuesBefore } from './import-restore.ts';
import { z } from 'zod';

/** The enrolment's own fields of a row. */
const ENROLMENT_FIELDS = ['level', 'programmeEn', 'programmeZh', 'unitId', 'countryCode', 'funding', 'instructionLanguage', 'studentNumber', 'admittedOn', 'enrolledOn', 'expectedCompletionOn', 'completedOn', 'degreeAwarded', 'leftOn', 'notes'] as const;

/** A row checked on its own: the student as a person, the enrolment as its contract checks it (its student not known yet: any id passes). */
const StudentRow = z
  .object({ ...PersonInput.pick({ familyName: true, givenName: true, nameZh: true, gender: true, nationality: true, institutionId: true, email: true, passportNumber: true }).shape, position: PersonInput.shape.title })
  .passthrough()
  .superRefine((row, check) => {
    const enrolment = StudentEnrolmentInput.safeParse({ ...pick(row as Record<string, unknown>), status: (row as Record<string, unknown>).status, personId: 1 });
    for (const issue of enrolment.success ? [] : enrolment.error.issues) check.addIssue({ code: 'custom', message: reasonOf(issue as Parameters<typeof reasonOf>[0]), path: issue.path });
  });

function pick(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(ENROLMENT_FIELDS.filter((f) => values[f] !== undefined).map((f) => [f, values[f]]));
}

const keyOf = (personId: number, v: { level?: unknown; programmeEn?: unknown; admittedOn?: unknown }) => [personId, v.level, foldName(String(v.programmeEn ?? '')), v.admittedOn].join('|');


/** Students: the adapter (needs the cipher the people service encrypts with and indexes by). */
export function studentsImport(cipher: Cipher): ImportAdapter {
  return {
    kind: STUDENT_IMPORT,
    input: StudentRow,
    async prepare(ctx) {
      const onFile = await enrolmentsOnFile(ctx);
      const byKey = new Map(onFile.map((e) => [keyOf(e.personId, e), e.id]));
      const byId = new Map(onFile.map((e) => [e.id, e]));
      return personRecordState(ctx, cipher, {
        entity: 'student',
        sameRecord: 'same_enrolment',
        recordOf: (_row, personId, values) => byKey.get(keyOf(personId, values)),
        label(id, person) {
          const e = byId.get(id);
          return e ? `${person(e.personId)}: ${e.programmeEn} (${e.admittedOn})` : undefined;
        },
        newPerson: (row) => ({ unitId: row.values.unitId }),
        async create(ctx, row, personId) {
          return (await createEnrolment(ctx, { input: parseOrThrow(StudentEnrolmentInput, { ...pick(row.values), status: row.values.status, personId }) })).id;
        },
        async update(ctx, id, _row, given) {
          const current = await getEnrolment(ctx, { id });
          const input = parseOrThrow(StudentEnrolmentUpdate, { ...pick(given), version: current.version });
          const after = await updateEnrolment(ctx, { id, input });
          return after.version !== current.version ? { before: valuesBefore(current, input) } : null;
        },
      });
    },
  };
}
