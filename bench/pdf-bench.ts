/**
 * What a PDF costs (issue 16): the size and the median generation time of an invitation letter
 * (English with Latin names only, Chinese, English for the visitor of issue 16 with her Arabic
 * name, English for a delegation with one person per script) and of a fact sheet, and what the
 * first PDF pays to read its fonts. `npm run bench -- --only pdf`.
 */
import { performance } from 'node:perf_hooks';
import { renderInvitationLetter, type LetterContent } from '../src/server/modules/visits/invitation-letter.ts';
import { renderPdf } from '../src/server/reports/factsheet/render-pdf.ts';
import type { ReportDocument } from '../src/server/reports/factsheet/report-document.ts';
import { scriptLetter } from '../src/server/test/script-letter.ts';

export const PDF_HEADING = '## PDFs (issue 16)';
const RUNS = 15;

/** The letter to the visitor of issue 16 (Latin passport name, Arabic name beside it), or with Latin names only. */
export function sampleLetter(lang: 'en' | 'zh', nameZh: string | null): LetterContent {
  const letter = scriptLetter(lang);
  return { ...letter, visitor: { ...letter.visitor, nameZh }, delegation: { size: 3, visitorIsHead: true, headName: null } };
}

/** A fact sheet of five sections in English, naming people in Latin and Chinese script. */
export const SAMPLE_SHEET: ReportDocument = {
  lang: 'en',
  title: 'Shanghai Jiao Tong University School of Medicine: international exchange and cooperation',
  subtitle: 'Figures as of 2024-06-30',
  sections: Array.from({ length: 5 }, (_, i) => ({
    heading: `Section ${i + 1}`,
    paragraphs: [
      [
        'Since 1980, the school has received ',
        { text: '12,345 visitors', href: null, key: 'inbound.personTimes' },
        ' from 68 countries and regions, among them Jacques Chirac (希拉克), Marie Curie, Louis Pasteur and Émile Zola; honours from the Government of the French Republic and the World Health Organization. '.repeat(3),
      ],
    ],
  })),
  note: 'Person-times count trips.',
};

export interface PdfCost {
  name: string;
  kB: number;
  ms: number;
}

async function cost(name: string, render: () => Promise<Buffer>): Promise<PdfCost> {
  await render();
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    size = (await render()).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, kB: size / 1024, ms: times[Math.floor(times.length / 2)]! };
}

/** The first PDF (which reads its fonts), then the median of each kind of PDF. */
export async function measurePdfs(): Promise<{ firstMs: number; costs: PdfCost[] }> {
  const start = performance.now();
  await renderInvitationLetter(sampleLetter('en', null));
  const firstMs = performance.now() - start;
  return {
    firstMs,
    costs: [
      await cost('letter, English, Latin names', () => renderInvitationLetter(sampleLetter('en', null))),
      await cost('letter, Chinese', () => renderInvitationLetter(sampleLetter('zh', '法蒂玛'))),
      await cost('letter, English, with the Arabic name', () => renderInvitationLetter(sampleLetter('en', 'فاطمة الراشد'))),
      await cost('letter, English, a delegation in 13 scripts', () => renderInvitationLetter(scriptLetter('en'))),
      await cost('fact sheet, English', () => renderPdf(SAMPLE_SHEET)),
    ],
  };
}

/**
 * Measured once, when PDFs learnt every script (2026-12-06, load average 15 on 2 cores): the
 * same letters and fact sheet drawn by the code before (Noto Sans SC alone, read from its 8 MB
 * file and parsed again for every PDF) and after, in alternating processes, medians of 15.
 */
const BEFORE = [
  'Before and after PDFs learnt every script (same content, alternating processes, medians of 15, load average 15):',
  'the letter in English went from 57.5 kB and 420–720 ms to 62.2 kB and 90–125 ms; in Chinese from 104.9 kB and',
  '540–770 ms to 109.3 kB and 115–155 ms; the fact sheet from 55.4 kB and 515–525 ms to 61.1 kB and 85–120 ms. The',
  'few kB more are the subset of Noto Sans for Latin text; the time saved is the Chinese font parsed once instead of for',
  'every PDF. The first PDF after a start read its font in 1.5–1.6 s before, 1.2–1.9 s now; nothing is read at start.',
];

/** The results as the section of bench/RESULTS.md. */
export function pdfSection(result: { firstMs: number; costs: PdfCost[] }, machineLine: string): string[] {
  return [
    PDF_HEADING,
    '',
    machineLine,
    '',
    `First PDF after start (reads and parses its fonts): ${result.firstMs.toFixed(0)} ms. Median of ${RUNS}:`,
    '',
    '| PDF | size | time |',
    '|---|---|---|',
    ...result.costs.map((c) => `| ${c.name} | ${c.kB.toFixed(1)} kB | ${c.ms.toFixed(0)} ms |`),
    '',
    ...BEFORE,
    '',
  ];
}
