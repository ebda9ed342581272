import { z } from 'zod';
import { lenientSearch, PAGING, type SearchOf } from '../../lib/url-search.ts';

/** The record types the audit log filters on. */
export const AUDIT_ENTITIES = ['institution', 'person', 'unit', 'aggregate', 'user'] as const;

const SHAPE = {
  page: PAGING.page,
  pageSize: PAGING.pageSize,
  entity: z.enum(AUDIT_ENTITIES),
  entityId: z.coerce.string().trim().max(50),
};

/** The audit log's state in the URL. */
export type AuditSearch = SearchOf<typeof SHAPE>;
/** Read the audit log's URL params. */
export const validateAuditSearch = lenientSearch(SHAPE);
