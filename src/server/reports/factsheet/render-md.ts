import { closingNote, type Piece, type ReportDocument } from './report-document.ts';

// Markdown passes raw HTML through: a name like "<script>…" must reach a viewer as text, so
// < > & are escaped with the Markdown punctuation. A name is one line: any line break or
// control character in it folds into a space, so that it cannot start a line of its own.
const escapeMd = (text: string) => text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').replace(/([\\`*_[\]<>&])/g, '\\$1');

/**
 * A line of running text that cannot open a block: what would make it a heading (#), a quote
 * (>), a list item (- + 1.), a setext underline (= -), a table (|) or a code block (indent) at
 * the start of a line is escaped, whatever text a record brought there.
 */
export function escapeLineStart(line: string): string {
  const text = line.replace(/^\s+/, '');
  const list = /^(\d{1,9})([.)])/.exec(text);
  if (list) return `${list[1]}\\${list[2]}${text.slice(list[0].length)}`;
  return /^[#>+\-=|~:]/.test(text) ? `\\${text}` : text;
}

function pieceMd(piece: Piece): string {
  if (typeof piece === 'string') return escapeMd(piece);
  return piece.href ? `[${escapeMd(piece.text)}](${piece.href.replace(/\)/g, '%29')})` : `**${escapeMd(piece.text)}**`;
}

/** The report as Markdown: every figure a link to its records. */
export function renderMarkdown(doc: ReportDocument): string {
  const lines = [`# ${escapeMd(doc.title)}`, '', `*${escapeMd(doc.subtitle)}*`, ''];
  for (const section of doc.sections) {
    lines.push(`## ${escapeMd(section.heading)}`, '');
    for (const paragraph of section.paragraphs) lines.push(escapeLineStart(paragraph.map(pieceMd).join('')), '');
  }
  lines.push(`> ${escapeMd(closingNote(doc, () => true))}`, '');
  return lines.join('\n');
}
