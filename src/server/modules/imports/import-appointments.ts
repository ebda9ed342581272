/**
 * Importing foreign experts' appointments, one row each: the expert found among the people on
 * file (import-row-people.ts) or created in the appointing unit, then the appointment proposed
 * and, when the row says appointed, conferred by the appointments service (the office's step,
 * as in the app). An appointment on file (same expert, title, unit and first day) is updated
 * by its row, so the same file imported twice changes nothing.
 */
import type { RequestContext } from '../../core/request-context.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { parseOrThrow } from '../../core/errors.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { AppointmentInput, AppointmentTransition, AppointmentUpdate } from '../../../shared/contracts/appointments.ts';
import { APPOINTMENT_IMPORT } from '../../../shared/contracts/import-appointments.ts';
import { APPOINTMENT_TITLE_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import { PersonInput } from '../../../shared/contracts/people.ts';
import { createAppointment, getAppointment, transitionAppointment, updateAppointment } from '../appointments/appointments.service.ts';
import { appointmentsOnFile } from './import-records.repo.ts';
import { RowPeople, namedByRow, personInputOf } from './import-row-people.ts';
import type { ImportAdapter, RowToCommit, RowsCommitted, WrittenRecord } from './import-adapters.ts';
import { valuesBefore } from './import-restore.ts';
import { z } from 'zod';

/** A row checked on its own: the expert as a person, the appointment's term in order. */
const AppointmentRow = PersonInput.pick({ familyName: true, givenName: true, nameZh: true, gender: true, nationality: true, institutionId: true, email: true, passportNumber: true })
  .extend({ position: PersonInput.shape.title, title: z.string(), unitId: z.number(), startDate: z.string(), endDate: z.string().optional(), notes: z.string().max(10000).optional() })
  .refine((v) => !v.endDate || v.endDate >= v.startDate, { message: 'end_before_start', path: ['endDate'] });

/** The appointment's own fields of a row (what an update writes, what a creation is made of besides its expert). */
const APPOINTMENT_FIELDS = ['title', 'unitId', 'institutionId', 'startDate', 'endDate', 'notes'] as const;

const keyOf = (personId: number, v: { readonly [K in 'title' | 'unitId' | 'startDate']?: unknown }) => [personId, v.title, v.unitId, v.startDate].join('|');

/** The service's field as the file's column names it. */
const COLUMN_OF: Record<string, string> = { personId: 'familyName', to: 'status', on: 'status', version: 'status' };

/** Appointments: the adapter (needs the cipher the people service encrypts with and indexes by). */
export function appointmentsImport(cipher: Cipher): ImportAdapter {
  return {
    kind: APPOINTMENT_IMPORT,
    input: AppointmentRow,
    async prepare(ctx) {
      const people = await RowPeople.load(ctx, cipher);
      const onFile = await appointmentsOnFile(ctx);
      const byKey = new Map(onFile.map((a) => [keyOf(a.personId, a), a]));
      const byId = new Map(onFile.map((a) => [a.id, a]));
      /** The appointment on file each row is (an update of it). */
      const appointmentOf = new Map<number, number>();

      return {
        classify(rowNumber, values) {
          const person = people.classify(rowNumber, values);
          const same = [...new Set(person.matches.filter((m) => m.id > 0).flatMap((m) => byKey.get(keyOf(m.id, values))?.id ?? []))];
          if (same.length === 1) {
            appointmentOf.set(rowNumber, same[0]!);
            return { class: 'update', matches: [{ id: same[0]!, reason: 'same_appointment' }] };
          }
          return person;
        },
        label(id) {
          const a = [...appointmentOf.values()].includes(id) ? byId.get(id) : undefined;
          const title = APPOINTMENT_TITLE_LABELS[a?.title as keyof typeof APPOINTMENT_TITLE_LABELS] as { en: string; zh: string } | undefined;
          if (a) return `${people.label(a.personId) ?? a.personId}: ${title ? `${title.zh} / ${title.en}` : a.title} (${a.startDate})`;
          return people.label(id) ?? String(id);
        },
        create: () => Promise.reject(new Error('appointments are written by commitRows')),
        update: () => Promise.reject(new Error('appointments are written by commitRows')),

        async commitRows(ctx: RequestContext, rows: RowToCommit[], columnOf: (field: string) => string): Promise<RowsCommitted> {
          const records: WrittenRecord[] = [];
          const unchanged: number[] = [];
          const own = (row: RowToCommit) => Object.fromEntries(APPOINTMENT_FIELDS.filter((f) => row.values[f] !== undefined && !row.defaulted.includes(f)).map((f) => [f, row.values[f]]));
          const named = (row: RowToCommit, error: unknown) => namedByRow(error, columnOf, (f) => ({ row: row.rowNumber, field: COLUMN_OF[f.split('.')[0]!] ?? f.split('.')[0]! }));

          // Appointments on file, updated by their rows.
          const updates = rows.filter((r) => typeof r.action === 'number' && appointmentOf.get(r.rowNumber) === r.action);
          for (const row of updates) {
            const id = row.action as number;
            try {
              const current = await getAppointment(ctx, { id });
              const input = parseOrThrow(AppointmentUpdate, { ...own(row), version: current.version });
              const after = await updateAppointment(ctx, { id, input });
              if (after.version !== current.version) records.push({ entity: 'appointment', id, action: 'updated', before: valuesBefore(current, input) });
              else unchanged.push(id);
            } catch (error) {
              throw named(row, error);
            }
          }

          // New appointments: their experts linked or created, then each proposed and taken to its status.
          const creations = rows.filter((r) => r.action !== 'skip' && !updates.includes(r));
          const { personOf, records: people_, linked } = await people.resolve(ctx, creations, { input: (values) => personInputOf(values, { unitId: values.unitId }), columnOf });
          records.push(...people_);
          for (const row of creations) {
            try {
              let appointment = await createAppointment(ctx, { input: parseOrThrow(AppointmentInput, { ...own(row), personId: personOf.get(row.rowNumber) }) });
              if (row.values.status === 'appointed') {
                const today = officeToday();
                const on = appointment.startDate < today ? appointment.startDate : today;
                appointment = await transitionAppointment(ctx, { id: appointment.id, input: parseOrThrow(AppointmentTransition, { to: 'appointed', on, version: appointment.version }) });
              }
              records.push({ entity: 'appointment', id: appointment.id, action: 'created' });
            } catch (error) {
              throw named(row, error);
            }
          }
          return { records, unchanged: [...unchanged, ...linked], skipped: rows.length - updates.length - creations.length };
        },
      };
    },
  };
}
