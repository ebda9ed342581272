import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';

/** One row of a record's details. */
export interface DetailRow {
  /** The record's field; its label is `<labels>.<field>` unless `label` names another message. */
  field: string;
  label?: string;
  /** What to show, when not the field as it is. A blank value (null, undefined, '') shows "empty". */
  value?: ReactNode;
  /** Across the whole width. */
  wide?: boolean;
  /** A long text, kept with its line breaks (and across the whole width). */
  long?: boolean;
  testId?: string;
}

/** A row: a field shown as it is (its name), a described row, or nothing (false, null). */
export type DetailItem = string | DetailRow | false | null | undefined;

interface RecordDetailsProps {
  record: object & { updatedAt: string; version: number };
  /** Message prefix of the labels (`agr.field`: `agr.field.titleEn`). */
  labels: string;
  rows: readonly DetailItem[];
  /** After the last change and the version: long texts by default (a name alone is one), the notes unless said. */
  after?: readonly DetailItem[];
}

/**
 * A record's fields, read-only, as a list of rows: each kind says which fields and how a few are
 * shown; the labels, the "empty" of a blank field, the last change and version row and the notes
 * are the same everywhere.
 */
export function RecordDetails({ record, labels, rows, after = ['notes'] }: RecordDetailsProps) {
  const { t, formatDateTime } = useI18n();
  const fields = record as Record<string, unknown>;
  const item = (row: DetailRow) => {
    const value = 'value' in row ? row.value : (fields[row.field] as ReactNode);
    const blank = value === null || value === undefined || value === '';
    const shown = blank ? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text> : row.long ? <span style={{ whiteSpace: 'pre-wrap' }} data-testid={row.testId}>{value}</span> : value;
    const label = t((row.label ?? `${labels}.${row.field}`) as MessageKey);
    return { key: row.field, label, children: shown, ...(row.wide || row.long ? { span: 'filled' as const } : {}) };
  };
  const described = (list: readonly DetailItem[], long: boolean) =>
    list.flatMap((row) => (!row ? [] : [item(typeof row === 'string' ? { field: row, long } : row)]));
  const items = [
    ...described(rows, false),
    { key: 'updatedAt', label: t('common.updatedAt'), children: `${formatDateTime(record.updatedAt)} · ${t('common.version')} ${record.version}` },
    ...described(after, true),
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}
