import { z } from 'zod';
import { PageQuery } from './common.ts';
import { AgreementQuery } from './agreements.ts';
import { AppointmentQuery } from './appointments.ts';
import { ConferenceQuery } from './conferences.ts';
import { ApplicationQuery } from './exchanges.ts';
import { HonourQuery } from './honours.ts';
import { InstitutionQuery } from './institutions.ts';
import { MissionQuery } from './missions.ts';
import { PersonQuery } from './people.ts';
import { StudentQuery as ProgrammeStudentQuery } from './programmes.ts';
import { StudentQuery } from './students.ts';
import { VisitQuery } from './visits.ts';
import type { ImportKindName } from './imports.ts';

/** The encodings an export for import writes its CSV in: UTF-8 with a byte-order mark, or GB18030 for Chinese Excel and WPS. */
export const EXPORT_ENCODINGS = ['utf-8', 'gb18030'] as const;
export type ExportEncoding = (typeof EXPORT_ENCODINGS)[number];

/** What a file is written as, beside the list's filters. */
const fileChoices = {
  format: z.enum(['csv', 'xlsx']).default('csv'),
  encoding: z.enum(EXPORT_ENCODINGS).default('utf-8'),
};

/** A list's filters without its paging (an export is every record they select). */
const noPaging = { page: true, pageSize: true } as const;

/**
 * `GET /api/imports/<kind>/export`: a kind's list filters (the same contract as its list route),
 * the file's format and, for CSV, its encoding. A kind is exportable in the import's shape when
 * it is here; a kind added to IMPORT_KINDS is added here with its list's query, and its rows on
 * the server (`modules/imports/import-export-kinds.ts`).
 */
export const IMPORT_EXPORT_QUERIES = {
  institutions: InstitutionQuery.omit(noPaging).extend(fileChoices),
  people: PersonQuery.omit(noPaging).extend(fileChoices),
  agreements: AgreementQuery.omit(noPaging).extend(fileChoices),
  visits: VisitQuery.omit(noPaging).extend(fileChoices),
  missions: MissionQuery.omit(noPaging).extend(fileChoices),
  appointments: AppointmentQuery.omit(noPaging).extend(fileChoices),
  honours: HonourQuery.omit({ ...noPaging, format: true }).extend(fileChoices),
  students: StudentQuery.omit({ ...noPaging, format: true }).extend(fileChoices),
  // The aggregate entries' list has no filters but its search and order.
  aggregates: PageQuery.omit(noPaging).extend(fileChoices),
  'exchange-applications': ApplicationQuery.omit({ ...noPaging, format: true }).extend(fileChoices),
  'programme-students': ProgrammeStudentQuery.omit({ ...noPaging, format: true }).extend(fileChoices),
  // The attendees of the conferences the conferences' list selects.
  attendees: ConferenceQuery.omit(noPaging).extend(fileChoices),
} as const satisfies Partial<Record<ImportKindName, z.ZodObject>>;

export type ExportableImportKind = keyof typeof IMPORT_EXPORT_QUERIES;

/** The kinds that can be exported in their import's shape. */
export const EXPORTABLE_IMPORT_KINDS = Object.keys(IMPORT_EXPORT_QUERIES) as ExportableImportKind[];

/** Whether `kind` has an export in its import's shape. */
export function isExportableImportKind(kind: string): kind is ExportableImportKind {
  return Object.hasOwn(IMPORT_EXPORT_QUERIES, kind);
}

/** The most records one export for import carries; more is refused (413 export_too_many_records), never cut short. */
export const IMPORT_EXPORT_MAX_RECORDS = 20_000;
