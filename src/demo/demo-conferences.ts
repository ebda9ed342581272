import type { Db } from '../server/db/client.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { systemContext } from '../server/core/request-context.ts';
import { createConferences } from '../server/modules/conferences/conferences.service.ts';
import { addAttendees } from '../server/modules/conferences/attendees.service.ts';
import { getConference } from '../server/modules/conferences/conferences.service.ts';
import { commitImport } from '../server/modules/imports/imports.service.ts';
import type { Cipher } from '../server/security/personal-data.ts';
import { AttendeeInput, ConferenceInput, ConferenceTransition, type Conference } from '../shared/contracts/conferences.ts';
import { idOf } from './demo-inbound-people.ts';
import type { ConferenceSpec } from './demo-conferences-plan.ts';
import { attendeeCsv } from './demo-conference-attendees.ts';

/**
 * Imports a held conference's attendee list as its host unit would upload it (the `attendees`
 * kind of import, every row added, as the list is new), then adds the people we know by their
 * records, all in one call (addAttendees: each checked and audited as one typed on the page, the
 * conference's version moved on and its ledger rows rewritten once, not once an attendee).
 */
async function attendees(db: Db, cipher: Cipher, c: Conference, spec: ConferenceSpec, refs: { institutions: Map<string, number>; people: Map<string, number> }): Promise<Conference> {
  // Every row is an attendee, even a name written twice (rows are numbered from 2, below the header).
  const decisions = JSON.stringify(Object.fromEntries(spec.attendees.map((_, i) => [i + 2, 'create'])));
  await commitImport(systemContext(db), { kind: 'attendees', fileName: 'attendees.csv', content: attendeeCsv(spec.attendees), query: { onDuplicate: 'skip', conference: c.id, decisions }, cipher });
  const imported = await getConference(systemContext(db), { id: c.id });
  if (spec.linked.length === 0) return imported;
  const inputs = spec.linked.map((a) => {
    const personId = idOf(refs.people, a.personKey);
    const institutionId = a.institutionKey ? idOf(refs.institutions, a.institutionKey) : null;
    const { version: _v, ...input } = parseOrThrow(AttendeeInput, { personId, fullName: a.fullName, institutionId, institutionName: a.institution, countryCode: a.country, role: a.role, version: imported.version });
    return input;
  });
  await addAttendees(systemContext(db), { id: c.id, version: imported.version, inputs });
  // The list changed once: the conference's version moved on by one.
  return { ...imported, version: imported.version + 1 };
}

/**
 * Proposes the planned conferences through the conferences service, each taken through its steps
 * on their days (approved by the office, held: its foreign participants enter the ledger, closed
 * with its summary), in one call (createConferences); then each held conference's attendee list
 * is imported when it has one. The list came between the held and the closed steps; the records,
 * their ledger rows and their versions come out as they did step by step.
 */
export async function loadConferences(db: Db, cipher: Cipher, specs: readonly ConferenceSpec[], refs: { units: Map<string, number>; institutions: Map<string, number>; people: Map<string, number> }): Promise<Conference[]> {
  const made = await createConferences(systemContext(db), {
    conferences: specs.map((spec) => ({
      input: parseOrThrow(ConferenceInput, {
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
      }),
      // Each step parsed as its transition would be (the version is the one it would be taken at).
      steps: spec.steps.map((step, k) => {
        const { version: _v, ...parsed } = parseOrThrow(ConferenceTransition, { to: step.to, on: step.on, summary: step.summary ?? null, version: k + 1 });
        return { ...parsed, on: step.on };
      }),
    })),
  });
  const listed: Conference[] = [];
  for (const [i, spec] of specs.entries()) {
    const held = spec.steps.some((step) => step.to === 'held');
    listed.push(held && spec.attendees.length ? await attendees(db, cipher, made[i]!, spec, refs) : made[i]!);
  }
  return listed;
}
