/**
 * Bidirectional controls (embeddings, overrides, isolates, marks) and invisible characters
 * (zero-width space, word joiner, byte-order mark, Mongolian vowel separator): in a cell or on
 * a printed page they make a name read otherwise than it is ("invoice\u202Efdp.exe" shows as
 * "invoiceexe.pdf") or two names look the same.
 */
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF\u180E]/g;

/**
 * Zero-width joiners and non-joiners have a use only inside a word or an emoji sequence (a
 * family emoji, an Indic conjunct): anywhere else they only hide.
 */
const STRAY_JOINER = /(?<![\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])[\u200C\u200D]|[\u200C\u200D](?![\p{L}\p{M}\p{Extended_Pictographic}])/gu;

/**
 * Text as it is shown outside the app (CSV, xlsx, PDF), where no isolation protects it: the
 * characters that reorder or hide text are removed, and what is left reads as it is stored.
 */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, '').replace(STRAY_JOINER, '');
}
