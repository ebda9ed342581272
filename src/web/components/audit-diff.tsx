import { LockOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { referenceKind, type AuditNames } from '../../shared/contracts/audit.ts';
import { ledgerCategoryLabel } from '../../shared/i18n/ledger-categories.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';
import { useUnitMap } from '../lib/lookups.ts';
import { primaryName } from '../lib/names.ts';
import { personNames } from '../features/people/person-values.ts';
import { CountryName } from './country-select.tsx';

// Message prefixes per entity: `<prefix>.field.<name>` labels a field, `<prefix>.<name>.<value>` an enum value.
const PREFIX: Record<string, string> = {
  institution: 'inst', person: 'person', unit: 'unit', aggregate: 'ledger', user: 'user', agreement: 'agr', exchange_opportunity: 'xchg', exchange_application: 'xchg',
};
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const NO_NAMES: AuditNames = { institutions: {}, units: {}, people: {} };
const COUNTRY_FIELDS = new Set(['countryCode', 'nationality']);
// What the audit log stores instead of a birth date or passport number (people.presenter.ts): only that it was set.
const PERSONAL_DATA_MARKER = '[personal data]';
// These change with every write; they are shown only with "show unchanged".
const BOOKKEEPING = new Set(['version', 'updatedAt', 'createdAt']);

interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The fields of two record states, marking those that differ. */
export function diffRecords(before: unknown, after: unknown): DiffRow[] {
  const a = asRecord(before);
  const b = asRecord(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.map((field) => ({
    field,
    before: a[field],
    after: b[field],
    changed: JSON.stringify(a[field] ?? null) !== JSON.stringify(b[field] ?? null) && !BOOKKEEPING.has(field),
  }));
}

/** A field-by-field comparison of an audit entry's before and after, in the reader's words: labels, names, dates, lists. */
export function AuditDiff({ entity, before, after, names = NO_NAMES }: { entity: string; before: unknown; after: unknown; names?: AuditNames }) {
  const { t, locale, formatDateTime } = useI18n();
  const units = useUnitMap();
  const [showAll, setShowAll] = useState(false);
  const rows = useMemo(() => diffRecords(before, after), [before, after]);
  const shown = showAll ? rows : rows.filter((r) => r.changed);

  const prefix = PREFIX[entity] ?? entity;
  // a key with no message, in the catalogue or among a described kind's own (DataMessages), comes back as it is
  const message = (key: string) => {
    const text = t(key as MessageKey);
    return text === key ? null : text;
  };
  const label = (field: string) => message(`${prefix}.field.${field}`) ?? field;
  // the name of the record an id points at, where the field says what it is and its name came with the history
  const referenced = (field: string, id: number): string | null => {
    const kind = referenceKind(field);
    if (kind === 'people') return names.people[id] ? personNames(names.people[id], locale).primary : null;
    if (kind === 'institutions') return names.institutions[id] ? primaryName(names.institutions[id], locale) : null;
    const unit = kind === 'units' ? (names.units[id] ?? units.get(id)) : undefined;
    return unit ? primaryName(unit, locale) : null;
  };
  // one member of a list (a visitor, a partner): its name first, then what else it says
  const item = (value: unknown): string => {
    if (value === null || typeof value !== 'object') return String(value);
    const fields = value as Record<string, unknown>;
    const name =
      (typeof fields.familyName === 'string' ? personNames(fields as never, locale).primary : null) ??
      (typeof fields.nameEn === 'string' ? primaryName(fields as never, locale) : null) ??
      Object.entries(fields).map(([f, v]) => (typeof v === 'number' ? referenced(f, v) : null)).find(Boolean);
    const rest = Object.entries(fields)
      .filter(([f, v]) => v !== null && v !== '' && typeof v !== 'object' && !referenceKind(f) && !/^(id|name|family|given|nameZh|nameFr|nameLocal)/.test(f))
      .map(([f, v]) => text(v, f))
      .filter((v) => v !== '');
    return [name, ...rest].filter(Boolean).join(' · ') || JSON.stringify(value);
  };
  const text = (value: unknown, field: string): string => {
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (typeof value === 'number') return referenced(field, value) ?? String(value);
    if (typeof value !== 'string') return '';
    if (COUNTRY_FIELDS.has(field)) return value;
    if (TIMESTAMP.test(value)) return formatDateTime(value);
    return message(field === 'role' ? `role.${value}` : `${prefix}.${field}.${value}`) ?? value;
  };
  const render = (value: unknown, field: string) => {
    if (value === undefined || value === null || value === '') return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
    if (typeof value === 'string' && COUNTRY_FIELDS.has(field)) return <CountryName code={value} />;
    if (value === PERSONAL_DATA_MARKER)
      return (
        <>
          <LockOutlined /> {t('person.personalData')}
        </>
      );
    if (typeof value === 'string' && field === 'category' && entity === 'aggregate') return ledgerCategoryLabel(value, locale);
    if (Array.isArray(value))
      return value.length ? (
        <ul style={{ margin: 0, paddingInlineStart: 16 }}>
          {value.map((v, i) => (
            <li key={i}>{item(v)}</li>
          ))}
        </ul>
      ) : (
        <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
      );
    if (typeof value === 'object') return item(value);
    return text(value, field);
  };
  return (
    <div>
      <Table<DiffRow>
        size="small"
        rowKey="field"
        pagination={false}
        tableLayout="fixed"
        style={{ overflowWrap: 'anywhere' }}
        dataSource={shown}
        locale={{ emptyText: t('audit.noChanges') }}
        rowClassName={(r) => (r.changed ? 'audit-changed' : '')}
        columns={[
          { title: t('audit.field'), dataIndex: 'field', width: '28%', render: (f: string) => label(f) },
          { title: t('audit.before'), dataIndex: 'before', width: '36%', render: (v: unknown, r) => <span style={r.changed ? { color: '#a8071a', textDecoration: before ? 'line-through' : undefined } : undefined}>{render(v, r.field)}</span> },
          { title: t('audit.after'), dataIndex: 'after', width: '36%', render: (v: unknown, r) => <span style={r.changed ? { color: '#135200' } : undefined}>{render(v, r.field)}</span> },
        ]}
      />
      {rows.length > shown.length || showAll ? (
        <Button type="link" size="small" onClick={() => setShowAll(!showAll)}>
          {showAll ? t('action.close') : t('action.showAll')}
        </Button>
      ) : null}
    </div>
  );
}
