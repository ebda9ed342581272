import { describe, expect, it } from 'vitest';
import { formValuesOf } from './form-values.ts';

describe('a record as form values', () => {
  it('keeps the named fields, a null as an empty field, and false, zero and lists as they are', () => {
    const record = { id: 7, titleEn: 'Visit', titleFr: null, autoRenewal: false, months: 0, otherNames: ['A'], notes: null };
    const values = formValuesOf(record, ['titleEn', 'titleFr', 'autoRenewal', 'months', 'otherNames', 'notes']);
    expect(values).toEqual({ titleEn: 'Visit', titleFr: undefined, autoRenewal: false, months: 0, otherNames: ['A'], notes: undefined });
    expect('id' in values).toBe(false);
  });
});
