import { roleMay, type Entity } from '../../shared/policies.ts';
import type { Role } from '../../shared/roles.ts';
import { RECORD_KINDS } from '../../shared/kinds/record-kinds.ts';
import { IMPORT_KINDS } from '../../shared/contracts/imports.ts';

/**
 * The record kind each audit row's `entity` describes, for its read right: an audit row tells
 * what the record held (a user's email, role, sign-in address), so it is read by those who may
 * read the record. A kind missing here is shown to the administrator only; a record kind is here by its description.
 */
export const AUDIT_ENTITIES: Readonly<Record<string, Entity>> = {
  user: 'user',
  api_token: 'user',
  calendar_feed: 'user',
  unit: 'unit',
  institution: 'institution',
  person: 'person',
  setting: 'setting',
  aggregate: 'aggregate',
  agreement: 'agreement',
  agreement_document: 'agreement',
  visit: 'visit',
  visit_file: 'visit',
  mission: 'mission',
  appointment: 'appointment',
  expert_document: 'appointment',
  conference: 'conference',
  conference_attendee: 'conference',
  honour: 'honour',
  student: 'student',
  programme: 'programme',
  programme_cohort: 'programme',
  programme_student: 'programme',
  programme_assessment: 'programme',
  residency_placement: 'programme',
  visiting_professor: 'programme',
  exchange_opportunity: 'exchange',
  exchange_application: 'exchange',
  // A saved column mapping names no record.
  import_mapping: 'institution',
  // An import draft (a file uploaded, decisions on its rows, its commit): read like the committed imports, by the office.
  import_draft: 'import',
  // A run started by hand (the daily digest), a backup or a restore of the whole database: the administrator's.
  job: 'job',
  database: 'job',
  document_template: 'document_template',
  // A national statistics file imported (its provenance, replaced by a new import of the same year): read by whoever reads the statistics.
  national_statistics: 'national_statistics',
  // A file prepared in the background (what was asked, with its filters): the administrator's, as the jobs are.
  prepared_file: 'job',
  // A partner's key registered for Erasmus Without Paper: the administrator's.
  ewp_partner_key: 'ewp_key',
  // A pull of a partner's IIAs (the copies matched to our agreements, their differences): read by whoever reads agreements.
  ewp_iia_pull: 'agreement',
  ...Object.fromEntries(RECORD_KINDS.map((kind) => [kind.audit, kind.policy])),
  // An import is read by those who may read what it imported: every kind's, by its description.
  ...Object.fromEntries(Object.values(IMPORT_KINDS).map((kind) => [`${kind.entity}_import`, kind.entity])),
};

/** The audit entities `role` may read, or null for all of them (the administrator). */
export function readableAuditEntities(role: Role): string[] | null {
  if (role === 'admin') return null;
  return Object.entries(AUDIT_ENTITIES)
    .filter(([, entity]) => roleMay(role, entity, 'read'))
    .map(([name]) => name);
}
