import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';
import type { Locale } from '../../shared/contracts/common.ts';
import { fieldReason } from '../../shared/i18n/errors.ts';
import type { ApiError } from './api.ts';

type Issue = z.core.$ZodIssue;
type NamePath = (string | number)[];

/** The reason code (a key of FIELD_REASONS) for one zod issue. */
export function issueReason(issue: Issue, value: unknown): string {
  const empty = value === undefined || value === null || value === '';
  switch (issue.code) {
    case 'invalid_union': {
      // "a URL, or empty": report why the first alternative failed
      const first = issue.errors[0]?.[0];
      return first ? issueReason(first, value) : 'invalid_value';
    }
    case 'invalid_type':
    case 'invalid_value':
      return empty ? 'required' : issue.code;
    case 'too_small':
      if (issue.origin === 'string') return empty || issue.minimum === 1 ? 'required' : 'too_short';
      return issue.origin === 'array' && issue.minimum === 1 ? 'required' : 'too_small';
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array' ? 'too_long' : 'too_big';
    case 'invalid_format':
      return issue.format === 'email' ? 'invalid_email' : issue.format === 'regex' && empty ? 'required' : 'invalid_format';
    case 'custom':
      return issue.message;
    default:
      return 'invalid_value';
  }
}

/** "<label> <reason>", joined as each language joins them. */
export function fieldMessage(label: string, reason: string, locale: Locale): string {
  const text = fieldReason(reason, locale);
  return locale === 'zh' ? `${label}${text}` : `${label} ${text}`;
}

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = values;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The form item a contract field path belongs to: the longest prefix that is a form item name. */
function formName(path: readonly PropertyKey[], fieldNames: readonly string[]): NamePath | null {
  const parts = path.map((p) => (typeof p === 'number' ? p : String(p)));
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n);
    if (fieldNames.includes(candidate.join('.'))) return candidate;
  }
  return null;
}

/** How a form names and labels its fields, for turning errors into messages. */
export interface FormFieldsInfo {
  fieldNames: readonly string[];
  label: (field: string) => string;
  locale: Locale;
}

/**
 * Validate form values with a contract schema. On failure, put the first issue of each field on the
 * form (and return null); on success, return the parsed value (trimmed, empty strings as null).
 */
export function validateWithSchema<S extends z.ZodType>(form: FormInstance, schema: S, values: unknown, info: FormFieldsInfo): z.output<S> | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const errors = new Map<string, { name: NamePath; errors: string[] }>();
  for (const issue of result.error.issues) {
    const name = formName(issue.path, info.fieldNames);
    if (!name) continue;
    const key = name.join('.');
    if (errors.has(key)) continue;
    const reason = issueReason(issue, valueAt(values, issue.path));
    errors.set(key, { name, errors: [fieldMessage(info.label(String(name[0])), reason, info.locale)] });
  }
  form.setFields([...errors.values()]);
  return null;
}

/** An AntD rule that checks one field with the contract's schema for that field, as the user types. */
export function zodFieldRule(fieldSchema: z.ZodType, field: string, info: Omit<FormFieldsInfo, 'fieldNames'>): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = fieldSchema.safeParse(value);
      if (result.success) return;
      const issue = result.error.issues[0];
      if (!issue) return;
      throw new Error(fieldMessage(info.label(field), issueReason(issue, valueAt(value, issue.path)), info.locale));
    },
  };
}

/** Whether a field schema refuses an empty value (to show the required mark). */
export function isRequired(fieldSchema: z.ZodType): boolean {
  return !fieldSchema.safeParse(undefined).success && !fieldSchema.safeParse('').success;
}

/**
 * Put the server's 400 `fields` on the form items they name ("otherNames.0" lands on otherNames).
 * Returns the messages that match no form item, for the caller to show elsewhere.
 */
export function applyServerFieldErrors(form: FormInstance, error: ApiError, info: FormFieldsInfo): string[] {
  const { fieldNames, label, locale } = info;
  const grouped = new Map<string, { name: NamePath; errors: string[] }>();
  const unmatched: string[] = [];
  for (const { field, message } of error.fields) {
    const path = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const name = formName(path, fieldNames);
    if (!name) {
      unmatched.push(message);
      continue;
    }
    const key = name.join('.');
    const entry = grouped.get(key) ?? { name, errors: [] };
    // the server may prefix its message with the raw field path; show the field's label instead
    const prefix = `${field}: `;
    const reason = message.slice(prefix.length);
    entry.errors.push(message.startsWith(prefix) ? `${label(String(name[0]))}${locale === 'zh' ? '' : ' '}${reason}` : message);
    grouped.set(key, entry);
  }
  form.setFields([...grouped.values()]);
  if (grouped.size > 0) form.scrollToField(grouped.values().next().value?.name ?? []);
  return unmatched;
}
