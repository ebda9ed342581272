import type { Queryable } from '../../db/client.ts';
import { notFound } from '../../core/errors.ts';
import type { RequestContext } from '../../core/request-context.ts';
import { seesPersonalData } from '../../policies/policies.ts';
import type { Cipher } from '../../security/personal-data.ts';
import type { Person } from '../../../shared/contracts/people.ts';
import { distinctiveNames } from './audit-scrub.rules.ts';
import { presentPerson } from './people.presenter.ts';
import { findPerson, type PersonRow } from './people.repo.ts';
import {
  appointmentsOf,
  attendancesOf,
  attendeeNames,
  auditRowsAbout,
  documentsOf,
  enrolmentsOf,
  exchangeApplicationsOf,
  honoursOf,
  ledgerRowsOf,
  missionsOf,
  programmeStudiesOf,
  visitingYearsOf,
  visitsOf,
  type AuditRowAbout,
  type PERSON_REFERENCES,
} from './person-rights.repo.ts';

type Section = (typeof PERSON_REFERENCES)[number]['section'];

/** Everything held about one person, as the JSON file says it. */
export interface PersonExport extends Record<Section, Array<Record<string, unknown>>> {
  format: 'interchange.person-export';
  formatVersion: 1;
  exportedAt: string;
  exportedBy: string;
  /** `complete` for the office; `unit` for a coordinator: only the records of their unit (and its sub-units). */
  coverage: 'complete' | 'unit';
  /** Whether birth date, passport and document numbers are in it (only for the roles that may see them). */
  personalData: boolean;
  person: Person;
  audit: AuditRowAbout[];
}

/** The names the audit log may hold the person under (for finding their rows). */
export async function namesOf(db: Queryable, row: PersonRow): Promise<{ attendeeIds: number[]; names: string[] }> {
  const listed = await attendeeNames(db, row.id);
  return { attendeeIds: listed.map((a) => a.id), names: distinctiveNames({ ...row, listed: listed.map((a) => a.fullName) }) };
}

/**
 * Everything held about a person, for their request to see it: their record, every row of
 * another module that references them, and the audit rows about them. Personal data is in
 * it only for the roles that see it; a coordinator's export holds their unit's records only.
 * The export itself is audited (which sections, how many rows; never their content).
 */
export async function exportPerson(ctx: RequestContext, options: { id: number; cipher: Cipher }): Promise<{ fileName: string; body: PersonExport }> {
  const { id, cipher } = options;
  const { actor, scope } = ctx;
  const personalData = seesPersonalData(actor);
  return ctx.transaction(async (tx) => {
    const row = await findPerson(tx, id);
    if (!row) throw notFound();
    const documents = await documentsOf(tx, id);
    const sections: Record<Section, Array<Record<string, unknown>>> = {
      visits: await visitsOf(tx, id),
      appointments: await appointmentsOf(tx, id),
      expertDocuments: documents.map(({ numberEnc, ...rest }) => (personalData ? { ...rest, number: cipher.decrypt(numberEnc) } : rest)),
      conferenceAttendances: await attendancesOf(tx, id),
      ledger: await ledgerRowsOf(tx, id),
      missions: await missionsOf(tx, id),
      honours: await honoursOf(tx, id),
      studentEnrolments: await enrolmentsOf(tx, id),
      programmeStudents: await programmeStudiesOf(tx, id),
      visitingProfessors: await visitingYearsOf(tx, id),
      exchangeApplications: await exchangeApplicationsOf(tx, id),
    };
    const audit = await auditRowsAbout(tx, { id, ...(await namesOf(tx, row)) });
    const counts = Object.fromEntries(Object.entries({ ...sections, audit }).map(([name, rows]) => [name, rows.length]));
    await tx.audit({ action: 'export', entity: 'person', entityId: id, unitId: row.unitId, after: { rows: counts, personalData, coverage: scope === null ? 'complete' : 'unit' } });
    const body: PersonExport = {
      format: 'interchange.person-export',
      formatVersion: 1,
      exportedAt: new Date().toISOString(),
      exportedBy: actor.email,
      coverage: scope === null ? 'complete' : 'unit',
      personalData,
      person: presentPerson(row, cipher, personalData),
      ...sections,
      audit,
    };
    return { fileName: `person-${id}-export.json`, body };
  });
}
