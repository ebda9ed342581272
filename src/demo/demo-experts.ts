import type { Db } from '../server/db/client.ts';
import type { Cipher } from '../server/security/personal-data.ts';
import { systemContext } from '../server/core/request-context.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { createAppointments, type AppointmentStepInput } from '../server/modules/appointments/appointments.service.ts';
import { addDays } from '../shared/calendar.ts';
import { createExpertDocument } from '../server/modules/appointments/expert-documents.service.ts';
import { AppointmentInput, ExpertDocumentInput, type Appointment } from '../shared/contracts/appointments.ts';
import type { ExpertsPlan } from './demo-experts-plan.ts';
import { idOf } from './demo-inbound-people.ts';
import type { InboundRefs } from './demo-inbound-context.ts';


/**
 * Makes the planned appointments as the office does: proposed for the unit, conferred by the
 * office, revoked on the day planned, renewed into a successor; then the experts' documents.
 * Returns the appointment in force at the end of each chain, in plan order.
 */
export async function loadExperts(db: Db, cipher: Cipher, plan: ExpertsPlan, refs: InboundRefs, people: Map<string, number>): Promise<Appointment[]> {
  // One call for every chain: proposed, conferred on its first day, revoked on the day planned, renewed into a successor.
  const chains = await createAppointments(systemContext(db), {
    appointments: plan.appointments.map((spec) => {
      const input = parseOrThrow(AppointmentInput, {
        personId: idOf(people, spec.personKey),
        title: spec.title,
        unitId: idOf(refs.units, spec.unitCode),
        institutionId: spec.institutionKey ? idOf(refs.institutions, spec.institutionKey) : null,
        startDate: spec.startDate,
        endDate: spec.endDate,
        notes: spec.notes ?? null,
      });
      const steps: AppointmentStepInput[] = spec.fate === 'proposed' ? [] : [{ to: 'appointed', on: input.startDate }];
      if (spec.fate === 'revoked') steps.push({ to: 'revoked', on: spec.revokedOn! });
      // the successor starts the day after the term ends (renewAppointment), and is conferred that day
      const renewal = spec.renewal ? { steps: spec.renewal === 'appointed' ? [{ to: 'appointed' as const, on: addDays(input.endDate!, 1) }] : [] } : undefined;
      return { input, steps, ...(renewal ? { renewal } : {}) };
    }),
  });
  const made: Appointment[] = chains.map((c) => c.successor ?? c.appointment);
  for (const doc of plan.documents) {
    const input = parseOrThrow(ExpertDocumentInput, {
      appointmentId: doc.appointment === null ? null : made[doc.appointment]!.id,
      kind: doc.kind,
      number: doc.number,
      issuedOn: doc.issuedOn,
      expiresOn: doc.expiresOn,
    });
    await createExpertDocument(systemContext(db), { personId: idOf(people, doc.personKey), input, cipher });
  }
  return made;
}
