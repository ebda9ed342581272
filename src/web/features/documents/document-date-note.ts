import type { DocumentKind } from '../../../shared/contracts/documents.ts';
import type { MessageKey, MessageVars } from '../../lib/i18n.tsx';

/** The first and last day of what a document is about (a visit, a conference). */
export interface DocumentPeriod {
  start: string;
  end: string;
}

/**
 * What the Documents dialog says about the date a document carries, when the server would print
 * it without complaint but it reads wrongly beside the record's days: an invitation or a visa
 * letter dated after the visit began (the letter of a November visit dated in December), a
 * certificate of attendance dated before the conference ended. Null when the date reads right.
 */
export function dateNote(kind: DocumentKind, date: string, period: DocumentPeriod | undefined): { key: MessageKey; values: MessageVars } | null {
  if (!period) return null;
  if ((kind === 'invitation_letter' || kind === 'visa_support_letter') && date > period.start) return { key: 'documents.dateAfterStart', values: { date, start: period.start } };
  if (kind === 'attendance_certificate' && date < period.end) return { key: 'documents.dateBeforeEnd', values: { date, end: period.end } };
  return null;
}
