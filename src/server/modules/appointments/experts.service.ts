import type { Queryable } from '../../db/client.ts';
import type { Actor } from '../../policies/actor.ts';
import { scopeOf, seesPersonalData } from '../../policies/policies.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { officeToday } from '../../../shared/calendar.ts';
import type { ExpertsEngaged, InboundRecord, RenewalItem } from '../../../shared/contracts/appointments.ts';
import { conferencesAttendedBy } from '../conferences/conferences.service.ts';
import { listAppointments, renewalItems } from './appointments.repo.ts';
import { assertExpertInReach } from './appointments.service.ts';
import { listExpertDocuments } from './expert-documents.repo.ts';
import { presentExpertDocument } from './expert-documents.presenter.ts';
import { expertsAppointedIn, expertsEngaged, inboundPersonTimes, visitsOf } from './experts.repo.ts';

/**
 * "Experts engaged" on `asOf` (default today), within the actor's reach: people with an
 * appointment in force then, by title and by country/region, and the distinct people ever
 * appointed. The definition the API, `interchange report experts` and the reports read.
 */
export function getExpertsEngaged(options: { actor: Actor; asOf?: string }, db: Queryable): Promise<ExpertsEngaged> {
  return expertsEngaged(db, options.asOf ?? officeToday(), scopeOf(options.actor));
}

/** The renewal list: terms and expert documents ending within `months` of `asOf`, soonest first, within the actor's reach. */
export function getAppointmentRenewals(options: { actor: Actor; asOf: string; months: number }, db: Queryable): Promise<RenewalItem[]> {
  return renewalItems(db, options.asOf, options.months, scopeOf(options.actor));
}

/**
 * The expert's page: their appointments and documents, the visits they came on (the
 * ledger's visit person-times: the visits module's contract with the rest), and the
 * conferences they attended, all within the actor's reach.
 */
export async function getInboundRecord(options: { actor: Actor; personId: number; cipher: Cipher }, db: Queryable): Promise<InboundRecord> {
  const { actor, personId, cipher } = options;
  await assertExpertInReach(db, actor, personId);
  const scope = scopeOf(actor);
  const appointments = await listAppointments(db, scope, officeToday(), { personId, sort: 'startDate', order: 'desc', page: 1, pageSize: 200 });
  const documents = (await listExpertDocuments(db, personId, scope)).map((row) => presentExpertDocument(row, cipher, seesPersonalData(actor)));
  return {
    personId,
    appointments: appointments.rows,
    documents,
    visits: await visitsOf(db, personId, scope),
    conferences: await conferencesAttendedBy({ actor, personId }, db),
    personTimes: await inboundPersonTimes(db, personId, scope),
  };
}

/** Experts appointed in a period (the year in review): distinct people whose appointment started then, within the actor's reach. */
export function countExpertsAppointed(options: { actor: Actor; from: string; to: string }, db: Queryable): Promise<number> {
  return expertsAppointedIn(db, options.from, options.to, scopeOf(options.actor));
}
