import { AGREEMENT_KIND } from './agreement.ts';
import { APPOINTMENT_KIND } from './appointment.ts';
import { CONFERENCE_KIND } from './conference.ts';
import { EXCHANGE_APPLICATION_KIND } from './exchange-application.ts';
import { EXCHANGE_OPPORTUNITY_KIND } from './exchange-opportunity.ts';
import type { KindDescription } from './kind.ts';
import { MISSION_KIND } from './mission.ts';
import { RECORD_KINDS } from './record-kinds.ts';
import { RESIDENCY_PLACEMENT_KIND } from './residency-placement.ts';
import { STUDENT_KIND } from './student.ts';
import { VISIT_KIND } from './visit.ts';

/** Every kind of record with a workflow, by the name its routes use (a record kind's by its path): what a sweep walks over. */
export const KINDS: Readonly<Record<string, KindDescription>> = {
  agreements: AGREEMENT_KIND,
  visits: VISIT_KIND,
  missions: MISSION_KIND,
  conferences: CONFERENCE_KIND,
  appointments: APPOINTMENT_KIND,
  students: STUDENT_KIND,
  'exchange-applications': EXCHANGE_APPLICATION_KIND,
  'exchange-opportunities': EXCHANGE_OPPORTUNITY_KIND,
  'residency-placements': RESIDENCY_PLACEMENT_KIND,
  ...Object.fromEntries(RECORD_KINDS.map((kind) => [kind.path, kind])),
};
