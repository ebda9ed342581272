import { sofficeVersion } from '../modules/documents/pdf-converter.ts';
import { finding, type Finding } from './findings.ts';

/**
 * Whether documents can be given as PDF besides .docx: LibreOffice headless is optional, so
 * its absence is information, not a problem (the .docx is always given).
 */
export async function checkPdfConverter(version: () => Promise<string | null> = () => sofficeVersion()): Promise<Finding> {
  const found = await version();
  if (found) return finding('PDF converter', 'ok', `${found}: documents from .docx templates are also given as PDF`);
  return finding('PDF converter', 'info', "LibreOffice (soffice) not found or not answering: documents are given as .docx only; install Debian's libreoffice-writer-nogui for PDF");
}
