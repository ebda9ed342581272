import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { Locale } from '../../../shared/contracts/common.ts';
import { formFields, namesKey, type FieldDescription, type FieldType, type RecordKind } from '../../../shared/kinds/record-kind.ts';
import { CountryName } from '../../components/country-select.tsx';
import type { FieldSpec, FieldWidth, FormLayout } from '../../lib/field-spec.ts';
import { formValuesOf } from '../../lib/form-values.ts';
import { primaryName } from '../../lib/names.ts';
import type { KindRecord } from './kind-record.ts';

/** How wide each type of field stands in the form. */
const WIDTH: Record<FieldType['is'], FieldWidth> = { name: 'half', text: 'full', date: 'quarter', institution: 'half', unit: 'half', country: 'quarter', choice: 'quarter' };

/** A field's form control: a name a line, a text a box, a date the date input, an institution, a unit or a country its select, a choice its labelled options. */
export function fieldSpec(kind: RecordKind, field: FieldDescription): FieldSpec {
  const base = { name: field.name, width: WIDTH[field.type.is], testId: `${kind.path}-${field.name}` };
  const clearable = !field.required;
  const type = field.type;
  switch (type.is) {
    case 'name':
      return { ...base, kind: 'text', maxLength: type.max };
    case 'text':
      return { ...base, kind: 'longText', maxLength: type.max ?? 2000, rows: [3, 12] };
    case 'date':
      return { ...base, kind: 'date' };
    case 'institution':
    case 'unit':
    case 'country':
      return { ...base, kind: type.is, clearable };
    case 'choice':
      return { ...base, kind: 'select', values: Object.keys(type.options), labels: { table: type.options }, clearable };
  }
}

/** A kind's create and edit form: its fields but those a step writes, in the order described. */
export function kindLayout(kind: RecordKind): FormLayout {
  return [{ items: formFields(kind).map((field) => fieldSpec(kind, field)) }];
}

/** A record as its form's values (an empty field as undefined). */
export function kindFormValues(kind: RecordKind, record: KindRecord): Record<string, unknown> {
  return formValuesOf(record, formFields(kind).map((f) => f.name));
}

type Names = { nameEn: string; nameZh: string | null; nameFr: string | null };

/** The name of the institution or unit a record's field points to, as the record answers it. */
export function namesOf(record: KindRecord, field: FieldDescription): Names | null {
  return (record[namesKey(field)] as Names | null | undefined) ?? null;
}

/**
 * A field of a record as its list cell and its details row show it, in the reader's language:
 * an institution by its name (a link to it), a unit by its name, a country by its name, a choice
 * by its label, the rest as written; null when the record has none.
 */
export function fieldValue(record: KindRecord, field: FieldDescription, locale: Locale): ReactNode {
  const value = record[field.name];
  if (value === null || value === undefined || value === '') return null;
  switch (field.type.is) {
    case 'institution': {
      const names = namesOf(record, field);
      return (
        <Link to="/institutions/$id" params={{ id: String(value) }}>
          {names ? primaryName(names, locale) : String(value)}
        </Link>
      );
    }
    case 'unit': {
      const names = namesOf(record, field);
      return names ? primaryName(names, locale) : String(value);
    }
    case 'country':
      return <CountryName code={String(value)} />;
    case 'choice':
      return field.type.options[String(value)]?.[locale] ?? String(value);
    default:
      return String(value);
  }
}
