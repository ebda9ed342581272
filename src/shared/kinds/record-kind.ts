import type { Locale } from '../contracts/common.ts';
import type { KindDescription } from './kind.ts';

/**
 * A kind of record described down to its fields, so that the server's table access, checks and
 * routes and the web's list, record and form pages are read from it instead of written per
 * kind. A kind with rules no field list can say (the allocation by merit, the residency
 * standard) keeps its own code; a small kind — a memorandum, a register — is this file alone.
 */

/** Text in each of the interface's languages. */
export type Labels = Readonly<Record<Locale, string>>;

/** What a field holds; each type has one check, one column type, one form control and one cell. */
export type FieldType =
  /** A name or title as written, in its own script (no forbidden characters, trimmed). */
  | { readonly is: 'name'; readonly max?: number }
  /** Free text over several lines (notes, scope). */
  | { readonly is: 'text'; readonly max?: number }
  /** A calendar day, YYYY-MM-DD. */
  | { readonly is: 'date' }
  /** A partner institution (institutions.id), shown by its names and found by search. */
  | { readonly is: 'institution' }
  /** One of our units (units.id): the record's owner, whose coordinator sees and edits it. */
  | { readonly is: 'unit' }
  /** A country or region, ISO 3166-1 alpha-2 (HK, MO, TW are regions). */
  | { readonly is: 'country' }
  /** One of a fixed list of values, each labelled. */
  | { readonly is: 'choice'; readonly options: Readonly<Record<string, Labels>> };

/** One field of a kind: its name in the API and the form, its column, its check and its label. */
export interface FieldDescription {
  /** camelCase: the API's and the form's name. */
  readonly name: string;
  /** snake_case: the table's column. */
  readonly column: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly label: Labels;
  /** A column of the list and of its CSV/Excel export. */
  readonly listed?: boolean;
  /** A filter of the list (equality; a date filters by a from/to range), in the API query and the page's URL alike. */
  readonly filter?: boolean;
  /** A sort key of the list. */
  readonly sort?: boolean;
  /**
   * Written by a workflow step (it is named in a step's `records`), not by the form: shown on
   * the record, never accepted in a create or an edit.
   */
  readonly byStep?: boolean;
}

/** A kind of record with its fields: the whole of what a small kind needs to exist. */
export interface RecordKind<S extends string = string> extends KindDescription<S> {
  /** The URL segment of its API (`/api/<path>`) and of its web pages (`/<path>`). */
  readonly path: string;
  /** Its table (snake_case, plural). Standard columns besides the fields: id, status, version, search_text, created_at, updated_at. */
  readonly table: string;
  /** Its name in every language: one record, and the list. */
  readonly name: { readonly one: Labels; readonly many: Labels };
  readonly fields: readonly FieldDescription[];
  /** The field that names a record in titles, links and the audit log. */
  readonly title: string;
  /** The list's default sort: a field with `sort`, newest first. */
  readonly defaultSort: string;
}

/** Declares a kind with fields, keeping its literal types; its shape is checked by the kinds' rule test. */
export function describeRecordKind<S extends string>(kind: RecordKind<S>): RecordKind<S> {
  return kind;
}

/** The fields a create or an edit takes: every field but those a step writes. */
export function formFields(kind: RecordKind): readonly FieldDescription[] {
  return kind.fields.filter((f) => !f.byStep);
}

/** The field that carries the owning unit (the unit scope), if the kind has one. */
export function unitField(kind: RecordKind): FieldDescription | undefined {
  return kind.fields.find((f) => f.type.is === 'unit');
}

/** The key under which a record answers the names of an institution or unit field: `hospitalId` → `hospital`. */
export function namesKey(field: FieldDescription): string {
  return field.name.endsWith('Id') ? field.name.slice(0, -2) : `${field.name}Names`;
}

/** The heading of a record's status column (lists and exports). */
export const STATUS_LABEL: Labels = { en: 'Status', zh: '状态', fr: 'Statut' };
