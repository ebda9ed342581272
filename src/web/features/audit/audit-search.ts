import { z } from 'zod';
import { AuditQuery } from '../../../shared/contracts/audit.ts';
import { querySearch, type QuerySearch } from '../../lib/url-search.ts';

/** The record types the audit log filters on. */
export const AUDIT_ENTITIES = ['institution', 'person', 'unit', 'aggregate', 'user'] as const;

// the API takes any entity name; the page offers these, and opens an import's own history
// (`visit_import` …) from the "imported from" link of the entries it wrote
const ENTITY = { entity: z.union([z.enum(AUDIT_ENTITIES), z.string().regex(/^[a-z_]{1,40}_import$/)]) };

/** The audit log's state in the URL (the contract's query). */
export type AuditSearch = QuerySearch<typeof AuditQuery, typeof ENTITY>;
/** Read the audit log's URL params. */
export const validateAuditSearch = querySearch(AuditQuery, ENTITY);
