/**
 * Sections of bench/RESULTS.md by their `## ` heading, so that a run of one part of the bench
 * rewrites its own section and keeps the others as they were measured.
 */

/** The section starting with the `## ` line that begins with `heading`, up to the next `## ` line; null when absent. */
export function findSection(text: string, heading: string): string[] | null {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) return null;
  const next = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start, next < 0 ? lines.length : next);
}

/** `text` with the section `heading` replaced by `section` (appended when absent). */
export function replaceSection(text: string, heading: string, section: string[]): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) return [...lines.slice(0, lines.at(-1) === '' ? -1 : undefined), '', ...section].join('\n');
  const next = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return [...lines.slice(0, start), ...section, ...(next < 0 ? [] : lines.slice(next))].join('\n');
}
