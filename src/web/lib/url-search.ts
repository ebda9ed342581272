import { z } from 'zod';

type Shape = Record<string, z.ZodType>;

/** The search params of a page: every key optional. */
export type SearchOf<S extends Shape> = { [K in keyof S]?: z.output<S[K]> };

/**
 * A TanStack Router validateSearch that keeps each valid param and silently drops invalid ones, so
 * a hand-edited or outdated URL still opens the page.
 */
export function lenientSearch<S extends Shape>(shape: S): (raw: Record<string, unknown>) => SearchOf<S> {
  return (raw) => {
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(shape)) {
      if (raw[key] === undefined || raw[key] === '') continue;
      const result = schema.safeParse(raw[key]);
      if (result.success && result.data !== undefined) out[key] = result.data;
    }
    return out as SearchOf<S>;
  };
}

/** Params every paged list shares. */
export const PAGING = {
  page: z.coerce.number().int().min(1),
  pageSize: z.coerce.number().int().min(1).max(200),
  q: z.coerce.string().trim().max(200),
  order: z.enum(['asc', 'desc']),
};

/** What a sorted, searchable, paged list keeps in its URL (its filters besides). */
export interface ListSearch {
  q?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

/** The default page size of lists. */
export const DEFAULT_PAGE_SIZE = 25;
