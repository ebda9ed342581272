import type { RequestContext, Scoped } from '../../core/request-context.ts';
import { seesPersonalData } from '../../policies/policies.ts';
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
export function getExpertsEngaged(ctx: Scoped, options: { asOf?: string }): Promise<ExpertsEngaged> {
  return expertsEngaged(ctx, options.asOf ?? officeToday());
}

/** The renewal list: terms and expert documents ending within `months` of `asOf`, soonest first, within the actor's reach. */
export function getAppointmentRenewals(ctx: Scoped, options: { asOf: string; months: number }): Promise<RenewalItem[]> {
  return renewalItems(ctx, options.asOf, options.months);
}

/**
 * The expert's page: their appointments and documents, the visits they came on (the
 * ledger's visit person-times: the visits module's contract with the rest), and the
 * conferences they attended, all within the actor's reach.
 */
export async function getInboundRecord(ctx: RequestContext, options: { personId: number; cipher: Cipher }): Promise<InboundRecord> {
  const { personId, cipher } = options;
  await assertExpertInReach(ctx, personId);
  const appointments = await listAppointments(ctx, officeToday(), { personId, sort: 'startDate', order: 'desc', page: 1, pageSize: 200 });
  const documents = (await listExpertDocuments(ctx, personId)).map((row) => presentExpertDocument(row, cipher, seesPersonalData(ctx.actor)));
  return {
    personId,
    appointments: appointments.rows,
    documents,
    visits: await visitsOf(ctx, personId),
    conferences: await conferencesAttendedBy(ctx, { personId }),
    personTimes: await inboundPersonTimes(ctx, personId),
  };
}

/** Experts appointed in a period (the year in review): distinct people whose appointment started then, within the actor's reach. */
export function countExpertsAppointed(ctx: Scoped, options: { from: string; to: string }): Promise<number> {
  return expertsAppointedIn(ctx, options.from, options.to);
}
