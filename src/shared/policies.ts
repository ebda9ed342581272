import type { Role } from './roles.ts';

/**
 * `export` and `erase` are a person's data rights (everything held about them; erasure of their personal fields);
 * `merge` folds a duplicate into the record that stays (its references, ledger rows and names move).
 */
export type Action = 'read' | 'create' | 'update' | 'delete' | 'export' | 'erase' | 'merge';
export type Entity = 'exchange' | 'exchange_selection' | 'country' | 'catalogue' | 'institution' | 'unit' | 'person' | 'ledger' | 'aggregate' | 'user' | 'audit' | 'agreement' | 'visit' | 'mission' | 'appointment' | 'conference' | 'setting' | 'report' | 'honour' | 'programme' | 'student' | 'hospital_memorandum' | 'job' | 'document_template' | 'import' | 'national_statistics' | 'ewp_key';

const everyone: Role[] = ['admin', 'officer', 'coordinator', 'leader', 'viewer'];
const office: Role[] = ['admin', 'officer'];
const officeAndUnits: Role[] = ['admin', 'officer', 'coordinator'];

/**
 * Who may do what, per entity, in one place: the server enforces it, the web app reads it to
 * offer only what would be allowed. Coordinators are further limited to their unit's records
 * for the entities in UNIT_SCOPED.
 */
export const POLICIES: Record<Entity, Partial<Record<Action, Role[]>>> = {
  country: { read: everyone },
  // A committed import, as a whole: the office reads it and undoes it (each record's own policy applies as it is deleted).
  import: { read: office, delete: office },
  catalogue: { read: everyone },
  // Merging two institutions moves every unit's records: the office's.
  institution: { read: everyone, create: officeAndUnits, update: office, delete: office, merge: office },
  unit: { read: everyone, create: office, update: office, delete: office },
  // Exporting what is held about a person: the office, and the coordinator of the person's unit (their unit's records only).
  // Erasing one is the office's alone: it cannot be undone. Merging two: the office, or a coordinator when both are their unit's.
  person: { read: everyone, create: officeAndUnits, update: officeAndUnits, delete: officeAndUnits, export: officeAndUnits, erase: office, merge: officeAndUnits },
  ledger: { read: everyone },
  aggregate: { read: everyone, create: office, update: office, delete: office },
  user: { read: ['admin'], create: ['admin'], update: ['admin'], delete: ['admin'] },
  audit: { read: ['admin', 'officer', 'leader', 'coordinator'] },
  // Coordinators manage their unit's collegiate agreements; institutional ones are the office's (the service checks level).
  agreement: { read: everyone, create: officeAndUnits, update: officeAndUnits, delete: officeAndUnits },
  // Host units request, hold and report; approving is the office's (the service checks the step).
  visit: { read: everyone, create: officeAndUnits, update: officeAndUnits, delete: officeAndUnits },
  // Units request, travel and report; approving (and its approval number) is the office's (the service checks the step).
  mission: { read: everyone, create: officeAndUnits, update: officeAndUnits, delete: officeAndUnits },
  appointment: { read: everyone, create: officeAndUnits, update: officeAndUnits, delete: officeAndUnits },
  conference: { read: everyone, create: officeAndUnits, update: officeAndUnits, delete: officeAndUnits },
  // Honours from abroad: the office records them, a unit records its own people's.
  honour: { read: everyone, create: officeAndUnits, update: officeAndUnits, delete: officeAndUnits },
  // International degree students: the office admits and records them, a school its own students.
  student: { read: everyone, create: officeAndUnits, update: officeAndUnits, delete: officeAndUnits },
  // Joint programmes: the office, and the coordinator of the programme's unit (its cohorts, students, assessments, placements).
  programme: { read: everyone, create: officeAndUnits, update: officeAndUnits, delete: officeAndUnits },
  // Outbound student exchange: the office, and the coordinator of the unit that runs an opportunity (its applications).
  exchange: { read: everyone, create: officeAndUnits, update: officeAndUnits, delete: officeAndUnits },
  // Running the selection of an opportunity (places by merit) is the office's.
  exchange_selection: { update: office },
  // Memoranda with affiliated hospitals abroad: a unit drafts its own, the office signs them off (the kind's office step).
  hospital_memorandum: { read: everyone, create: officeAndUnits, update: officeAndUnits, delete: officeAndUnits },
  // The office's thresholds (what makes a conference major, a visit notable).
  setting: { read: everyone, update: office },
  // Figures, fact sheets, dashboards; a coordinator's are their unit's.
  report: { read: everyone },
  // Background jobs and the mail outbox (every message, to anyone): the administrator's, who may also start a run (the daily digest).
  job: { read: ['admin'], create: ['admin'] },
  // A national statistics table (the Taiwan ministry's open data): the office imports it, everyone reads the office beside it.
  national_statistics: { read: everyone, create: office },
  // The office's .docx templates: everyone reads them (and fills documents from the records they may read); the administrator uploads, replaces and deletes them.
  document_template: { read: everyone, update: ['admin'], delete: ['admin'] },
  // Erasmus Without Paper keys (ours, public part; the partners' that may call /ewp): the administrator's, as the network's trust is.
  ewp_key: { read: ['admin'], create: ['admin'], delete: ['admin'] },
};

/** Entities whose records belong to a unit: a coordinator reaches only their unit's subtree. */
export const UNIT_SCOPED: readonly Entity[] = ['exchange', 'person', 'ledger', 'aggregate', 'audit', 'agreement', 'visit', 'mission', 'appointment', 'conference', 'report', 'honour', 'programme', 'student', 'hospital_memorandum'];

/** Whether a role may do `action` on `entity` at all (before any unit scope). */
export function roleMay(role: Role, entity: Entity, action: Action): boolean {
  return (POLICIES[entity][action] ?? []).includes(role);
}
