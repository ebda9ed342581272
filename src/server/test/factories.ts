import type { AgreementInput } from '../../shared/contracts/agreements.ts';
import type { AppointmentInput } from '../../shared/contracts/appointments.ts';
import type { ConferenceInput } from '../../shared/contracts/conferences.ts';
import type { InstitutionInput } from '../../shared/contracts/institutions.ts';
import type { PersonInput } from '../../shared/contracts/people.ts';
import type { VisitInput } from '../../shared/contracts/visits.ts';
import type { MissionInput } from '../../shared/contracts/missions.ts';

let counter = 0;

/** A valid institution body, with overrides. */
export function institutionBody(overrides: Partial<InstitutionInput> = {}): InstitutionInput {
  counter += 1;
  return { kind: 'university', nameEn: `Test University ${counter}`, countryCode: 'FR', city: 'Lyon', ...overrides };
}

/** A valid person body, with overrides. */
export function personBody(overrides: Partial<PersonInput> = {}): PersonInput {
  counter += 1;
  return { familyName: `Martin${counter}`, givenName: 'Claire', nationality: 'FR', gender: 'female', ...overrides };
}

/** A valid agreement body with the given partners, with overrides: institutional, open-ended. */
export function agreementBody(partnerIds: number[], overrides: Partial<AgreementInput> = {}): AgreementInput {
  counter += 1;
  return {
    titleEn: `Cooperation agreement ${counter}`,
    titleZh: `合作协议${counter}`,
    level: 'institutional',
    kind: 'comprehensive',
    partners: partnerIds.map((institutionId) => ({ institutionId })),
    ...overrides,
  };
}

/** A valid visit body hosted by `hostUnitId` with the given visitors (their countries default to their nationalities), with overrides. */
export function visitBody(hostUnitId: number, personIds: number[], overrides: Partial<VisitInput> = {}): VisitInput {
  counter += 1;
  return {
    titleEn: `Delegation visit ${counter}`,
    titleZh: `代表团来访${counter}`,
    hostUnitId,
    purpose: 'academic_exchange',
    startDate: '2024-05-10',
    endDate: '2024-05-12',
    members: personIds.map((personId, i) => ({ personId, roleInDelegation: i === 0 ? 'head' : 'member' })),
    ...overrides,
  };
}

/** A valid mission body sent by `unitId` with the given staff (the first leads), to France, with overrides: a conference in May 2024. */
export function missionBody(unitId: number, personIds: number[], overrides: Partial<MissionInput> = {}): MissionInput {
  counter += 1;
  return {
    titleEn: `Mission abroad ${counter}`,
    titleZh: `出访团组${counter}`,
    unitId,
    purpose: 'conference',
    startDate: '2024-05-10',
    endDate: '2024-05-16',
    destinations: [{ countryCode: 'FR' }],
    members: personIds.map((personId, i) => ({ personId, role: i === 0 ? 'leader' : 'member' })),
    ...overrides,
  };
}

/** A valid appointment body for a person, by a unit, with overrides: a visiting professorship for 2024–2026. */
export function appointmentBody(personId: number, unitId: number, overrides: Partial<AppointmentInput> = {}): AppointmentInput {
  return { personId, unitId, title: 'visiting_professor', startDate: '2024-01-01', endDate: '2026-12-31', ...overrides };
}

/** A valid conference body hosted by a unit, with overrides: two days in May 2024. */
export function conferenceBody(hostUnitId: number, overrides: Partial<ConferenceInput> = {}): ConferenceInput {
  counter += 1;
  return { titleEn: `International symposium ${counter}`, titleZh: `国际研讨会${counter}`, startDate: '2024-05-10', endDate: '2024-05-11', hostUnitId, ...overrides };
}

/** A multipart body carrying one file in the field `file`. */
export function multipartFile(fileName: string, content: Buffer, contentType = 'application/octet-stream'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----interchange${counter++}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
