/**
 * Templates checked and filled with docxtemplater (and pizzip for the zip): the tags a template
 * uses must all be placeholders of its kind, and docxtemplater's own errors — an unknown tag
 * reported by our parser, an unclosed tag, a loop left open — become field reasons naming the
 * tag, in the user's language (src/shared/i18n/errors.ts).
 */
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { DomainError, invalidFields, type FieldProblem } from '../../core/errors.ts';
import { DOCUMENT_PLACEHOLDERS, type DocumentKind } from '../../../shared/contracts/documents.ts';
import { notDocx } from './docx-limits.ts';

/** The values a template is filled with: texts, and lists of items for its loops. */
export type DocumentData = Record<string, string | Array<Record<string, string>>>;

/** Every tag a template of `kind` may use: the kind's placeholders and the fields of its loops' items. */
export function knownTags(kind: DocumentKind): Set<string> {
  const names = new Set<string>();
  for (const placeholder of DOCUMENT_PLACEHOLDERS[kind]) {
    names.add(placeholder.name);
    for (const item of placeholder.items ?? []) names.add(item.name);
  }
  return names;
}

class UnknownTag extends Error {}

interface TemplateErrorProperties {
  id?: string;
  xtag?: string;
  errors?: Array<{ properties?: TemplateErrorProperties }>;
  rootError?: unknown;
}

/** Our field problems for docxtemplater's error (one, or a multi-error holding several). */
function problemsOf(error: unknown): FieldProblem[] | null {
  const properties = (error as { properties?: TemplateErrorProperties } | null)?.properties;
  if (!properties) return null;
  const errors = properties.errors?.map((e) => e.properties ?? {}) ?? [properties];
  const problems = errors.map((e): FieldProblem => {
    const tag = (e.xtag ?? '').slice(0, 100);
    if (e.id === 'scopeparser_compilation_failed' && e.rootError instanceof UnknownTag) return { field: 'file', reason: `unknown_placeholder:${tag}` };
    return { field: 'file', reason: `template_syntax:${tag || e.id || '?'}` };
  });
  const unique = new Map(problems.map((p) => [p.reason, p]));
  return [...unique.values()];
}

/** Opens a template with docxtemplater, refusing a tag that `kind` does not know. */
function open(kind: DocumentKind, content: Buffer): Docxtemplater {
  const known = knownTags(kind);
  let zip: PizZip;
  try {
    zip = new PizZip(content);
  } catch {
    throw notDocx();
  }
  try {
    return new Docxtemplater(zip, {
      paragraphLoop: true,
      errorLogging: false,
      linebreaks: true,
      parser(tag: string) {
        const name = tag.trim();
        // `.` is the item itself inside a loop; everything else must be a placeholder of this kind.
        if (name !== '.' && !known.has(name)) throw new UnknownTag(name);
        return { get: (scope: unknown) => (name === '.' ? scope : (scope as Record<string, unknown> | null)?.[name]) };
      },
      nullGetter: () => '',
    });
  } catch (error) {
    const problems = problemsOf(error);
    if (problems) throw invalidFields(...problems);
    if (error instanceof DomainError) throw error;
    throw notDocx();
  }
}

/**
 * Checks a template of `kind` and returns the placeholders it uses (for the settings page);
 * throws 400 naming every unknown or broken tag.
 */
export function checkTemplate(kind: DocumentKind, content: Buffer): string[] {
  const doc = open(kind, content);
  const used = new Set<string>();
  const text = doc.getFullText();
  for (const match of text.matchAll(/\{\s*[#/^@]?\s*([^{}#/^@\s]+)\s*\}/g)) used.add(match[1]!);
  for (const name of doc.getZip().file(/^word\/(header|footer)\d*\.xml$/).map((f: { name: string }) => f.name)) {
    for (const match of doc.getFullText(name).matchAll(/\{\s*[#/^@]?\s*([^{}#/^@\s]+)\s*\}/g)) used.add(match[1]!);
  }
  return [...used].sort();
}

/** Fills a (checked) template of `kind` with `data` and returns the .docx. */
export function fillTemplate(kind: DocumentKind, content: Buffer, data: DocumentData): Buffer {
  const doc = open(kind, content);
  try {
    doc.render(data);
  } catch (error) {
    const problems = problemsOf(error);
    if (problems) throw invalidFields(...problems);
    throw error;
  }
  return doc.toBuffer({ compression: 'DEFLATE' });
}
