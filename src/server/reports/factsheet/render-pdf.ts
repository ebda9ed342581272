import PDFDocument from 'pdfkit';
import { cjkFonts } from '../../pdf/cjk-font.ts';
import { visibleText } from '../../security/visible-text.ts';
import type { ReportDocument } from './report-document.ts';

/**
 * The report as an A4 PDF in Noto Sans SC (Chinese and French accents alike), every figure a
 * link to the page of its records when the pages have an address.
 */
export function renderPdf(doc: ReportDocument): Promise<Buffer> {
  const { regular, bold } = cjkFonts();
  const pdf = new PDFDocument({ size: 'A4', margins: { top: 64, bottom: 64, left: 68, right: 68 }, info: { Title: doc.title, Creator: 'Interchange' } });
  pdf.registerFont('regular', regular);
  pdf.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const lineGap = doc.lang === 'zh' ? 5 : 3;
  // The font's curly apostrophe is the full-width Chinese one: Latin text takes the straight one.
  // A printed page has no isolation: bidi controls and invisible characters in a name are removed.
  const latin = (text: string) => (doc.lang === 'zh' ? visibleText(text) : visibleText(text).replace(/\u2019/g, "'"));
  pdf.font('bold').fontSize(17).fillColor('#7a1020').text(latin(doc.title));
  pdf.font('regular').fontSize(10).fillColor('#666666').text(latin(doc.subtitle)).moveDown(0.8);
  for (const section of doc.sections) {
    pdf.font('bold').fontSize(12.5).fillColor('#1f1f1f').text(latin(section.heading), { lineGap }).moveDown(0.2);
    for (const paragraph of section.paragraphs) {
      paragraph.forEach((piece, i) => {
        const continued = i < paragraph.length - 1;
        if (typeof piece === 'string') pdf.font('regular').fontSize(10.5).fillColor('#1f1f1f').text(latin(piece), { continued, lineGap, link: null, underline: false });
        else {
          const link = piece.href && /^https?:/.test(piece.href) ? piece.href : null;
          pdf.font('bold').fontSize(10.5).fillColor('#0b57d0').text(latin(piece.text), { continued, lineGap, link, underline: false });
        }
      });
      pdf.moveDown(0.7);
    }
  }
  pdf.moveDown(0.5).font('regular').fontSize(8.5).fillColor('#666666').text(latin(doc.note), { lineGap });
  pdf.end();
  return done;
}
