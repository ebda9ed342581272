import { z } from 'zod';
import { pageOf, PageQuery } from './common.ts';

export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  unitId: z.number().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /**
   * The import whose commit wrote this entry (its records' rows and its own), or null: its number,
   * its file's name, and the audit entity of the import itself, whose history is the import's page.
   */
  import: z.object({ id: z.number(), fileName: z.string(), entity: z.string() }).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const Trilingual = z.object({ nameEn: z.string(), nameZh: z.string().nullable(), nameFr: z.string().nullable() });

/** The names of the records audit entries refer to by id (an institution, a unit, a person), keyed by id, for the history to show names. */
export const AuditNames = z.object({
  institutions: z.record(z.string(), Trilingual),
  units: z.record(z.string(), Trilingual),
  people: z.record(z.string(), z.object({ familyName: z.string(), givenName: z.string().nullable(), nameZh: z.string().nullable() })),
});
export type AuditNames = z.infer<typeof AuditNames>;

/** A page of the history, with the names its entries refer to. */
export const AuditPage = pageOf(AuditEntry).extend({ names: AuditNames });
export type AuditPage = z.infer<typeof AuditPage>;

/** The kind of record a field's id points at, by the field's name (hostInstitutionId, parentId, personId …). */
export function referenceKind(field: string): keyof AuditNames | null {
  if (/(^i|I)nstitutionId$/.test(field)) return 'institutions';
  if (/(^u|U)nitId$/.test(field) || field === 'parentId') return 'units';
  if (/(^p|P)ersonId$/.test(field)) return 'people';
  return null;
}

export const AuditQuery = PageQuery.extend({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type AuditQuery = z.input<typeof AuditQuery>;
