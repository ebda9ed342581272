/**
 * Importing international students with their enrolments, one row each: the student found
 * among the people on file (import-row-people.ts) or created in the teaching unit, then the
 * enrolment recorded as it stands (status and dates in one write) by the students service. An
 * enrolment on file (same student, level, programme and admission date) is updated by its row.
 */
import type { RequestContext } from '../../core/request-context.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { parseOrThrow, reasonOf } from '../../core/errors.ts';
import { StudentEnrolmentInput, StudentEnrolmentUpdate } from '../../../shared/contracts/students.ts';
import { STUDENT_IMPORT } from '../../../shared/contracts/import-students.ts';
import { PersonInput } from '../../../shared/contracts/people.ts';
import { createEnrolment, getEnrolment, updateEnrolment } from '../students/students.service.ts';
import { foldName } from '../../search/normalize.ts';
import { enrolmentsOnFile } from './import-records.repo.ts';
import { RowPeople, namedByRow, personInputOf } from './import-row-people.ts';
import type { ImportAdapter, RowToCommit, RowsCommitted, WrittenRecord } from './import-adapters.ts';
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

/** The service's field as the file's column names it. */
const COLUMN_OF: Record<string, string> = { personId: 'familyName' };

/** Students: the adapter (needs the cipher the people service encrypts with and indexes by). */
export function studentsImport(cipher: Cipher): ImportAdapter {
  return {
    kind: STUDENT_IMPORT,
    input: StudentRow,
    async prepare(ctx) {
      const people = await RowPeople.load(ctx, cipher);
      const onFile = await enrolmentsOnFile(ctx);
      const byKey = new Map(onFile.map((e) => [keyOf(e.personId, e), e]));
      const byId = new Map(onFile.map((e) => [e.id, e]));
      /** The enrolment on file each row is (an update of it). */
      const enrolmentOf = new Map<number, number>();

      return {
        classify(rowNumber, values) {
          const person = people.classify(rowNumber, values);
          const same = [...new Set(person.matches.filter((m) => m.id > 0).flatMap((m) => byKey.get(keyOf(m.id, values))?.id ?? []))];
          if (same.length === 1) {
            enrolmentOf.set(rowNumber, same[0]!);
            return { class: 'update', matches: [{ id: same[0]!, reason: 'same_enrolment' }] };
          }
          return person;
        },
        label(id) {
          const e = [...enrolmentOf.values()].includes(id) ? byId.get(id) : undefined;
          if (e) return `${people.label(e.personId) ?? e.personId}: ${e.programmeEn} (${e.admittedOn})`;
          return people.label(id) ?? String(id);
        },
        create: () => Promise.reject(new Error('students are written by commitRows')),
        update: () => Promise.reject(new Error('students are written by commitRows')),

        async commitRows(ctx: RequestContext, rows: RowToCommit[], columnOf: (field: string) => string): Promise<RowsCommitted> {
          const records: WrittenRecord[] = [];
          const unchanged: number[] = [];
          const named = (row: RowToCommit, error: unknown) => namedByRow(error, columnOf, (f) => ({ row: row.rowNumber, field: COLUMN_OF[f.split('.')[0]!] ?? f.split('.')[0]! }));

          const updates = rows.filter((r) => typeof r.action === 'number' && enrolmentOf.get(r.rowNumber) === r.action);
          for (const row of updates) {
            const id = row.action as number;
            try {
              const current = await getEnrolment(ctx, { id });
              const given = pick(Object.fromEntries(Object.entries(row.values).filter(([f]) => !row.defaulted.includes(f))));
              const input = parseOrThrow(StudentEnrolmentUpdate, { ...given, version: current.version });
              const after = await updateEnrolment(ctx, { id, input });
              if (after.version !== current.version) records.push({ entity: 'student', id, action: 'updated', before: valuesBefore(current, input) });
              else unchanged.push(id);
            } catch (error) {
              throw named(row, error);
            }
          }

          const creations = rows.filter((r) => r.action !== 'skip' && !updates.includes(r));
          const resolved = await people.resolve(ctx, creations, { input: (values) => personInputOf(values, { unitId: values.unitId }), columnOf });
          records.push(...resolved.records);
          for (const row of creations) {
            try {
              const enrolment = await createEnrolment(ctx, { input: parseOrThrow(StudentEnrolmentInput, { ...pick(row.values), status: row.values.status, personId: resolved.personOf.get(row.rowNumber) }) });
              records.push({ entity: 'student', id: enrolment.id, action: 'created' });
            } catch (error) {
              throw named(row, error);
            }
          }
          return { records, unchanged: [...unchanged, ...resolved.linked], skipped: rows.length - updates.length - creations.length };
        },
      };
    },
  };
}
