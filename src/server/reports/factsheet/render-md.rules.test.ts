import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-md.ts';
import type { Piece, ReportDocument } from './report-document.ts';

// Issue 15, finding 9: a name with a line break followed by "# Heading" became a heading of
// the Markdown fact sheet. The writer folds line breaks in text and escapes line starts.

const HOSTILE: Piece[][] = [
  ['Visitors included ', { text: 'Jane\n# Heading', href: '/people?q=x', key: 'k' }, '.'],
  ['# Heading at the start of a paragraph'],
  [{ text: 'Name\r\n## Sub\u2028### Third', href: null, key: 'k' }],
  ['- a list item'],
  ['+ another'],
  ['1. a numbered item'],
  ['12) another'],
  ['> a quote'],
  ['==='],
  ['---'],
  ['    indented code'],
  ['| a | table |'],
  ['partner\u0085\u000B\u000C# next'],
];

const doc: ReportDocument = {
  lang: 'en',
  title: 'Fact sheet',
  subtitle: 'As of today',
  sections: [{ heading: 'Partners', paragraphs: HOSTILE }],
  note: 'Figures link to their records.',
};

describe('the Markdown writer', () => {
  const md = renderMarkdown(doc);
  const lines = md.split('\n');

  it('writes only its own headings: no name becomes one', () => {
    expect(lines.filter((l) => /^ {0,3}#{1,6}(\s|$)/.test(l))).toEqual(['# Fact sheet', '## Partners']);
  });

  it('keeps each paragraph on one line, whatever line breaks its text held', () => {
    // Title, subtitle, heading, each paragraph and the note: each one line followed by a blank one.
    expect(lines.filter((l) => l !== '')).toHaveLength(4 + HOSTILE.length);
  });

  it('opens no list, quote, setext underline, table or code block with a record\u2019s text', () => {
    const body = lines.filter((l) => l !== '' && !l.startsWith('# ') && !l.startsWith('## ') && l !== '*As of today*' && l !== '> Figures link to their records.');
    expect(body).toHaveLength(HOSTILE.length);
    for (const line of body) {
      expect(line, line).not.toMatch(/^ {0,3}([-+*]|\d{1,9}[.)])(\s|$)/);
      expect(line, line).not.toMatch(/^ {0,3}(>|\||=+\s*$|-+\s*$)/);
      expect(line, line).not.toMatch(/^( {4}|\t)/);
    }
    // The text is all there, escaped: unescaped, it reads as given (line breaks as spaces).
    expect(md.replace(/\\(.)/g, '$1')).toContain('Jane # Heading');
    expect(md.replace(/\\(.)/g, '$1')).toContain('1. a numbered item');
  });
});
