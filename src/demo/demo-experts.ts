import type { Db } from '../server/db/client.ts';
import type { Cipher } from '../server/security/personal-data.ts';
import { systemContext } from '../server/core/request-context.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { createAppointment, renewAppointment, transitionAppointment } from '../server/modules/appointments/appointments.service.ts';
import { createExpertDocument } from '../server/modules/appointments/expert-documents.service.ts';
import { AppointmentInput, AppointmentTransition, ExpertDocumentInput, type Appointment } from '../shared/contracts/appointments.ts';
import type { ExpertsPlan } from './demo-experts-plan.ts';
import { idOf } from './demo-inbound-people.ts';
import type { InboundRefs } from './demo-inbound-context.ts';


async function confer(a: Appointment, db: Db): Promise<Appointment> {
  return transitionAppointment(systemContext(db), { id: a.id, input: parseOrThrow(AppointmentTransition, { to: 'appointed', on: a.startDate, version: a.version }) });
}

/**
 * Makes the planned appointments as the office does: proposed for the unit, conferred by the
 * office, revoked on the day planned, renewed into a successor; then the experts' documents.
 * Returns the appointment in force at the end of each chain, in plan order.
 */
export async function loadExperts(db: Db, cipher: Cipher, plan: ExpertsPlan, refs: InboundRefs, people: Map<string, number>): Promise<Appointment[]> {
  const made: Appointment[] = [];
  for (const spec of plan.appointments) {
    const input = parseOrThrow(AppointmentInput, {
      personId: idOf(people, spec.personKey),
      title: spec.title,
      unitId: idOf(refs.units, spec.unitCode),
      institutionId: spec.institutionKey ? idOf(refs.institutions, spec.institutionKey) : null,
      startDate: spec.startDate,
      endDate: spec.endDate,
      notes: spec.notes ?? null,
    });
    let appointment = await createAppointment(systemContext(db), { input });
    if (spec.fate !== 'proposed') appointment = await confer(appointment, db);
    if (spec.fate === 'revoked') {
      appointment = await transitionAppointment(systemContext(db), { id: appointment.id, input: parseOrThrow(AppointmentTransition, { to: 'revoked', on: spec.revokedOn, version: appointment.version }) });
    }
    if (spec.renewal) {
      const successor = await renewAppointment(systemContext(db), { id: appointment.id, version: appointment.version });
      appointment = spec.renewal === 'appointed' ? await confer(successor, db) : successor;
    }
    made.push(appointment);
  }
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
