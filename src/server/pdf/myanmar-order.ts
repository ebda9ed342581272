/**
 * Burmese for fontkit, which has no Myanmar shaper (it lays Burmese out in stored order, with
 * none of the script's features): the vowel sign E (ေ) and the medial RA (ြ), stored after
 * their consonant, are moved before it, where they are drawn, and the font's Myanmar features
 * are asked for by name. The PDF keeps the stored text as the run's /ActualText.
 */

const CONSONANT = '[\\u1000-\\u102A\\u103F\\u104E\\u1050-\\u1055\\u105A-\\u105D\\u1061\\u1065\\u1066\\u106E-\\u1070\\u1075-\\u1081\\u108E]';
const MARK = '[\\u102B-\\u103E\\u1056-\\u1059\\u105E-\\u1060\\u1062-\\u1064\\u1067-\\u106D\\u1071-\\u1074\\u1082-\\u108D\\u108F\\u109A-\\u109D]';
const SYLLABLE = new RegExp(`(${CONSONANT}(?:\\u1039${CONSONANT})*)(${MARK}*)`, 'gu');

/** The Myanmar features of Noto Sans Myanmar, applied in the font's own lookup order. */
export const MYANMAR_FEATURES = ['rphf', 'pref', 'blwf', 'pstf', 'pres', 'abvs', 'blws', 'psts', 'dist', 'abvm', 'blwm'];

/** A Burmese text in the order its glyphs are drawn: "အောင်" → E, A, AA, NGA, ASAT. */
export function myanmarDrawingOrder(text: string): string {
  return text.replace(SYLLABLE, (_, base: string, marks: string) => {
    const before = (marks.match(/[\u1031\u1084]/gu) ?? []).join('') + (marks.includes('\u103c') ? '\u103c' : '');
    return before + base + marks.replace(/[\u1031\u1084\u103c]/gu, '');
  });
}
