import { closingNote, type Piece, type ReportDocument } from './report-document.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

function pieceHtml(piece: Piece): string {
  if (typeof piece === 'string') return escapeHtml(piece);
  const text = escapeHtml(piece.text);
  return piece.href ? `<a href="${escapeHtml(piece.href)}" data-figure="${piece.key}">${text}</a>` : `<strong data-figure="${piece.key}">${text}</strong>`;
}

/** The report as a standalone HTML page: every figure a link to the page of its records. */
export function renderHtml(doc: ReportDocument): string {
  const body = doc.sections
    .map((s) => `<section>\n<h2>${escapeHtml(s.heading)}</h2>\n${s.paragraphs.map((p) => `<p>${p.map(pieceHtml).join('')}</p>`).join('\n')}\n</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="${doc.lang === 'zh' ? 'zh-CN' : doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>
body { font-family: "Noto Sans SC", "Noto Sans CJK SC", system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.65; color: #1f1f1f; }
h1 { font-size: 1.5rem; color: #7a1020; margin-bottom: 0.2rem; }
h2 { font-size: 1.1rem; margin-top: 1.6rem; }
.subtitle { color: #666; margin-top: 0; }
a { color: #0b57d0; font-weight: 600; text-decoration: none; border-bottom: 1px dotted #0b57d0; }
.note { color: #666; font-size: 0.9rem; border-top: 1px solid #ddd; padding-top: 0.8rem; margin-top: 2rem; }
</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
<p class="subtitle">${escapeHtml(doc.subtitle)}</p>
${body}
<p class="note">${escapeHtml(closingNote(doc, () => true))}</p>
</body>
</html>
`;
}
