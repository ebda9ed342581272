import type { AgreementInput } from '../../shared/contracts/agreements.ts';
import type { InstitutionInput } from '../../shared/contracts/institutions.ts';
import type { PersonInput } from '../../shared/contracts/people.ts';

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

/** A multipart body carrying one file in the field `file`. */
export function multipartFile(fileName: string, content: Buffer, contentType = 'application/octet-stream'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----interchange${counter++}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
