import { describe, expect, it } from 'vitest';
import { MISSION_STATUS_LABELS } from '../../shared/i18n/mission-labels.ts';
import { labelReaders, type EnumLabels } from './enum-labels.ts';

describe('an enum’s labels', () => {
  it('are read in the interface language from the tables the server uses', () => {
    expect(labelReaders({ status: MISSION_STATUS_LABELS }, 'zh').status('travelled')).toBe('已出访');
    expect(labelReaders({ status: MISSION_STATUS_LABELS }, 'fr').status('approved')).toBe('Approuvée');
  });

  it('show a value the table lacks as it is', () => {
    expect(labelReaders({ role: MISSION_STATUS_LABELS as EnumLabels<string> }, 'en').role('observer')).toBe('observer');
  });
});
