import { z } from 'zod';
import { RECORD_KINDS } from '../kinds/record-kinds.ts';
import { EXPORTABLE_IMPORT_KINDS } from './import-exports.ts';

/** The files a prepared export may be: a list's table, or a report's document. */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf', 'md', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const TABLE = ['csv', 'xlsx'] as const;
const REPORT = ['pdf', 'md', 'html'] as const;

/** One thing a user may have prepared in the background: the GET route that makes it synchronously, and its file formats. */
export interface Exportable {
  path: string;
  formats: readonly ExportFormat[];
}

/**
 * What may be exported in the background, by name: each is a GET route that also answers
 * synchronously (for API clients), and the job runs that same route's work, so the two files
 * are the same. The web finds the name from the URL it would have downloaded (`exportableAt`).
 */
export const EXPORTABLES: Readonly<Record<string, Exportable>> = {
  'renewal-watch': { path: '/api/agreements/renewal-watch', formats: TABLE },
  'appointment-renewals': { path: '/api/appointments/renewals', formats: TABLE },
  'exchange-applications': { path: '/api/exchange-applications', formats: TABLE },
  honours: { path: '/api/honours', formats: TABLE },
  missions: { path: '/api/missions/export', formats: TABLE },
  'mission-overdue-reports': { path: '/api/missions/overdue-reports', formats: TABLE },
  'visit-overdue-reports': { path: '/api/visits/overdue-reports', formats: TABLE },
  'programme-students': { path: '/api/programme-students', formats: TABLE },
  students: { path: '/api/students', formats: TABLE },
  breakdown: { path: '/api/reports/breakdown', formats: TABLE },
  factsheet: { path: '/api/reports/factsheet', formats: REPORT },
  'year-in-review': { path: '/api/reports/year-in-review', formats: REPORT },
  ...Object.fromEntries(RECORD_KINDS.map((kind) => [kind.path, { path: `/api/${kind.path}`, formats: TABLE }])),
  // Each kind's records in its import's shape (`import-visits` …): what moves an office's records to another database.
  ...Object.fromEntries(EXPORTABLE_IMPORT_KINDS.map((kind) => [`import-${kind}`, { path: `/api/imports/${kind}/export`, formats: TABLE }])),
};

/** The name of what the URL `path` (no query) downloads, or null when it is not exportable in the background. */
export function exportableAt(path: string): string | null {
  return Object.entries(EXPORTABLES).find(([, e]) => e.path === path)?.[0] ?? null;
}

/** A list's filters or a report's parameters, as a URL's query carries them (the route's own contract checks them). */
const QueryValue = z.union([z.string().max(2000), z.array(z.string().max(2000)).max(200)]);

/** `POST /api/exports`: what to prepare, as which file, with which filters. */
export const ExportRequest = z
  .object({
    what: z.string().refine((name) => Object.hasOwn(EXPORTABLES, name), 'invalid_value'),
    format: z.enum(EXPORT_FORMATS),
    query: z.record(z.string().max(100), QueryValue).default({}),
  })
  .strict()
  .superRefine((input, context) => {
    const exportable = EXPORTABLES[input.what];
    if (exportable && !exportable.formats.includes(input.format)) context.addIssue({ code: 'custom', path: ['format'], message: 'invalid_value' });
    if ('format' in input.query) context.addIssue({ code: 'custom', path: ['query', 'format'], message: 'unknown_field' });
  });
export type ExportRequest = z.infer<typeof ExportRequest>;

export const EXPORT_STATUSES = ['waiting', 'running', 'done', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** A prepared export as its owner sees it (never its bytes: `GET /api/exports/:id/file`). */
export const ExportView = z.object({
  id: z.number(),
  what: z.string(),
  format: z.enum(EXPORT_FORMATS),
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  status: z.enum(EXPORT_STATUSES),
  fileName: z.string().nullable(),
  contentType: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  /** Why it failed: an error code (account_disabled, forbidden, export_too_large …) or the message of an unexpected error. */
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string(),
});
export type ExportView = z.infer<typeof ExportView>;
/** The caller's recent exports. */
export const ExportList = z.object({ items: z.array(ExportView) });
