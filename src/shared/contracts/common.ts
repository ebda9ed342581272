import { z } from 'zod';
import { hasForbiddenCharacter, isSingleLine } from './text-checks.ts';

/** Interface languages: English, Simplified Chinese, French. */
export const LOCALES = ['en', 'zh', 'fr'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/**
 * A whole number as JSON, a path or a query writes it: a string of digits only, so that '0x1',
 * '1e0', ' 1' or '+1' is refused instead of being read as 1 (as Number() would). Converted after
 * the union, not in its string branch, so that the OpenAPI document names both branches: a
 * branch that is a transform of its own is sometimes dropped by fastify-type-provider-zod's
 * union override, which then publishes "integer" alone.
 */
export const WholeNumber = z.union([z.number().int(), z.string().regex(/^\d{1,15}$/)]).transform(Number);

export const Id = WholeNumber.pipe(z.number().int().positive());
export const IdParams = z.object({ id: Id });
export type IdParams = z.infer<typeof IdParams>;

/** ISO 3166-1 alpha-2, upper case. */
export const CountryCode = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/);

/** The days found real lately: an import of a million rows checks the same few days again and again. */
const realDays = new Set<string>();

/** Whether 'YYYY-MM-DD' is a real day (not 2019-02-30). */
function isRealDay(s: string): boolean {
  if (realDays.has(s)) return true;
  const d = new Date(`${s}T00:00:00Z`);
  const real = !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  if (real) {
    if (realDays.size >= 10_000) realDays.clear();
    realDays.add(s);
  }
  return real;
}

/** Calendar date as 'YYYY-MM-DD', checked to be a real day. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isRealDay, { message: 'invalid_date' });

/** Text PostgreSQL can store as sent: no NUL, no lone surrogate (the server checks every request too). */
export const CleanString = () => z.string().refine((s) => !hasForbiddenCharacter(s), { message: 'invalid_characters' });

/** Optional free text: trimmed, empty becomes null. */
export const OptionalText = (max = 2000) =>
  CleanString().trim().max(max).nullish().transform((v) => (v ? v : null));

export const RequiredText = (max = 500) => CleanString().trim().min(1).max(max);

/**
 * A name (of a person, an organization, a record): one line, so that it cannot start a heading
 * in a Markdown report or a row of its own in an export. Line breaks, tabs and other control
 * characters are refused, not folded: the caller sees what would have changed.
 */
const NameString = () => CleanString().trim().refine(isSingleLine, { message: 'not_single_line' });

/** A required name: one line, trimmed, not empty. */
export const RequiredName = (max = 300) => NameString().min(1).max(max);

/** An optional name: one line, trimmed, empty becomes null. */
export const OptionalName = (max = 300) =>
  NameString().max(max).nullish().transform((v) => (v ? v : null));

/** Every update names the version it was based on; a stale one gets 409. */
export const Versioned = z.object({ version: z.number().int().positive() });

export const PageQuery = z.object({
  page: WholeNumber.pipe(z.number().int().min(1)).default(1),
  pageSize: WholeNumber.pipe(z.number().int().min(1).max(200)).default(25),
  q: CleanString().trim().max(200).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of a list. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
/** A whole list, not paged: its items and their count. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const FieldError = z.object({ field: z.string(), message: z.string() });
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(FieldError).optional(),
    current: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

type Undefaulted<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/**
 * The fields of an update: each optional, none with a default. zod 4 applies a field's default
 * even inside `.partial()`, so an omitted field would be reset instead of left as it is.
 */
export function updateFields<S extends z.ZodRawShape>(shape: S): { [K in keyof S]: z.ZodOptional<Undefaulted<S[K]>> } {
  return Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [key, z.optional(schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema)]),
  ) as { [K in keyof S]: z.ZodOptional<Undefaulted<S[K]>> };
}
