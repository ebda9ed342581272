import { z } from 'zod';
import { PageQuery } from './common.ts';

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
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = PageQuery.extend({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type AuditQuery = z.input<typeof AuditQuery>;
