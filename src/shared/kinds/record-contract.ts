import { z } from 'zod';
import { CleanString, CountryCode, Id, IsoDate, OptionalName, OptionalText, PageQuery, RequiredName, RequiredText, Versioned, updateFields } from '../contracts/common.ts';
import { formFields, namesKey, type FieldDescription, type RecordKind } from './record-kind.ts';

/**
 * The zod contracts of a kind described down to its fields (record-kind.ts): what its routes
 * validate and the OpenAPI document publishes, and what the web's forms and URL state read.
 * Each is built from the description; no small kind writes a contract of its own.
 */

/** The check of one field as a create takes it: required or optional (empty becomes null) by `required`. */
function fieldSchema(field: FieldDescription): z.ZodType {
  const type = field.type;
  switch (type.is) {
    case 'name':
      return field.required ? RequiredName(type.max) : OptionalName(type.max);
    case 'text':
      return field.required ? RequiredText(type.max ?? 2000) : OptionalText(type.max);
    default: {
      const base: z.ZodType = type.is === 'date' ? IsoDate : type.is === 'country' ? CountryCode : type.is === 'choice' ? z.enum(Object.keys(type.options) as [string, ...string[]]) : Id;
      return field.required ? base : base.nullish().transform((v) => v ?? null);
    }
  }
}

/** The value a filter takes in the list's query (a date filters by a range: see `filterKeys`). */
function filterSchema(field: FieldDescription): z.ZodType {
  switch (field.type.is) {
    case 'institution':
    case 'unit':
      return Id.optional();
    case 'date':
      return IsoDate.optional();
    case 'country':
      return CountryCode.optional();
    case 'choice':
      return z.enum(Object.keys(field.type.options) as [string, ...string[]]).optional();
    default:
      return CleanString().trim().max(300).optional();
  }
}

/** The query keys of a field's filter: its name, or `<name>From` and `<name>To` for a date. */
export function filterKeys(field: FieldDescription): string[] {
  return field.type.is === 'date' ? [`${field.name}From`, `${field.name}To`] : [field.name];
}

const NameSet = z.object({ nameEn: z.string(), nameZh: z.string().nullable(), nameFr: z.string().nullable() });

/** The value of a field as a record answers it. */
function recordFieldSchema(field: FieldDescription): z.ZodType {
  const base = field.type.is === 'institution' || field.type.is === 'unit' ? z.number() : z.string();
  return field.required ? base : base.nullable();
}

/** What one kind's routes take and answer. */
export interface RecordContract {
  /** A create: the form's fields (not those a step writes). */
  Input: z.ZodObject;
  /** An edit: any of the form's fields, and the version it was based on. */
  Update: z.ZodObject;
  /** A workflow step: its target, its day (default today), the version. */
  Transition: z.ZodObject;
  /** The list: page, search, status, each filter, sort among the sort fields, and its format (JSON or an export). */
  Query: z.ZodObject;
  /** A record as answered: its fields, the names of its institution and unit, status, version, times. */
  Record: z.ZodObject;
}

const contracts = new WeakMap<RecordKind, RecordContract>();

/** The contracts of `kind`, built once per kind. */
export function recordContract(kind: RecordKind): RecordContract {
  const known = contracts.get(kind);
  if (known) return known;
  const form = Object.fromEntries(formFields(kind).map((f) => [f.name, fieldSchema(f)]));
  const filters = kind.fields.filter((f) => f.filter).flatMap((f) => filterKeys(f).map((key) => [key, filterSchema(f)] as const));
  const sorts = kind.fields.filter((f) => f.sort).map((f) => f.name) as [string, ...string[]];
  const named = kind.fields.filter((f) => f.type.is === 'institution' || f.type.is === 'unit');
  const states = kind.states as [string, ...string[]];
  const contract: RecordContract = {
    Input: z.object(form),
    Update: z.object(updateFields(form)).extend(Versioned.shape),
    Transition: z.object({ to: z.enum(states), on: IsoDate.optional(), version: Versioned.shape.version }),
    Query: PageQuery.extend({
      ...Object.fromEntries(filters),
      status: z.enum(states).optional(),
      sort: z.enum(sorts).default(kind.defaultSort),
      // Newest first, as the description's default sort says.
      order: z.enum(['asc', 'desc']).default('desc'),
      format: z.enum(['json', 'csv', 'xlsx']).default('json'),
    }),
    Record: z.object({
      id: z.number(),
      ...Object.fromEntries(kind.fields.map((f) => [f.name, recordFieldSchema(f)])),
      ...Object.fromEntries(named.map((f) => [namesKey(f), f.required ? NameSet : NameSet.nullable()])),
      status: z.enum(states),
      version: z.number(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  };
  contracts.set(kind, contract);
  return contract;
}
