import type { Cipher } from '../../security/personal-data.ts';
import type { ExpertDocument } from '../../../shared/contracts/appointments.ts';
import type { ExpertDocumentRow } from './expert-documents.repo.ts';

/**
 * A document as the API shows it: the number decrypted for roles that may see personal
 * data, and absent (not null, not masked) for every other role.
 */
export function presentExpertDocument(row: ExpertDocumentRow, cipher: Cipher, withPersonalData: boolean): ExpertDocument {
  const { numberEnc, ...rest } = row;
  return withPersonalData ? { ...rest, number: cipher.decrypt(numberEnc) } : rest;
}

/** A document for the audit log: whether the number is set, never its value. */
export function auditExpertDocument(row: ExpertDocumentRow): object {
  const { numberEnc, ...rest } = row;
  return { ...rest, number: numberEnc ? '[personal data]' : null };
}
