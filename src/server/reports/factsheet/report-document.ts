import type { Locale } from '../../../shared/contracts/common.ts';
import type { Figure, FigureItem, FigureKey, FigureSet } from '../../../shared/contracts/reports.ts';
import type { Names } from '../report-names.repo.ts';
import type { OfficeText } from '../../../shared/contracts/settings.ts';
import { aboutText, formatCount, joinList } from '../wording.rules.ts';

/** A run of text, or a figure's text linked to the page of its records. */
export type Piece = string | { text: string; href: string | null; key: string };

export interface ReportSection {
  heading: string;
  paragraphs: Piece[][];
}

/** A report in one language, before it is written as Markdown, HTML or PDF. */
export interface ReportDocument {
  lang: Locale;
  title: string;
  subtitle: string;
  sections: ReportSection[];
  /** The closing note, true of every format. */
  note: string;
  /** Said after the note where the figures link to their records (not in a PDF whose figures have no address). */
  linksNote?: string;
}

/**
 * The document's closing note as a format prints it: with the sentence on links only when that
 * format's figures link (`links` says which addresses the format can follow), so that the note
 * is true of the file it closes.
 */
export function closingNote(doc: ReportDocument, links: (href: string) => boolean): string {
  const linked = doc.sections.some((s) => s.paragraphs.some((p) => p.some((piece) => typeof piece !== 'string' && !!piece.href && links(piece.href))));
  return linked && doc.linksNote ? `${doc.note} ${doc.linksNote}` : doc.note;
}

/** What a fact sheet is written from: the figures, and the names they need in the reader's language. */
export interface FactSheetInput {
  set: FigureSet;
  lang: Locale;
  subject: Names;
  countries: Map<string, Names>;
  /** The joint programme's standing in each language ("an important cooperative programme of the Chinese and French governments"), when recorded. */
  programme: Names | null;
  /** The closing paragraph the office wrote, in each language. */
  closing: OfficeText | null;
  /** Prefixed to each records page: '' within the app, the server's address in a file. */
  baseUrl: string;
}

/** Reads the figures of a fact sheet input and writes their pieces in its language. */
export function pieces(input: FactSheetInput) {
  const { set, lang, baseUrl } = input;
  const get = (key: FigureKey): Figure => set.figures.find((f) => f.key === key)!;
  const link = (f: Figure, text: string): Piece => ({ text, href: f.records ? `${baseUrl}${f.records.page}` : null, key: f.key });
  const num = (f: Figure) => (typeof f.value === 'number' ? f.value : null);
  return {
    get,
    /** The figure exact ("63 universities"), linked; null when its module has not landed. */
    exact: (key: FigureKey, words: (n: string, value: number) => string): Piece | null => {
      const f = get(key);
      const v = num(f);
      return v === null ? null : link(f, words(formatCount(v, lang), v));
    },
    /** The figure rounded as the seed rounds it ("about 50,000"), linked. */
    about: (key: FigureKey, words: (n: string, value: number) => string): Piece | null => {
      const f = get(key);
      const v = num(f);
      return v === null ? null : link(f, words(aboutText(v, lang), v));
    },
    /** A names figure's items, each written by `name`, joined as the language joins lists, linked. */
    names: (key: FigureKey, name: (item: FigureItem) => string, max = 8): Piece | null => {
      const f = get(key);
      if (f.value === null || !f.items?.length) return null;
      return link(f, joinList(f.items.slice(0, max).map(name), lang));
    },
    /** The countries and regions behind a figure, most partners first, each with its code and its name in the reader's language. */
    countries: (key: FigureKey, max: number): Array<{ code: string; name: string }> =>
      (get(key).items ?? []).slice(0, max).map((i) => ({ code: i.key, name: input.countries.get(i.key)?.[lang] ?? i.key })),
    isNull: (key: FigureKey) => get(key).value === null,
  };
}

/** A person's or organization's names, each in its own script: "Jacques Chirac (希拉克)", "希拉克（Jacques Chirac）". */
export function bothScripts(item: FigureItem, lang: Locale): string {
  const latin = item.nameEn;
  const han = item.nameZh;
  if (latin && han && latin !== han) return lang === 'zh' ? `${han}（${latin}）` : `${latin} (${han})`;
  return latin ?? han ?? item.key;
}
