import type { Appointment, AppointmentTitle } from '../../../shared/contracts/appointments.ts';
import { formValuesOf } from '../../lib/form-values.ts';

/** What the appointment form holds: the contract's fields, empty ones as undefined. */
export interface AppointmentFormValues {
  personId?: number;
  title?: AppointmentTitle;
  unitId?: number;
  institutionId?: number;
  startDate?: string;
  endDate?: string;
  notes?: string;
}

/** An appointment as form values (nulls become empty fields). */
export function toAppointmentFormValues(a: Appointment): AppointmentFormValues {
  return formValuesOf(a, ['personId', 'title', 'unitId', 'institutionId', 'startDate', 'endDate', 'notes']);
}

/** A new appointment's starting values: a coordinator's is in their unit; a person may be given. */
export function newAppointmentValues(coordinatorUnitId: number | null, personId?: number): AppointmentFormValues {
  return { personId, unitId: coordinatorUnitId ?? undefined, title: 'visiting_professor' };
}
