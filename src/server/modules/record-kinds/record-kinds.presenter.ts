import type { Locale } from '../../../shared/contracts/common.ts';
import { namesKey, STATUS_LABEL, type FieldDescription, type RecordKind } from '../../../shared/kinds/record-kind.ts';
import type { ExportTable } from '../../interop/table-export.ts';
import type { KindRecord } from './record-kinds.repo.ts';

type Names = { nameEn: string; nameZh: string | null; nameFr: string | null } | null;

/** A name in the reader's language, English when it has none in theirs. */
const nameIn = (names: Names, locale: Locale) => (names ? ((locale === 'zh' ? names.nameZh : locale === 'fr' ? names.nameFr : null) ?? names.nameEn) : null);

/** One cell of an export: a choice by its label, an institution or unit by its name, in the reader's language. */
function cell(field: FieldDescription, row: KindRecord, locale: Locale): string | null {
  const value = row[field.name] as string | number | null;
  if (value === null) return null;
  if (field.type.is === 'choice') return field.type.options[value]?.[locale] ?? String(value);
  if (field.type.is === 'institution' || field.type.is === 'unit') return nameIn(row[namesKey(field)] as Names, locale);
  return String(value);
}

/** A kind's listed fields and status as a table in the reader's language: what its CSV and Excel exports hold. */
export function kindTable(kind: RecordKind, items: KindRecord[], locale: Locale, name: string): ExportTable {
  const listed = kind.fields.filter((f) => f.listed);
  return {
    name,
    title: kind.name.many[locale],
    headings: [...listed.map((f) => f.label[locale]), STATUS_LABEL[locale]],
    rows: items.map((row) => [...listed.map((f) => cell(f, row, locale)), kind.statusLabels[row.status]?.[locale] ?? row.status]),
  };
}
