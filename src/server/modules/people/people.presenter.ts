import type { Cipher } from '../../security/personal-data.ts';
import type { Person } from '../../../shared/contracts/people.ts';
import type { PersonRow } from './people.repo.ts';

/**
 * A person as the API shows them: personal data decrypted for roles that may see it, and
 * absent (not null, not masked) for every other role.
 */
export function presentPerson(row: PersonRow, cipher: Cipher, withPersonalData: boolean): Person {
  const { birthDateEnc, passportEnc, ...rest } = row;
  if (!withPersonalData) return rest;
  return { ...rest, birthDate: cipher.decrypt(birthDateEnc), passportNumber: cipher.decrypt(passportEnc) };
}

/** A person for the audit log: which personal fields are set, never their values. */
export function auditPerson(row: PersonRow): object {
  const { birthDateEnc, passportEnc, ...rest } = row;
  return { ...rest, birthDate: birthDateEnc ? '[personal data]' : null, passportNumber: passportEnc ? '[personal data]' : null };
}
