import type { Locale } from '../../shared/contracts/common.ts';
import { errorMessage } from '../../shared/i18n/errors.ts';
import { ApiError } from './api.ts';
import { translate } from './i18n.tsx';

/** A message for any error, in the interface language (the server's own message when it sent one). */
export function errorText(error: unknown, locale: Locale): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return translate(locale, 'error.network');
    return error.message || errorMessage(error.code, locale);
  }
  return errorMessage('internal', locale);
}

/** Whether an error is the API's "not found" (or "forbidden", which the UI treats the same way). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 403);
}

/** The reason alone of a server field message ("rows.12.country: is not a country…" → "is not a country…"). */
export function fieldReason(field: string, message: string): string {
  const prefix = `${field}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
