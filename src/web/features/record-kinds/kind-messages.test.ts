import { describe, expect, it } from 'vitest';
import { kindMessages } from './kind-messages.ts';
import { TEST_KIND } from './test-kind.ts';

describe('a kind’s own words as messages', () => {
  const messages = kindMessages(TEST_KIND);

  it('label its fields, choices and states under its audit entity, as the history reads them', () => {
    expect(messages['test_memorandum.field.partnerId']).toEqual(TEST_KIND.fields[1]?.label);
    expect(messages['test_memorandum.scope.research']?.fr).toBe('Research (fr)');
    expect(messages['test_memorandum.status.withdrawn']?.zh).toBe('Withdrawn（中）');
    expect(messages['test_memorandum.field.status']?.en).toBe('Status');
  });

  it('label the date a step records as its field', () => {
    expect(messages['test_memorandum.on.signed']?.fr).toBe('Signed on (fr)');
    expect(messages['test_memorandum.on.withdrawn']).toBeUndefined();
  });

  it('fill the shared sentences with its name and states in each language', () => {
    expect(messages['test_memorandum.newTitle']).toEqual({ en: 'New record — Test memorandum', zh: '新增Test memorandum（中）', fr: 'Nouvelle fiche — Test memorandum (fr)' });
    expect(messages['test_memorandum.to.signed']?.en).toBe('Mark as Signed');
    expect(messages['test_memorandum.deleteConfirm']?.fr).toContain('Test memorandum (fr)');
  });
});
