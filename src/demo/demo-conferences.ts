import type { Db } from '../server/db/client.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { systemContext } from '../server/core/request-context.ts';
import { createConference, transitionConference } from '../server/modules/conferences/conferences.service.ts';
import { addAttendee, importAttendees } from '../server/modules/conferences/attendees.service.ts';
import { AttendeeInput, ConferenceInput, ConferenceTransition, type Conference } from '../shared/contracts/conferences.ts';
import { idOf } from './demo-inbound-people.ts';
import type { ConferenceSpec } from './demo-conferences-plan.ts';
import { attendeeCsv } from './demo-conference-attendees.ts';

/** Imports a held conference's attendee list as its host unit would upload it, then adds the people we know by their records. */
async function attendees(db: Db, c: Conference, spec: ConferenceSpec, refs: { institutions: Map<string, number>; people: Map<string, number> }): Promise<Conference> {
  const imported = await importAttendees(systemContext(db), { id: c.id, version: c.version, fileName: 'attendees.csv', content: attendeeCsv(spec.attendees) });
  let version = imported.conference.version;
  for (const a of spec.linked) {
    const personId = idOf(refs.people, a.personKey);
    const institutionId = a.institutionKey ? idOf(refs.institutions, a.institutionKey) : null;
    const input = parseOrThrow(AttendeeInput, { personId, fullName: a.fullName, institutionId, institutionName: a.institution, countryCode: a.country, role: a.role, version });
    await addAttendee(systemContext(db), { id: c.id, input });
    // Each change to the list moves the conference's version on by one.
    version += 1;
  }
  return { ...imported.conference, version };
}

/**
 * Proposes each planned conference through the conferences service and takes it through its
 * steps on their days: approved by the office, held (its foreign participants enter the
 * ledger), its attendee list imported when it has one, closed with its summary.
 */
export async function loadConferences(db: Db, specs: readonly ConferenceSpec[], refs: { units: Map<string, number>; institutions: Map<string, number>; people: Map<string, number> }): Promise<Conference[]> {
  const made: Conference[] = [];
  for (const spec of specs) {
    const input = parseOrThrow(ConferenceInput, {
      titleEn: spec.titleEn,
      titleZh: spec.titleZh,
      titleFr: spec.titleFr,
      startDate: spec.startDate,
      endDate: spec.endDate,
      venue: spec.venue,
      hostUnitId: idOf(refs.units, spec.hostUnitCode),
      partners: spec.partners.map((p) => ({ institutionId: idOf(refs.institutions, p.key), role: p.role })),
      participants: spec.participants,
      foreignParticipants: spec.foreignParticipants,
      countriesRepresented: spec.countriesRepresented,
      notes: spec.notes ?? null,
    });
    let conference = await createConference(systemContext(db), { input });
    for (const step of spec.steps) {
      const transition = parseOrThrow(ConferenceTransition, { to: step.to, on: step.on, summary: step.summary ?? null, version: conference.version });
      conference = await transitionConference(systemContext(db), { id: conference.id, input: transition });
      if (step.to === 'held' && spec.attendees.length) conference = await attendees(db, conference, spec, refs);
    }
    made.push(conference);
  }
  return made;
}
