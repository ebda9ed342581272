import type { Locale } from '../../../shared/contracts/common.ts';
import type { FigureItem } from '../../../shared/contracts/reports.ts';
import { joinList, manyText } from '../wording.rules.ts';
import { bodyEn, bodyFr, ofFr } from '../articles.rules.ts';
import { bothScripts, pieces, type FactSheetInput, type Piece } from './report-document.ts';

type Group = NonNullable<FigureItem['group']>;

/** One sentence clause: some holders and what they received (several honours when the holders are the same). */
interface Clause {
  holders: FigureItem[];
  groups: Group[];
}

/** The notable honours as clauses: one per honour, consecutive honours of the very same holders in one ("Wang Zhen-yi received A, B and C"). */
function clausesOf(items: readonly FigureItem[]): Clause[] {
  const byGroup: Array<{ group: Group; holders: FigureItem[] }> = [];
  for (const item of items) {
    if (!item.group) continue;
    const last = byGroup.at(-1);
    if (last && last.group.key === item.group.key) last.holders.push(item);
    else byGroup.push({ group: item.group, holders: [item] });
  }
  const clauses: Clause[] = [];
  const who = (holders: FigureItem[]) => holders.map((h) => h.key.slice(h.key.lastIndexOf('#') + 1)).join(',');
  for (const { group, holders } of byGroup) {
    const last = clauses.at(-1);
    if (last && who(last.holders) === who(holders)) last.groups.push(group);
    else clauses.push({ holders, groups: [group] });
  }
  return clauses;
}

const isProfessor = (h: FigureItem) => /^prof/i.test(h.title ?? '') || h.title === '教授';

/** The holders as the language names them, each in their own script, with "Professor(s)" when all of them are. */
function holdersText(holders: FigureItem[], lang: Locale): string {
  const names = joinList(holders.map((h) => (lang === 'zh' ? (h.nameZh ?? h.nameEn ?? h.key) : bothScripts(h, lang))), lang);
  if (!holders.every(isProfessor)) return names;
  const many = holders.length > 1;
  if (lang === 'zh') return `${names}教授`;
  if (lang === 'fr') return `${many ? 'les professeurs' : 'le professeur'} ${names}`;
  return `${many ? 'Professors' : 'Professor'} ${names}`;
}

/** What was received, in the language: “Kettering Prize” from …, 通用汽车癌症研究基金会授予的“凯特林奖”, « Prix Kettering » (…). */
function honourText(g: Group, lang: Locale): string {
  if (lang === 'zh') return g.by ? `${g.by.zh}授予的“${g.name.zh}”` : `“${g.name.zh}”`;
  if (lang === 'fr') return g.by ? `« ${g.name.fr} » (${g.by.fr})` : `« ${g.name.fr} »`;
  return g.by ? `“${g.name.en}” from ${bodyEn(g.by.en)}` : `“${g.name.en}”`;
}

function clauseText(c: Clause, lang: Locale): string {
  const holders = holdersText(c.holders, lang);
  const what = joinList(c.groups.map((g) => honourText(g, lang)), lang);
  if (lang === 'zh') return `${holders}获得${what}`;
  if (lang === 'fr') return `${holders} ${c.holders.length > 1 ? 'ont reçu' : 'a reçu'} ${what}`;
  return `${holders} received ${what}`;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The seed's honours paragraph, from the figures `honours` (the notable ones, grouped) and
 * `honours.holders`: "Dozens of professors and experts of … have been awarded …. The more
 * important ones are: Professors Kuang An-kun (邝安堃), … received “Legion of Honour” from …; …".
 * Null when the honours module has not landed.
 */
export function honoursParagraph(input: FactSheetInput): Piece[] | null {
  const { lang } = input;
  const p = pieces(input);
  const holders = p.get('honours.holders');
  const notable = p.get('honours');
  if (typeof holders.value !== 'number' || !Array.isArray(notable.value)) return null;
  const org = input.subject[lang];
  const link = (text: string, f: typeof holders): Piece => ({ text, href: f.records ? `${input.baseUrl}${f.records.page}` : null, key: f.key });
  const n = holders.value;
  const out: Piece[] = [];
  if (n === 0) {
    out.push(lang === 'zh' ? '尚无国外荣誉记录。' : lang === 'fr' ? 'Aucune distinction reçue de l’étranger n’est encore enregistrée.' : 'No honours from abroad are recorded yet.');
    return out;
  }
  const many = manyText(n, lang);
  if (lang === 'zh') out.push(`${org}已有`, link(many, holders), '教授和专家获得国外机构授予的荣誉称号及重要国际医学奖项。');
  else if (lang === 'fr') out.push(link(capitalised(many), holders), ` professeurs et experts ${ofFr(bodyFr(org))} ont reçu des titres honorifiques d’institutions étrangères et d’importants prix médicaux internationaux.`);
  else out.push(link(capitalised(many), holders), ` professors and experts of ${org} have been awarded honorary titles by overseas institutions and won important international medical awards and prizes.`);
  const clauses = clausesOf(notable.items ?? []);
  if (!clauses.length) return out;
  const list = clauses.map((c) => clauseText(c, lang));
  if (lang === 'zh') out.push('其中较重要的有：', link(`${list.join('；')}等`, notable), '。');
  else if (lang === 'fr') out.push(' Parmi les plus importantes : ', link(`${list.join(' ; ')}, etc`, notable), '.');
  else out.push(' The more important ones are: ', link(`${list.join('; ')}, etc`, notable), '.');
  return out;
}
