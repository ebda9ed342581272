/**
 * Characters no text of ours may hold: NUL (PostgreSQL refuses it in text, so it would reach
 * the database as a 500) and lone UTF-16 surrogates (not characters at all: they would be
 * stored as U+FFFD, silently changing what was sent).
 */
const LONE_SURROGATE = /\p{Cs}/u;

/** Control characters and line or paragraph separators: what a single-line name may not hold. */
const NOT_SINGLE_LINE = /[\p{Cc}\u2028\u2029]/u;

/** Whether `text` holds a character no stored text may hold (NUL, a lone surrogate). */
export function hasForbiddenCharacter(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** Whether `text` fits on one line: a name that breaks lines can pass for a heading or a new row in an export. */
export function isSingleLine(text: string): boolean {
  return !NOT_SINGLE_LINE.test(text);
}
