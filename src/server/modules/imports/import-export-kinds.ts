/**
 * Each importable kind's records as its import's rows: the list's own service selects them (its
 * filters, its unit scope), and each record becomes the rows its template would have held — one
 * per visitor of a visit, per member of a mission, per enrolment … — as values keyed by the
 * import's fields, in the form the import reads into (codes, ids, ISO dates). How a value is
 * written in a cell is the column's business (`import-export.ts`), not the kind's.
 */
import type { z } from 'zod';
import type { Scoped } from '../../core/request-context.ts';
import { DomainError } from '../../core/errors.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { IMPORT_EXPORT_MAX_RECORDS, type ExportableImportKind, type IMPORT_EXPORT_QUERIES } from '../../../shared/contracts/import-exports.ts';
import type { Honour } from '../../../shared/contracts/honours.ts';
import { listAgreementsForExport } from '../agreements/agreements.service.ts';
import { listAppointmentsForExport } from '../appointments/appointments.service.ts';
import { listAttendeesForExport } from '../conferences/attendees.service.ts';
import { exportApplications } from '../exchanges/exchanges.service.ts';
import { exportHonours } from '../honours/honours.service.ts';
import { listInstitutionsForExport } from '../institutions/institutions.service.ts';
import { listAggregatesForExport } from '../ledger/aggregates.service.ts';
import { listMissionsForExport } from '../missions/missions.service.ts';
import { listPeopleForExport } from '../people/people.service.ts';
import { exportStudents } from '../programmes/programme-students.service.ts';
import { exportEnrolments } from '../students/students.service.ts';
import { listVisitsForExport } from '../visits/visits.service.ts';
import { latestResidencies, peopleForExport, type PersonForExport } from './import-export.repo.ts';
import { programmesOnFile } from './import-schooling.repo.ts';

/** One row of an import's sheet: the import's fields and their values as the import reads them. */
export type ExportRow = Record<string, unknown>;

/** A kind's list filters, as its export route took them (the file's format and encoding apart). */
type Filters<K extends ExportableImportKind> = Omit<z.output<(typeof IMPORT_EXPORT_QUERIES)[K]>, 'format' | 'encoding'>;

/** One kind's part: the rows of the records its list's filters select within the caller's reach. */
type KindRows<K extends ExportableImportKind> = (ctx: Scoped, filters: Filters<K>) => Promise<ExportRow[]>;

const MAX = IMPORT_EXPORT_MAX_RECORDS;

/** A longer list than one file carries is refused: an export cut short would lose records on the way back in. */
function whole<T>(page: { rows: T[]; total: number }): T[] {
  if (page.total > page.rows.length) throw new DomainError('export_too_many_records', 'too_large', { fields: [{ field: 'query', reason: 'too_many_records' }] });
  return page.rows;
}

/** The columns that name a person on a row of a kind about people (`import-person-columns.ts`), from the person on file. */
function personFields(p: PersonForExport | undefined, options: { foreign: boolean }): ExportRow {
  if (!p) return {};
  return {
    familyName: p.familyName, givenName: p.givenName, nameZh: p.nameZh, gender: p.gender, position: p.title, email: p.email,
    ...(options.foreign ? { nationality: p.nationality, institutionId: p.institutionId } : {}),
  };
}

/** A date known to a day, a month or a year, as the import's partial-date cell reads it (2019-03-05, 2019-03, 2019). */
function partialDate(h: Pick<Honour, 'conferredOn' | 'datePrecision'>): string {
  return h.datePrecision === 'year' ? h.conferredOn.slice(0, 4) : h.datePrecision === 'month' ? h.conferredOn.slice(0, 7) : h.conferredOn;
}

/** The year an aggregate entry counts, when it spans exactly one calendar year (the only period the import writes). */
function wholeYear(a: { startDate: string; endDate: string }): number | null {
  const year = a.startDate.slice(0, 4);
  return a.startDate === `${year}-01-01` && a.endDate === `${year}-12-31` ? Number(year) : null;
}

const institutions: KindRows<'institutions'> = async (ctx, query) =>
  whole(await listInstitutionsForExport(ctx, { query, max: MAX })).map((i) => ({
    nameEn: i.nameEn, nameZh: i.nameZh, nameFr: i.nameFr, nameLocal: i.nameLocal, otherNames: i.otherNames, kind: i.kind, countryCode: i.countryCode,
    city: i.city, website: i.website, ror: i.ror, schac: i.schac, erasmusCode: i.erasmusCode, pic: i.pic, notes: i.notes,
  }));

const people: KindRows<'people'> = async (ctx, query) => {
  const page = await listPeopleForExport(ctx, { query, max: MAX });
  if (page.total > page.ids.length) whole({ rows: page.ids, total: page.total });
  const found = await peopleForExport(ctx, page.ids);
  return page.ids.flatMap((id) => {
    const p = found.get(id);
    return p
      ? [{ familyName: p.familyName, givenName: p.givenName, nameZh: p.nameZh, otherNames: p.otherNames, gender: p.gender, nationality: p.nationality, institutionId: p.institutionId, title: p.title, email: p.email, unitId: p.unitId, notes: p.notes }]
      : [];
  });
};

const agreements: KindRows<'agreements'> = async (ctx, { asOf, dormantYears, ...query }) =>
  whole(await listAgreementsForExport(ctx, { at: { asOf: asOf ?? officeToday(), dormantYears }, query, max: MAX })).map((a) => ({
    titleEn: a.titleEn, titleZh: a.titleZh, titleFr: a.titleFr, partners: a.partners.map((p) => p.institutionId), level: a.level, kind: a.kind, unitId: a.unitId,
    ourSignatory: a.ourSignatory, partnerSignatory: a.partnerSignatory, signedOn: a.signedOn, effectiveOn: a.effectiveOn, expiresOn: a.expiresOn, status: a.status, notes: a.notes,
  }));

const visits: KindRows<'visits'> = async (ctx, { asOf, protocolThreshold, ...query }) => {
  const rows = whole(await listVisitsForExport(ctx, { at: { asOf: asOf ?? officeToday(), protocolThreshold }, query, max: MAX }));
  const found = await peopleForExport(ctx, rows.flatMap((v) => v.members.map((m) => m.personId)));
  return rows.flatMap((v) =>
    v.members.map((m) => ({
      titleEn: v.titleEn, titleZh: v.titleZh, hostUnitId: v.hostUnitId, purpose: v.purpose, startDate: v.startDate, endDate: v.endDate, protocolLevel: v.protocolLevel,
      receivingOfficial: v.receivingOfficial, status: v.status, report: v.report, notes: v.notes,
      ...personFields(found.get(m.personId), { foreign: false }),
      // The visitor as the visit counts them: the country and institution the visit recorded, the role in this delegation.
      familyName: m.familyName, givenName: m.givenName, nameZh: m.nameZh, position: m.title, nationality: m.countryCode, institutionId: m.institutionId, roleInDelegation: m.roleInDelegation,
    })),
  );
};

const missions: KindRows<'missions'> = async (ctx, { asOf, ...query }) => {
  const rows = whole(await listMissionsForExport(ctx, { asOf: asOf ?? officeToday(), query, max: MAX }));
  const found = await peopleForExport(ctx, rows.flatMap((m) => m.members.map((p) => p.personId)));
  return rows.flatMap((mission) => {
    const countries = [...new Set(mission.destinations.map((d) => d.countryCode))];
    const hosts = [...new Set(mission.destinations.flatMap((d) => (d.institutionId === null ? [] : [d.institutionId])))];
    return mission.members.map((member) => ({
      titleEn: mission.titleEn, titleZh: mission.titleZh, unitId: mission.unitId, purpose: mission.purpose, startDate: mission.startDate, endDate: mission.endDate,
      countries, hostInstitutions: hosts, fundingSource: mission.fundingSource, approvalDocumentNo: mission.approvalDocumentNo, invitationReference: mission.invitationReference,
      status: mission.status, report: mission.report, notes: mission.notes,
      ...personFields(found.get(member.personId), { foreign: false }),
      familyName: member.familyName, givenName: member.givenName, nameZh: member.nameZh, position: member.title, role: member.role,
    }));
  });
};

const appointments: KindRows<'appointments'> = async (ctx, { asOf, ...query }) => {
  const rows = whole(await listAppointmentsForExport(ctx, { asOf: asOf ?? officeToday(), query, max: MAX }));
  const found = await peopleForExport(ctx, rows.map((a) => a.personId));
  return rows.map((a) => ({
    ...personFields(found.get(a.personId), { foreign: true }),
    // The institution the expert was appointed from, which the import writes on the appointment.
    institutionId: a.institutionId ?? found.get(a.personId)?.institutionId ?? null,
    title: a.title, unitId: a.unitId, startDate: a.startDate, endDate: a.endDate, status: a.status, notes: a.notes,
  }));
};

const honours: KindRows<'honours'> = async (ctx, query) => {
  const rows = await exportHonours(ctx, { query });
  if (rows.length > MAX) whole({ rows: rows.slice(0, MAX), total: rows.length });
  const found = await peopleForExport(ctx, rows.map((h) => h.personId));
  return rows.map((h) => ({
    ...personFields(found.get(h.personId), { foreign: false }),
    kind: h.kind, honourEn: h.nameEn, honourZh: h.nameZh, honourFr: h.nameFr, nameOriginal: h.nameOriginal, awardingInstitutionId: h.awardingInstitutionId,
    awardingBody: h.awardingBody, countryCode: h.countryCode, conferred: partialDate(h), citation: h.citation, notable: String(h.notable), unitId: h.unitId,
  }));
};

const students: KindRows<'students'> = async (ctx, query) => {
  const rows = await exportEnrolments(ctx, { query });
  if (rows.length > MAX) whole({ rows: rows.slice(0, MAX), total: rows.length });
  const found = await peopleForExport(ctx, rows.map((e) => e.personId));
  return rows.map((e) => ({
    ...personFields(found.get(e.personId), { foreign: true }),
    level: e.level, programmeEn: e.programmeEn, programmeZh: e.programmeZh, unitId: e.unitId, countryCode: e.countryCode, funding: e.funding,
    instructionLanguage: e.instructionLanguage, studentNumber: e.studentNumber, admittedOn: e.admittedOn, enrolledOn: e.enrolledOn,
    expectedCompletionOn: e.expectedCompletionOn, status: e.status, completedOn: e.completedOn, degreeAwarded: e.degreeAwarded, leftOn: e.leftOn, notes: e.notes,
  }));
};

const aggregates: KindRows<'aggregates'> = async (ctx) =>
  whole(await listAggregatesForExport(ctx, { max: MAX })).flatMap((a) => {
    const year = wholeYear(a);
    // An entry over another period than a calendar year is not one the import can write.
    return year === null ? [] : [{ year, direction: a.direction, who: a.who, category: a.category, countryCode: a.countryCode, unitId: a.unitId, count: a.count, sourceDocument: a.sourceDocument, notes: a.notes }];
  });

/** A list read whole (no paging), refused past the most one file carries like a paged one. */
function bounded<T>(rows: T[]): T[] {
  if (rows.length > MAX) whole({ rows: rows.slice(0, MAX), total: rows.length });
  return rows;
}

const exchangeApplications: KindRows<'exchange-applications'> = async (ctx, query) => {
  const rows = bounded(await exportApplications(ctx, { query }));
  const found = await peopleForExport(ctx, rows.map((a) => a.personId));
  return rows.map((a) => ({
    ...personFields(found.get(a.personId), { foreign: false }),
    // The student's own unit (a new person is created in it), not the exchange's.
    unitId: found.get(a.personId)?.unitId ?? null,
    // The exchange as the import finds it again: its title, host and academic year.
    opportunity: a.opportunity.titleEn, hostInstitutionId: a.hostInstitutionId, academicYear: String(a.opportunity.academicYear),
    appliedOn: a.appliedOn, score: a.score === null ? null : String(a.score), languageCertificate: a.languageCertificate, status: a.status,
    decidedOn: a.decidedOn, departureDate: a.departureDate, returnDate: a.returnDate, notes: a.notes,
  }));
};

const programmeStudents: KindRows<'programme-students'> = async (ctx, query) => {
  const rows = bounded(await exportStudents(ctx, { query }));
  const found = await peopleForExport(ctx, rows.map((s) => s.personId));
  const programmes = new Map((await programmesOnFile(ctx)).map((p) => [p.id, p.names[0]]));
  // A row carries one residency: a student's latest (the students of this programme do one year in a French hospital).
  const residencies = await latestResidencies(ctx, rows.map((s) => s.id));
  return rows.map((s) => {
    const r = residencies.get(s.id);
    return {
      ...personFields(found.get(s.personId), { foreign: false }),
      programme: programmes.get(s.programmeId), entryYear: s.entryYear, studentNumber: s.studentNumber, status: s.status, notes: s.notes,
      ...(r ? { residencyHospital: r.hostInstitutionId, residencyDepartment: r.department, residencyStart: r.startDate, residencyEnd: r.endDate, residencyStatus: r.status } : {}),
    };
  });
};

const attendees: KindRows<'attendees'> = async (ctx, query) => {
  const rows = whole(await listAttendeesForExport(ctx, { query, max: MAX }));
  // The conference by its English title, as the import finds it again in another database (its number would be another).
  return bounded(rows).map(({ conference, attendee: a }) => ({ fullName: a.fullName, institutionName: a.institutionName, countryCode: a.countryCode, role: a.role, conference: conference.titleEn }));
};

/** Every exportable kind's rows, by name (a kind added to IMPORT_EXPORT_QUERIES is added here). */
export const EXPORT_ROWS: { readonly [K in ExportableImportKind]: KindRows<K> } = {
  institutions, people, agreements, visits, missions, appointments, honours, students, aggregates,
  'exchange-applications': exchangeApplications, 'programme-students': programmeStudents, attendees,
};
