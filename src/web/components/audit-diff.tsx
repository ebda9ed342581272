import { LockOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ledgerCategoryLabel } from '../../shared/i18n/ledger-categories.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';
import { useUnitMap } from '../lib/lookups.ts';
import { primaryName } from '../lib/names.ts';
import { CountryName } from './country-select.tsx';

// Message prefixes per entity: `<prefix>.field.<name>` labels a field, `<prefix>.<name>.<value>` an enum value.
const PREFIX: Record<string, string> = { institution: 'inst', person: 'person', unit: 'unit', aggregate: 'ledger', user: 'user' };
const COUNTRY_FIELDS = new Set(['countryCode', 'nationality']);
const UNIT_FIELDS = new Set(['unitId', 'parentId']);
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

/** A field-by-field comparison of an audit entry's before and after. */
export function AuditDiff({ entity, before, after }: { entity: string; before: unknown; after: unknown }) {
  const { t, locale } = useI18n();
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
    const unit = typeof value === 'number' && UNIT_FIELDS.has(field) ? units.get(value) : undefined;
    if (unit) return primaryName(unit, locale);
    if (typeof value === 'string') {
      const text = message(field === 'role' ? `role.${value}` : `${prefix}.${field}.${value}`);
      if (text) return text;
    }
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.join(', ');
    if (typeof value === 'object') return <code>{JSON.stringify(value)}</code>;
    return String(value);
  };

  return (
    <div>
      <Table<DiffRow>
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={shown}
        locale={{ emptyText: t('audit.noChanges') }}
        rowClassName={(r) => (r.changed ? 'audit-changed' : '')}
        columns={[
          { title: t('audit.field'), dataIndex: 'field', width: '30%', render: (f: string) => label(f) },
          { title: t('audit.before'), dataIndex: 'before', render: (v: unknown, r) => <span style={r.changed ? { color: '#a8071a', textDecoration: before ? 'line-through' : undefined } : undefined}>{render(v, r.field)}</span> },
          { title: t('audit.after'), dataIndex: 'after', render: (v: unknown, r) => <span style={r.changed ? { color: '#135200' } : undefined}>{render(v, r.field)}</span> },
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
