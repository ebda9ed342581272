import type { FieldProblem } from '../../core/errors.ts';
import type { Role } from '../../../shared/roles.ts';
import { OFFICE_ROLES, planStep } from '../../workflow/plan-step.ts';
import { APPOINTMENT_KIND } from '../../../shared/kinds/appointment.ts';
import type { AppointmentStatus } from '../../../shared/contracts/appointments.ts';

/** Roles that act for the office: they confer titles, approve conferences, change settings. */
export { OFFICE_ROLES };

/** The fields of an appointment the rules look at. */
export interface AppointmentShape {
  status: AppointmentStatus;
  startDate: string;
  endDate: string | null;
}

/** What a step decides: refused (400 with problems, or 403 for a unit taking the office's step), or the dates it records. */
export type StepPlan = { forbidden: true } | { forbidden: false; problems: FieldProblem[]; revokedOn?: string };

/**
 * Checks one lifecycle step taken by `role` on `on`, as the appointment's description says
 * (shared/kinds/appointment.ts): a step the lifecycle does not have is bad input whoever asks;
 * conferring or revoking a title is the office's, whatever the unit.
 */
export function planAppointmentStep(current: AppointmentShape, to: AppointmentStatus, on: string, role: Role): StepPlan {
  const plan = planStep(APPOINTMENT_KIND, current, { to, on, onGiven: true }, role);
  if (plan.kind === 'forbidden') return { forbidden: true };
  const revokedOn = plan.kind === 'planned' ? (plan.values.revokedOn as string | undefined) : undefined;
  return revokedOn ? { forbidden: false, problems: plan.problems, revokedOn } : { forbidden: false, problems: plan.problems };
}

/** Fields that only the office may change once a title has been conferred: they are what was conferred. */
export const CONFERRED_FIELDS = ['title', 'unitId', 'startDate', 'endDate'] as const;

/** Fields a change touches that the actor may not change on an appointment in `status`. */
export function conferredFieldsTouched(status: AppointmentStatus, role: Role, changed: readonly string[]): FieldProblem[] {
  if (status === 'proposed' || OFFICE_ROLES.includes(role)) return [];
  return changed.filter((f) => (CONFERRED_FIELDS as readonly string[]).includes(f)).map((field) => ({ field, reason: 'not_allowed' }));
}
