import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/calendar.ts';
import { dateNote } from './document-date-note.ts';

const period = { start: '2026-11-23', end: '2026-11-25' };

describe('the date a document carries, beside the record’s days', () => {
  it('points out an invitation or visa letter dated after the visit began (defect 7: a November visit invited in December)', () => {
    for (const kind of ['invitation_letter', 'visa_support_letter'] as const) {
      const late = dateNote(kind, '2026-12-06', period);
      expect(late?.key).toBe('documents.dateAfterStart');
      expect(late?.values).toEqual({ date: '2026-12-06', start: period.start });
      expect(dateNote(kind, addDays(period.start, 1), period)?.key).toBe('documents.dateAfterStart');
      expect(dateNote(kind, period.start, period)).toBeNull();
      expect(dateNote(kind, addDays(period.start, -30), period)).toBeNull();
    }
  });

  it('points out a certificate of attendance dated before the conference ended', () => {
    expect(dateNote('attendance_certificate', addDays(period.end, -1), period)?.key).toBe('documents.dateBeforeEnd');
    expect(dateNote('attendance_certificate', period.end, period)).toBeNull();
    expect(dateNote('attendance_certificate', addDays(period.end, 10), period)).toBeNull();
  });

  it('says nothing without the record’s days, nor for documents whose date does not depend on them', () => {
    expect(dateNote('invitation_letter', '2026-12-06', undefined)).toBeNull();
    expect(dateNote('nomination_letter', '2026-12-06', period)).toBeNull();
    expect(dateNote('appointment_letter', '2026-12-06', period)).toBeNull();
  });
});
