import type { FigureKey } from '../../../shared/contracts/reports.ts';
import { FIGURE_KEYS } from '../../../shared/contracts/reports.ts';
import { formatCount, joinList } from '../wording.rules.ts';
import { capitalised } from '../articles.rules.ts';
import type { FactSheetInput, Piece } from './report-document.ts';

const PLACEHOLDER = /\{([^{}]+)\}/g;

/**
 * The closing paragraph: the office's own text in the reader's language (a setting), with
 * {school} the school's name as the sentence needs it and each {figure.key} the figure, live
 * and linked to its records. Null when the office has written none.
 */
export function closingParagraph(input: FactSheetInput, school: string): Piece[] | null {
  const text = input.closing?.[input.lang]?.trim();
  if (!text) return null;
  const out: Piece[] = [];
  let at = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const before = text.slice(at, match.index);
    if (before) out.push(before);
    out.push(placeholder(input, match[1]!, match.index === 0 ? capitalised(school) : school));
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

function placeholder(input: FactSheetInput, name: string, school: string): Piece {
  if (name === 'school') return school;
  if (!(FIGURE_KEYS as readonly string[]).includes(name)) return `{${name}}`;
  const figure = input.set.figures.find((f) => f.key === (name as FigureKey))!;
  const v = figure.value;
  const text =
    typeof v === 'number'
      ? formatCount(v, input.lang)
      : Array.isArray(v)
        ? joinList(v, input.lang)
        : v === null
          ? '—'
          : joinList(Object.entries(v).map(([k, n]) => `${k}: ${formatCount(n, input.lang)}`), input.lang);
  return { text, href: figure.records ? `${input.baseUrl}${figure.records.page}` : null, key: figure.key };
}
