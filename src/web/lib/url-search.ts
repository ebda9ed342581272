import { z } from 'zod';

type Shape = Record<string, z.ZodType>;

/** The search params of a page: every key optional. */
export type SearchOf<S extends Shape> = { [K in keyof S]?: z.output<S[K]> };

/**
 * A param as the router hands it over, read by its schema. The router parses each param as JSON
 * when it can, so `?placed=false` typed by hand arrives as the boolean false and `?q=2024` as a
 * number: when the value itself does not pass, the text it was written as is tried.
 */
export function readParam(schema: z.ZodType, value: unknown): unknown {
  const first = schema.safeParse(value);
  if (first.success) return first.data;
  if (typeof value !== 'boolean' && typeof value !== 'number') return undefined;
  const again = schema.safeParse(String(value));
  return again.success ? again.data : undefined;
}

/**
 * A TanStack Router validateSearch that keeps each valid param and silently drops invalid ones, so
 * a hand-edited or outdated URL still opens the page.
 */
export function lenientSearch<S extends Shape>(shape: S): (raw: Record<string, unknown>) => SearchOf<S> {
  return (raw) => {
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(shape)) {
      if (raw[key] === undefined || raw[key] === '') continue;
      const value = readParam(schema, raw[key]);
      if (value !== undefined) out[key] = value;
    }
    return out as SearchOf<S>;
  };
}

/** What a query's URL does not carry: the format of its download is chosen by the link, not the page. */
type NotInUrl = 'format';

/** The params a contract's query gives a page's URL, with the page's own (`extra`) over them. */
export type QueryShape<Q extends z.ZodObject, E extends Shape = Record<never, z.ZodType>> = Omit<Q['shape'], NotInUrl | keyof E> & E;

/** A page's URL state read from the contract's query: the same keys, types and sort keys as the API takes. */
export type QuerySearch<Q extends z.ZodObject, E extends Shape = Record<never, z.ZodType>> = SearchOf<QueryShape<Q, E>>;

/**
 * The URL state of a list, derived from the zod query of its contract (src/shared/contracts), so
 * that a list's filters are one shape, the API's and the URL's. Defaults are not applied (an
 * absent param stays absent, and the URL stays as short as the user left it); `extra` adds or
 * overrides what only the page keeps (a tab, a sort the API does not name).
 */
export function querySearch<Q extends z.ZodObject, E extends Shape = Record<never, z.ZodType>>(query: Q, extra?: E): (raw: Record<string, unknown>) => QuerySearch<Q, E> {
  const shape: Shape = { ...(query.shape as Shape), ...extra };
  delete shape.format;
  return lenientSearch(shape) as (raw: Record<string, unknown>) => QuerySearch<Q, E>;
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
