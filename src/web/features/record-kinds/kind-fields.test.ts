import { describe, expect, it } from 'vitest';
import { fieldValue, kindFormValues, kindLayout } from './kind-fields.tsx';
import type { KindRecord } from './kind-record.ts';
import { TEST_KIND } from './test-kind.ts';

const field = (name: string) => {
  const found = TEST_KIND.fields.find((f) => f.name === name);
  if (!found) throw new Error(name);
  return found;
};

describe('a kind’s form and values, from its fields', () => {
  it('offers every field but those a step writes, each with its control', () => {
    const items = kindLayout(TEST_KIND)[0]?.items ?? [];
    expect(items.map((i) => ('kind' in i ? [i.name, i.kind] : null))).toEqual([
      ['title', 'text'],
      ['partnerId', 'institution'],
      ['unitId', 'unit'],
      ['country', 'country'],
      ['scope', 'select'],
      ['startsOn', 'date'],
      ['notes', 'longText'],
    ]);
    expect(items.find((i) => 'name' in i && i.name === 'scope')).toMatchObject({ values: ['rotation', 'research'], clearable: false, testId: 'test-memoranda-scope' });
  });

  it('fills the form from a record, an empty field as undefined and a step’s date left out', () => {
    const record: KindRecord = { id: 1, status: 'drafted', version: 1, createdAt: '', updatedAt: '', title: 'T', country: null, signedOn: '2026-01-01' };
    const values = kindFormValues(TEST_KIND, record);
    expect(values.title).toBe('T');
    expect(values.country).toBeUndefined();
    expect('signedOn' in values).toBe(false);
  });

  it('shows a choice by its label in the reader’s language, a unit by its name, and nothing for an empty field', () => {
    const record: KindRecord = { id: 1, status: 'drafted', version: 1, createdAt: '', updatedAt: '', scope: 'rotation', unitId: 4, unit: { nameEn: 'Ruijin Hospital', nameZh: '瑞金医院', nameFr: null }, notes: '' };
    expect(fieldValue(record, field('scope'), 'zh')).toBe('Rotation（中）');
    expect(fieldValue(record, field('unitId'), 'zh')).toBe('瑞金医院');
    expect(fieldValue(record, field('unitId'), 'fr')).toBe('Ruijin Hospital');
    expect(fieldValue(record, field('notes'), 'en')).toBeNull();
  });
});
