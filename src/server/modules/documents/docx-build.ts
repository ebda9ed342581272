/**
 * The smallest Word document that Word, LibreOffice and docxtemplater all open: the built-in
 * templates and the test fixture are made with it from plain lines of text, so that no binary
 * .docx has to be kept in step with the placeholder list by hand.
 */
import PizZip from 'pizzip';

/** One paragraph: its text (placeholders in braces), and how it is set. */
export interface DocxParagraph {
  text: string;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Points. */
  size?: number;
  /** The text cut into runs at these offsets, as Word does when a word is edited (a tag split across runs must still be read). */
  splitAt?: number[];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function run(text: string, p: DocxParagraph): string {
  const props = [
    // Each script in a font the machine has: Noto covers Latin, Cyrillic, Arabic, Thai; the CJK face covers Chinese.
    '<w:rFonts w:ascii="Noto Sans" w:hAnsi="Noto Sans" w:cs="Noto Sans" w:eastAsia="Noto Sans CJK SC"/>',
    p.bold ? '<w:b/>' : '',
    p.size ? `<w:sz w:val="${p.size * 2}"/>` : '',
  ].join('');
  return `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;
}

function paragraph(p: DocxParagraph): string {
  const cuts = [0, ...(p.splitAt ?? []), p.text.length];
  const runs = cuts.slice(1).map((end, i) => run(p.text.slice(cuts[i], end), p)).join('');
  const props = p.align && p.align !== 'left' ? `<w:pPr><w:jc w:val="${p.align === 'right' ? 'right' : 'center'}"/></w:pPr>` : '';
  return `<w:p>${props}${runs}</w:p>`;
}

/** A .docx of these paragraphs on an A4 page. */
export function buildDocx(paragraphs: DocxParagraph[], title: string): Buffer {
  const zip = new PizZip();
  // A fixed date on every entry: the same source gives the same bytes (the committed fixture does not change when remade).
  const at = { date: new Date(Date.UTC(2026, 0, 1)) };
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    at,
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    at,
  );
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escape(title)}</dc:title><dc:creator>Interchange</dc:creator></cp:coreProperties>`,
    at,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map(paragraph).join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`,
    at,
  );
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
