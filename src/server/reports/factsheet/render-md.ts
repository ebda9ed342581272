import type { Piece, ReportDocument } from './report-document.ts';

// Markdown passes raw HTML through: a name like "<script>…" must reach a viewer as text, so
// < > & are escaped with the Markdown punctuation.
const escapeMd = (text: string) => text.replace(/([\\`*_[\]<>&])/g, '\\$1');

function pieceMd(piece: Piece): string {
  if (typeof piece === 'string') return escapeMd(piece);
  return piece.href ? `[${escapeMd(piece.text)}](${piece.href.replace(/\)/g, '%29')})` : `**${escapeMd(piece.text)}**`;
}

/** The report as Markdown: every figure a link to its records. */
export function renderMarkdown(doc: ReportDocument): string {
  const lines = [`# ${escapeMd(doc.title)}`, '', `*${escapeMd(doc.subtitle)}*`, ''];
  for (const section of doc.sections) {
    lines.push(`## ${escapeMd(section.heading)}`, '');
    for (const paragraph of section.paragraphs) lines.push(paragraph.map(pieceMd).join(''), '');
  }
  lines.push(`> ${escapeMd(doc.note)}`, '');
  return lines.join('\n');
}
