import PDFDocument from 'pdfkit';
import { writeText } from '../../pdf/write-text.ts';
import { closingNote, type ReportDocument } from './report-document.ts';

/** A figure's address when it can be followed from a file: only an absolute one. */
const linkOf = (href: string | null) => (href && /^https?:/.test(href) ? href : null);

/**
 * The report as an A4 PDF, every script in its Noto font (`pdf/write-text.ts`), every figure a
 * link to the page of its records when the pages have an absolute address. The closing note
 * says figures link to their records only when this PDF's figures do.
 */
export function renderPdf(doc: ReportDocument): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margins: { top: 64, bottom: 64, left: 68, right: 68 }, info: { Title: doc.title, Creator: 'Interchange' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const lineGap = doc.lang === 'zh' ? 5 : 3;
  writeText(pdf.fontSize(17).fillColor('#7a1020'), doc.title, { weight: 'bold' });
  writeText(pdf.fontSize(10).fillColor('#666666'), doc.subtitle);
  pdf.moveDown(0.8);
  for (const section of doc.sections) {
    writeText(pdf.fontSize(12.5).fillColor('#1f1f1f'), section.heading, { weight: 'bold', lineGap });
    pdf.moveDown(0.2);
    for (const paragraph of section.paragraphs) {
      paragraph.forEach((piece, i) => {
        const continued = i < paragraph.length - 1;
        if (typeof piece === 'string') writeText(pdf.fontSize(10.5).fillColor('#1f1f1f'), piece, { continued, lineGap, link: null, underline: false });
        else {
          const link = linkOf(piece.href);
          writeText(pdf.fontSize(10.5).fillColor('#0b57d0'), piece.text, { weight: 'bold', continued, lineGap, link, underline: false });
        }
      });
      pdf.moveDown(0.7);
    }
  }
  pdf.moveDown(0.5);
  writeText(pdf.fontSize(8.5).fillColor('#666666'), closingNote(doc, (href) => !!linkOf(href)), { lineGap });
  pdf.end();
  return done;
}
