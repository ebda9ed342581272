/**
 * The header search's matching over `search_entries` (migration 0045): the same AND-ed groups of
 * OR-ed substrings as `Where.search` (normalize.ts#searchTokens). The entry keeps lower(search_text),
 * and `folded LIKE lower(pattern)` is what `search_text ILIKE pattern` does (PostgreSQL's ILIKE
 * lowers both sides, then compares), so a hit is exactly what the search over each kind's
 * `search_text` found, without lowering every row's text at each search.
 * Which index answers depends on the word: one of non-ASCII characters (Chinese, any length) is
 * first looked up by its character pairs in `grams`, which pg_trgm cannot do for one or two Han
 * characters, nor for any in a database whose locale is C; the others by the trigram index.
 */
import type { Where } from '../db/where.ts';
import { likePattern, searchTokens } from './normalize.ts';

const NON_ASCII_ONLY = /^[\u0080-\u{10ffff}]+$/u;

/** The condition one alternative of a word adds, its placeholders taken from `where`. */
function alternative(where: Where, column: { folded: string; grams: string }, word: string): string {
  const like = `${column.folded} LIKE lower(${where.param(likePattern(word))}::text)`;
  // The pairs narrow, LIKE decides: search_word_grams(word) ⊆ grams of any text LIKE finds it in.
  return NON_ASCII_ONLY.test(word) ? `(${column.grams} @> search_word_grams(${where.param(word)}::text) AND ${like})` : like;
}

/** Requires every word of `query` in an entry, in one of its forms (pinyin for a Chinese word). */
export function matchEntries(where: Where, query: string, column = { folded: 'folded', grams: 'grams' }): Where {
  for (const group of searchTokens(query)) where.raw(`(${group.map((word) => alternative(where, column, word)).join(' OR ')})`);
  return where;
}
