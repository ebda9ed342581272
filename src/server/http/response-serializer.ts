/**
 * Every JSON answer leaves through its route's response schema (issue 17): zod encodes it,
 * dropping every key the schema does not name, and it is written as JSON. An answer that does
 * not match its schema is drift between a service and its contract:
 * - in tests (NODE_ENV=test, or INTERCHANGE_STRICT_RESPONSES=1) it fails the request, 500, with
 *   the route and the mismatching paths written to stderr and the log, so the API tests catch it;
 * - in production it is logged, and the answer is still cut down to the fields the schema names
 *   (never more), so a school's server keeps answering while the drift is fixed.
 */
import type { FastifyBaseLogger, FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../../shared/contracts/common.ts';
import type { Responses, SuccessBody } from '../core/routes.ts';
import { BINARY } from '../core/routes.ts';
import { isKeptAnswer } from '../core/kept-answers.ts';

/** Whether a mismatching answer fails (tests) rather than being logged and cut down (production). */
export const strictResponses = (env: NodeJS.ProcessEnv = process.env): boolean => env.NODE_ENV === 'test' || env.INTERCHANGE_STRICT_RESPONSES === '1';

/** An answer that does not match its route's response schema, with where it differs. */
export class ResponseMismatchError extends Error {
  constructor(route: string, issues: z.core.$ZodIssue[]) {
    super(`the answer of ${route} does not match its response schema: ${issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`);
    this.name = 'ResponseMismatchError';
  }
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const OPEN = new Set(['unknown', 'any', 'custom']);

/** `value` with every key `schema` does not name removed, whatever else is wrong with it: production's answer to drift. */
export function stripToSchema(schema: z.core.$ZodType, value: unknown): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      if (!isRecord(value)) return value;
      const shape = def.shape as Record<string, z.core.$ZodType>;
      return Object.fromEntries(Object.keys(shape).filter((key) => key in value).map((key) => [key, stripToSchema(shape[key]!, value[key])]));
    }
    case 'array':
      return Array.isArray(value) ? value.map((item) => stripToSchema(def.element as z.core.$ZodType, item)) : null;
    case 'record':
      return isRecord(value) ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, stripToSchema(def.valueType as z.core.$ZodType, item)])) : null;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return value === null || value === undefined ? value : stripToSchema(def.innerType as z.core.$ZodType, value);
    case 'lazy':
      return stripToSchema((def.getter as () => z.core.$ZodType)(), value);
    case 'pipe':
      return stripToSchema(def.in as z.core.$ZodType, value);
    case 'intersection':
      return isRecord(value) ? { ...(stripToSchema(def.left as z.core.$ZodType, value) as object), ...(stripToSchema(def.right as z.core.$ZodType, value) as object) } : value;
    case 'union': {
      const options = def.options as z.core.$ZodType[];
      const fit = options.find((option) => z.safeEncode(option, value).success);
      if (fit) return z.encode(fit, value);
      // No branch fits: keep what any object branch names.
      const objects = options.filter((option) => defOf(option).type === 'object');
      return isRecord(value) && objects.length ? Object.assign({}, ...objects.map((option) => stripToSchema(option, value))) : null;
    }
    default:
      // A scalar's place: an object or an array there would carry fields nobody declared.
      return typeof value === 'object' && value !== null && !OPEN.has(def.type) ? null : value;
  }
}

/** Fastify's serializer compiler for response schemas (zod), strict or lenient as above. */
export function responseSerializerCompiler(options: { strict: boolean; log: FastifyBaseLogger }): FastifySerializerCompiler<z.core.$ZodType> {
  return ({ schema, method, url }) => {
    // The JSON of answers sent again unchanged (core/kept-answers.ts), made once per route and status.
    const keptTexts = new WeakMap<object, string>();
    const serialize = (data: unknown): string => {
      const encoded = z.safeEncode(schema, data);
      if (encoded.success) return JSON.stringify(encoded.data);
      const error = new ResponseMismatchError(`${method} ${url}`, encoded.error.issues);
      if (options.strict) {
        process.stderr.write(`${error.message}\n`);
        throw error;
      }
      options.log.error({ route: `${method} ${url}`, paths: encoded.error.issues.map((i) => i.path.join('.')) }, 'an answer did not match its response schema: cut down to it');
      return JSON.stringify(stripToSchema(schema, data));
    };
    return (data: unknown) => {
      if (!isKeptAnswer(data)) return serialize(data);
      let text = keptTexts.get(data);
      if (text === undefined) keptTexts.set(data, (text = serialize(data)));
      return text;
    };
  };
}

/** The body of every 4xx and 5xx answer, as http/errors.ts sends it. */
export const ErrorResponse = ApiError.describe('An error: its code, a message in the caller\'s language, and the fields at fault');

/** The errors every /api route may answer with, added to each route's schema at registration. */
export const ERROR_RESPONSES = { '4xx': ErrorResponse, '5xx': ErrorResponse } as const;

/** A bytes body, as the OpenAPI document shows it. */
const Binary = z.string().meta({ format: 'binary' });

function fastifyBody(body: SuccessBody): unknown {
  if (body instanceof z.ZodType) return body;
  const files = Object.values(body).every((schema) => schema === BINARY);
  return {
    description: files ? 'A file' : 'JSON, or the same as a download',
    content: Object.fromEntries(Object.entries(body).map(([mediaType, schema]) => [mediaType, { schema: schema === BINARY ? Binary : schema }])),
  };
}

/** A route's declared responses as Fastify's `schema.response`: JSON schemas, media types, a 204 with no body. */
export function responseSchemas(responses: Responses): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [status, body] of Object.entries(responses) as Array<[string, SuccessBody | 'empty' | undefined]>) {
    if (body === undefined) continue;
    // z.undefined() is what the document shows as a response without content.
    out[status] = body === 'empty' ? z.undefined().describe('No content') : fastifyBody(body);
  }
  return out;
}
