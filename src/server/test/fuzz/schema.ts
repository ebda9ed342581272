/** The subset of OpenAPI 3.0 schema that fastify-type-provider-zod writes for our contracts. */
export interface Schema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  nullable?: boolean;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  default?: unknown;
}

/** Characters, as zod counts them (code points), not UTF-16 units; a megabyte string is not spread to count it. */
const length = (s: string): number => s.length - (s.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);

/** A decimal integer as a query string or path segment must spell it: no sign games, no hex, no exponent, no spaces. */
const INTEGER_TEXT = /^-?(0|[1-9]\d*)$/;
/** A JSON number literal. */
const NUMBER_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

function conformsNumber(schema: Schema, n: number): boolean {
  if (!Number.isFinite(n)) return false;
  if (schema.type === 'integer' && !Number.isInteger(n)) return false;
  if (schema.minimum !== undefined && (schema.exclusiveMinimum ? !(n > schema.minimum) : n < schema.minimum)) return false;
  if (schema.maximum !== undefined && n > schema.maximum) return false;
  return true;
}

function conformsString(schema: Schema, s: string): boolean {
  if (schema.minLength !== undefined && length(s) < schema.minLength) return false;
  if (schema.maxLength !== undefined && s.length > 2 * schema.maxLength) return false;
  if (schema.maxLength !== undefined && length(s) > schema.maxLength) return false;
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(s)) return false;
  return true;
}

/**
 * Whether `value` is allowed by the published schema. `text` says the value came as text (a
 * query string or a path segment), where a number is written in decimal digits. A NUL byte is
 * never allowed in text: PostgreSQL cannot store it, so the contract refuses it everywhere.
 * The sweep expects a refusal for every value this says no to; a value it allows may still be
 * refused by a rule the schema cannot express.
 */
export function conforms(schema: Schema, value: unknown, text = false): boolean {
  if (schema.anyOf) return schema.anyOf.some((s) => conforms({ ...s, nullable: s.nullable || schema.nullable }, value, text));
  if (value === null) return schema.nullable === true || schema.enum?.includes(null) === true;
  if (value === undefined) return true;
  if (typeof value === 'string' && value.includes('\u0000')) return false;
  if (schema.enum && !schema.enum.includes(value)) return false;
  switch (schema.type) {
    case undefined:
      return true;
    case 'string':
      return typeof value === 'string' && conformsString(schema, value);
    case 'integer':
    case 'number':
      if (text) return typeof value === 'string' && (schema.type === 'integer' ? INTEGER_TEXT : NUMBER_TEXT).test(value) && conformsNumber(schema, Number(value));
      return typeof value === 'number' && conformsNumber(schema, value);
    case 'boolean':
      return text ? value === 'true' || value === 'false' : typeof value === 'boolean';
    case 'array':
      if (!Array.isArray(value)) return false;
      if (schema.minItems !== undefined && value.length < schema.minItems) return false;
      if (schema.maxItems !== undefined && value.length > schema.maxItems) return false;
      return !schema.items || value.every((item) => conforms(schema.items!, item, text));
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return false;
      const record = value as Record<string, unknown>;
      if ((schema.required ?? []).some((key) => record[key] === undefined)) return false;
      return Object.entries(schema.properties ?? {}).every(([key, s]) => conforms(s, record[key], text));
    }
  }
}
