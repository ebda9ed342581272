import { describe, expect, it } from 'vitest';
import { importQuery, initialDecision } from './import-query.ts';

describe('importQuery', () => {
  it('leaves out what the user did not choose, so the server detects it', () => {
    expect(importQuery({})).toBe('');
    expect(importQuery({ encoding: '', decisions: {} })).toBe('');
  });
  it('sends the encoding, the day order and the decisions', () => {
    const query = new URLSearchParams(importQuery({ encoding: 'gb18030', dayOrder: 'month-first', decisions: { 4: 12, 7: 'create' } }).slice(1));
    expect(query.get('encoding')).toBe('gb18030');
    expect(query.get('dayFirst')).toBe('false');
    expect(JSON.parse(query.get('decisions')!)).toEqual({ 4: 12, 7: 'create' });
  });
  it('starts a possible duplicate as skipped, nothing else', () => {
    const row = { rowNumber: 2, values: {}, matches: [], problems: [] };
    expect(initialDecision({ ...row, class: 'duplicate' })).toBe('skip');
    expect(initialDecision({ ...row, class: 'new' })).toBeUndefined();
  });
});
