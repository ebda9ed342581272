/**
 * The values each kind of document is filled with, built from its record through the owning
 * module's services, so that the reader's reach is the one those services enforce (a
 * coordinator's unit) and a record out of reach is 404. Names stay in their own script;
 * dates are written in the document's language. Only the visa support letter carries
 * passport numbers and dates of birth, and only for roles that may see personal data.
 */
import { DomainError, invalidFields, notFound } from '../../core/errors.ts';
import type { RequestContext } from '../../core/request-context.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { seesPersonalData } from '../../policies/policies.ts';
import type { Locale } from '../../../shared/contracts/common.ts';
import type { DocumentKind } from '../../../shared/contracts/documents.ts';
import { delegationHead, LETTER_STATUSES, type Visit } from '../../../shared/contracts/visits.ts';
import { VISIT_PURPOSE_LABELS } from '../../../shared/i18n/visit-labels.ts';
import { STUDENT_LEVEL_LABELS } from '../../../shared/i18n/student-labels.ts';
import { APPOINTMENT_TITLE_LABELS, ATTENDEE_ROLE_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import { getVisit } from '../visits/visits.service.ts';
import { chineseLetterName, letterName } from '../visits/invitation-letter.ts';
import { getPerson } from '../people/people.service.ts';
import { getEnrolment } from '../students/students.service.ts';
import { exportApplications } from '../exchanges/exchanges.service.ts';
import { getConference } from '../conferences/conferences.service.ts';
import { getAttendees } from '../conferences/attendees.service.ts';
import { getAppointment } from '../appointments/appointments.service.ts';
import type { DocumentData } from './docx-fill.ts';
import { documentDate } from './document-dates.ts';
import { countryNames, institutionNames, unitLetterNames, type Names } from './documents.repo.ts';

/** What a document is asked for with. */
export interface DocumentRequest {
  lang: Locale;
  date: string;
  recordId?: number | undefined;
  memberId?: number | undefined;
  institutionId?: number | undefined;
  academicYear?: number | undefined;
}

/** A filled document's values, the unit it speaks for, and a file name without its extension. */
export interface BuiltDocument {
  data: DocumentData;
  unitId: number;
  fileName: string;
}

type PersonName = { familyName: string | null; givenName: string | null; nameZh: string | null };

/** A person's name as a letter in `lang` writes it: the Chinese name in Chinese where there is one, else the passport's. */
export function nameIn(person: PersonName, lang: Locale): string {
  const familyName = person.familyName ?? '';
  return lang === 'zh' ? chineseLetterName({ ...person, familyName }) : letterName(person.givenName, familyName) || (person.nameZh ?? '');
}

const required = (value: number | undefined, field: string): number => {
  if (value === undefined) throw invalidFields({ field, reason: 'required' });
  return value;
};

async function common(ctx: RequestContext, unitId: number, request: DocumentRequest, reference: string): Promise<DocumentData> {
  const names = await unitLetterNames(ctx, unitId);
  const { lang } = request;
  return { date: documentDate(request.date, lang), reference, university: names.university[lang], office: names.office?.[lang] ?? '', hostUnit: names.unit[lang] };
}

const pick = (names: Names | null | undefined, lang: Locale, fallback = ''): string => names?.[lang] ?? fallback;

async function visitLetter(ctx: RequestContext, request: DocumentRequest, cipher: Cipher, withPassports: boolean): Promise<BuiltDocument> {
  const { lang } = request;
  if (withPassports && !seesPersonalData(ctx.actor)) throw new DomainError('document_needs_personal_data', 'forbidden');
  const visit: Visit = await getVisit(ctx, { id: required(request.recordId, 'recordId') });
  if (!LETTER_STATUSES.includes(visit.status)) throw new DomainError('visit_not_approved', 'conflict');
  const head = delegationHead(visit.members);
  const visitor = request.memberId === undefined ? head : visit.members.find((m) => m.personId === request.memberId);
  if (!visitor) throw invalidFields({ field: 'memberId', reason: 'unknown_reference' });
  const countries = await countryNames(ctx, visit.members.map((m) => m.countryCode));
  const people = withPassports ? await Promise.all(visit.members.map((m) => getPerson(ctx, { id: m.personId, cipher }))) : [];
  const nationalities = await countryNames(ctx, people.map((p) => p.nationality));
  const institution = (m: Visit['members'][number]) => (lang === 'zh' ? (m.institutionNameZh ?? m.institutionNameEn) : (m.institutionNameEn ?? m.institutionNameZh)) ?? '';
  const members = visit.members.map((m, i) => ({
    name: nameIn(m, lang),
    role: m.roleInDelegation ?? '',
    institution: institution(m),
    country: pick(countries.get(m.countryCode), lang, m.countryCode),
    ...(withPassports
      ? {
          nationality: pick(nationalities.get(people[i]!.nationality ?? ''), lang, people[i]!.nationality ?? ''),
          passportNumber: people[i]!.passportNumber ?? '',
          birthDate: documentDate(people[i]!.birthDate, lang),
        }
      : {}),
  }));
  return {
    unitId: visit.hostUnitId,
    fileName: `${withPassports ? 'visa-support' : 'invitation'}-${visit.id}-${visitor.personId}-${lang}`,
    data: {
      ...(await common(ctx, visit.hostUnitId, request, `V${visit.id}-${visitor.personId}`)),
      visitorName: nameIn(visitor, lang),
      visitorTitle: visitor.title ?? '',
      visitorInstitution: institution(visitor),
      visitorCountry: pick(countries.get(visitor.countryCode), lang, visitor.countryCode),
      visitTitle: (lang === 'zh' ? visit.titleZh : null) ?? visit.titleEn,
      purpose: VISIT_PURPOSE_LABELS[visit.purpose][lang],
      startDate: documentDate(visit.startDate, lang),
      endDate: documentDate(visit.endDate, lang),
      receivingOfficial: visit.receivingOfficial ?? '',
      delegationSize: String(visit.members.length),
      headName: nameIn(head, lang),
      members,
    },
  };
}

async function acceptanceLetter(ctx: RequestContext, request: DocumentRequest): Promise<BuiltDocument> {
  const { lang } = request;
  const enrolment = await getEnrolment(ctx, { id: required(request.recordId, 'recordId') });
  const countries = await countryNames(ctx, [enrolment.countryCode]);
  return {
    unitId: enrolment.unitId,
    fileName: `acceptance-${enrolment.id}-${lang}`,
    data: {
      ...(await common(ctx, enrolment.unitId, request, `S${enrolment.id}`)),
      studentName: nameIn(enrolment.person, lang),
      studentNumber: enrolment.studentNumber ?? '',
      nationality: pick(countries.get(enrolment.countryCode), lang, enrolment.countryCode),
      programme: (lang === 'zh' ? enrolment.programmeZh : null) ?? enrolment.programmeEn,
      level: STUDENT_LEVEL_LABELS[enrolment.level][lang],
      admittedOn: documentDate(enrolment.admittedOn, lang),
      startDate: documentDate(enrolment.enrolledOn ?? enrolment.admittedOn, lang),
      expectedCompletion: documentDate(enrolment.expectedCompletionOn, lang),
    },
  };
}

/** The statuses of a student the office names to the partner: selected, nominated, and gone or back since. */
const NOMINEE_STATUSES = new Set(['selected', 'nominated', 'departed', 'returned']);

async function nominationLetter(ctx: RequestContext, request: DocumentRequest): Promise<BuiltDocument> {
  const { lang } = request;
  const institutionId = required(request.institutionId, 'institutionId');
  const academicYear = required(request.academicYear, 'academicYear');
  const applications = (await exportApplications(ctx, { query: { hostInstitutionId: institutionId, academicYear, sort: 'familyName', order: 'asc' } as Parameters<typeof exportApplications>[1]['query'] })).filter((a) =>
    NOMINEE_STATUSES.has(a.status),
  );
  if (!applications.length) throw invalidFields({ field: 'institutionId', reason: 'no_nominees' });
  const partner = await institutionNames(ctx, institutionId);
  // The letter speaks for the unit running the first nominee's exchange (the office's letters usually run the exchange of the whole school).
  const unitId = applications[0]!.unitId;
  return {
    unitId,
    fileName: `nomination-${institutionId}-${academicYear}-${lang}`,
    data: {
      ...(await common(ctx, unitId, request, `X${institutionId}-${academicYear}`)),
      partner: pick(partner, lang),
      academicYear: `${academicYear}–${academicYear + 1}`,
      nomineeCount: String(applications.length),
      nominees: applications.map((a) => ({
        name: nameIn(a.person, lang),
        programme: a.opportunity.titleEn,
        departureDate: documentDate(a.departureDate, lang),
        returnDate: documentDate(a.returnDate, lang),
      })),
    },
  };
}

async function attendanceCertificate(ctx: RequestContext, request: DocumentRequest): Promise<BuiltDocument> {
  const { lang } = request;
  const conference = await getConference(ctx, { id: required(request.recordId, 'recordId') });
  const attendee = (await getAttendees(ctx, { id: conference.id })).find((a) => a.id === required(request.memberId, 'memberId'));
  if (!attendee) throw notFound();
  return {
    unitId: conference.hostUnitId,
    fileName: `attendance-${conference.id}-${attendee.id}-${lang}`,
    data: {
      ...(await common(ctx, conference.hostUnitId, request, `C${conference.id}-${attendee.id}`)),
      attendeeName: attendee.fullName,
      attendeeInstitution: attendee.institutionName ?? '',
      attendeeRole: ATTENDEE_ROLE_LABELS[attendee.role][lang],
      conferenceTitle: lang === 'zh' ? conference.titleZh : lang === 'fr' ? (conference.titleFr ?? conference.titleEn) : conference.titleEn,
      venue: conference.venue ?? '',
      startDate: documentDate(conference.startDate, lang),
      endDate: documentDate(conference.endDate, lang),
    },
  };
}

async function appointmentLetter(ctx: RequestContext, request: DocumentRequest): Promise<BuiltDocument> {
  const { lang } = request;
  const appointment = await getAppointment(ctx, { id: required(request.recordId, 'recordId') });
  return {
    unitId: appointment.unitId,
    fileName: `appointment-${appointment.id}-${lang}`,
    data: {
      ...(await common(ctx, appointment.unitId, request, `A${appointment.id}`)),
      expertName: nameIn(appointment.person, lang),
      expertInstitution: appointment.institutionName ?? '',
      appointmentTitle: APPOINTMENT_TITLE_LABELS[appointment.title][lang],
      startDate: documentDate(appointment.startDate, lang),
      endDate: documentDate(appointment.endDate, lang),
    },
  };
}

/** The values of a document of `kind` from its record, within the reader's reach. */
export function buildDocumentData(ctx: RequestContext, kind: DocumentKind, request: DocumentRequest, cipher: Cipher): Promise<BuiltDocument> {
  switch (kind) {
    case 'invitation_letter':
      return visitLetter(ctx, request, cipher, false);
    case 'visa_support_letter':
      return visitLetter(ctx, request, cipher, true);
    case 'acceptance_letter':
      return acceptanceLetter(ctx, request);
    case 'nomination_letter':
      return nominationLetter(ctx, request);
    case 'attendance_certificate':
      return attendanceCertificate(ctx, request);
    case 'appointment_letter':
      return appointmentLetter(ctx, request);
  }
}
