import { z } from 'zod';

// The rules environment variables are read with, shared by config.ts and sso-config.ts.

const YES = ['1', 'true', 'yes', 'on'];
const NO = ['0', 'false', 'no', 'off'];

/** A yes/no variable: 1/0, true/false, yes/no, on/off. */
export const yesNo = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => YES.includes(v) || NO.includes(v), { message: `is not a yes/no value: use 1 or 0 (${[...YES, ...NO].join(', ')})` })
  .transform((v) => YES.includes(v));

/** A whole number within bounds (digits only: `0x50` or `1e3` are refused, not read). */
export const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { message: 'is not a whole number' })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `must be between ${min} and ${max}` });

/** An http(s) address, without its trailing slashes. */
export const httpUrl = z
  .string()
  .trim()
  .refine((v) => URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol), { message: 'is not an http:// or https:// address' })
  .transform((v) => v.replace(/\/+$/, ''));

/** A PostgreSQL connection address. */
export const postgresUrl = z
  .string()
  .trim()
  .refine((v) => URL.canParse(v) && ['postgres:', 'postgresql:'].includes(new URL(v).protocol), {
    message: 'is not a PostgreSQL address: use postgres://user@host:5432/database',
  });
