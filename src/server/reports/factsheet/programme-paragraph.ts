import type { Locale } from '../../../shared/contracts/common.ts';
import type { FactSheetInput, Piece } from './report-document.ts';

/** When the partners sent professors: since which year, and whether in every complete year since. */
interface ProfessorYears {
  since: number;
  /** Complete years since `since` (the date's own year is not over) … */
  span: number;
  /** … and how many of them had at least one professor. */
  withProfessors: number;
}

/** A figure of the set, with its value as counts by key ({} when it holds none). */
function countsFigure(input: FactSheetInput, key: string) {
  const figure = input.set.figures.find((f) => f.key === key);
  const counts: Record<string, number> = figure?.value && typeof figure.value === 'object' && !Array.isArray(figure.value) ? figure.value : {};
  return { figure, counts };
}

/** The years of the professors' counts by year up to `asOf`: null when no professor is recorded. */
function professorYears(byYear: Record<string, number>, asOf: string): ProfessorYears | null {
  const years = Object.keys(byYear).map(Number).sort((a, b) => a - b);
  if (!years.length) return null;
  const since = years[0]!;
  const lastComplete = Number(asOf.slice(0, 4)) - 1;
  const span = Math.max(lastComplete - since + 1, 0);
  return { since, span, withProfessors: years.filter((y) => y <= lastComplete).length };
}

const WHEN: Record<Locale, (y: ProfessorYears) => string> = {
  en: (y) => (y.withProfessors >= y.span ? `every year since ${y.since}` : `in ${y.withProfessors} of the ${y.span} years since ${y.since}`),
  zh: (y) => (y.withProfessors >= y.span ? `自${y.since}年起每年` : `自${y.since}年以来的${y.span}年中有${y.withProfessors}年`),
  fr: (y) => (y.withProfessors >= y.span ? `chaque année depuis ${y.since}` : `au cours de ${y.withProfessors} des ${y.span} années depuis ${y.since}`),
};

/**
 * "Students in this program study some of the basic courses in French, with professors sent
 * every year by the French side": from the professors recorded, linked to them; "every year"
 * only when no complete year since the first lacks one. Null when none is recorded.
 */
export function professorsSentence(input: FactSheetInput): Piece[] | null {
  const { figure, counts } = countsFigure(input, 'programme.visitingProfessors');
  const years = professorYears(counts, input.set.asOf);
  if (!years || !figure) return null;
  const when: Piece = { text: WHEN[input.lang](years), href: figure.records ? `${input.baseUrl}${figure.records.page}` : null, key: figure.key };
  if (input.lang === 'zh') return ['学生部分基础课程以法语学习，法方', when, '派教授来校授课。'];
  if (input.lang === 'fr') return ['Ses étudiants suivent une partie des cours fondamentaux en français, avec des professeurs envoyés par la partie française ', when, '. '];
  return ['Its students study some of the basic courses in French, with professors sent by the French side ', when, '. '];
}

const PURPOSES: Record<Locale, Record<'exchange' | 'study' | 'degree', string>> = {
  en: { exchange: 'international exchanges', study: 'overseas study programmes', degree: 'the pursuit of degrees' },
  zh: { exchange: '国际交流', study: '出国学习项目', degree: '攻读学位' },
  fr: { exchange: 'des échanges internationaux', study: 'des programmes d’études à l’étranger', degree: 'la poursuite d’un diplôme' },
};
const OR: Record<Locale, [string, string]> = { en: [', ', ' or '], zh: ['、', '或'], fr: [', ', ' ou '] };

/**
 * "SJTUSM has also actively selected excellent students for international exchanges, overseas
 * study programs or the pursuit of degrees": the purposes for which students were selected,
 * linked to them. Null when nobody has been selected.
 */
export function selectedSentence(input: FactSheetInput, org: string): Piece[] | null {
  const { figure, counts } = countsFigure(input, 'exchange.selected');
  const purposes = (['exchange', 'study', 'degree'] as const).filter((k) => (counts[k] ?? 0) > 0).map((k) => PURPOSES[input.lang][k]);
  if (!figure || !purposes.length) return null;
  const [comma, or] = OR[input.lang];
  const text = purposes.length === 1 ? purposes[0]! : `${purposes.slice(0, -1).join(comma)}${or}${purposes.at(-1)}`;
  const linked: Piece = { text, href: figure.records ? `${input.baseUrl}${figure.records.page}` : null, key: figure.key };
  if (input.lang === 'zh') return [`${org}还积极选拔优秀学生参加`, linked, '。'];
  if (input.lang === 'fr') return [`${org} sélectionne aussi activement d’excellents étudiants pour `, linked, '. '];
  return [`${org} has also actively selected excellent students for `, linked, '. '];
}
