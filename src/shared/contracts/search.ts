import { z } from 'zod';
import { WholeNumber } from './common.ts';

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: WholeNumber.pipe(z.number().int().min(1).max(50)).default(10),
});

/** One hit of the global search: enough to show a line and link to the record. */
export const SearchHit = z.object({
  kind: z.enum(['institution', 'person', 'agreement', 'visit', 'unit', 'conference', 'appointment']),
  id: z.number(),
  label: z.string(),
  detail: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;
