import type { Locale } from '../../../shared/contracts/common.ts';
import type { Names } from '../report-names.repo.ts';
import type { Piece, ReportDocument, ReportSection } from '../factsheet/report-document.ts';
import { formatCount } from '../wording.rules.ts';
import type { YearFigure, YearFigureKey, YearInReview } from './year-figures.ts';

const LABELS: Record<YearFigureKey, Record<Locale, string>> = {
  'inbound.personTimes': { en: 'inbound visitors (person-times)', zh: '来访（人次）', fr: 'visites reçues (chaque visiteur, chaque venue)' },
  'outbound.personTimes': { en: 'staff sent abroad (person-times)', zh: '出访（人次）', fr: 'déplacements à l’étranger (chaque membre, chaque mission)' },
  'conferences.held': { en: 'international conferences held', zh: '主办国际会议', fr: 'conférences internationales tenues' },
  'agreements.signed': { en: 'new agreements signed', zh: '新签协议', fr: 'nouveaux accords signés' },
  'experts.appointed': { en: 'foreign experts appointed', zh: '新聘外国专家', fr: 'experts étrangers nommés' },
  'partners.universities': { en: 'partner universities at the year’s end', zh: '年末合作大学', fr: 'universités partenaires en fin d’année' },
  'partners.countriesAndRegions': { en: 'their countries and regions', zh: '其国家和地区', fr: 'leurs pays et régions' },
  'experts.engaged': { en: 'foreign experts engaged at the year’s end', zh: '年末在聘外国专家', fr: 'experts étrangers en fonction en fin d’année' },
  'students.registered': { en: 'international degree students registered', zh: '新注册学历留学生（人）', fr: 'étudiants internationaux inscrits en diplôme' },
  'students.countries': { en: 'their countries', zh: '其来源国', fr: 'leurs pays' },
  'programme.residencies': { en: 'programme students beginning a residency in a French hospital', zh: '赴法国医院开始住院医师培训的项目学生', fr: 'étudiants du programme commençant un internat dans un hôpital français' },
  'programme.residencyPlaced': { en: 'programme students placed in French hospitals since the programme began, at the year’s end', zh: '项目开办以来赴法国医院培训的学生（年末）', fr: 'étudiants du programme placés dans des hôpitaux français depuis ses débuts, en fin d’année' },
  'exchange.students': { en: 'students sent abroad on exchange (person-times)', zh: '派出交流学生（人次）', fr: 'étudiants envoyés en échange à l’étranger (chaque départ)' },
  'exchange.universities': { en: 'their host universities', zh: '接收院校', fr: 'leurs universités d’accueil' },
};

const SECTIONS: Array<{ heading: Record<Locale, string>; keys: YearFigureKey[] }> = [
  { heading: { en: 'Partners and organizations', zh: '合作伙伴与国际组织', fr: 'Partenaires et organisations' }, keys: ['agreements.signed', 'partners.universities', 'partners.countriesAndRegions'] },
  { heading: { en: 'Experts and conferences', zh: '外国专家与国际会议', fr: 'Experts et conférences' }, keys: ['experts.appointed', 'experts.engaged', 'conferences.held'] },
  { heading: { en: 'Visitors', zh: '来访', fr: 'Visiteurs' }, keys: ['inbound.personTimes'] },
  { heading: { en: 'Outbound staff and honours', zh: '出访与荣誉', fr: 'Missions à l’étranger et distinctions' }, keys: ['outbound.personTimes'] },
  { heading: { en: 'International students', zh: '留学生', fr: 'Étudiants internationaux' }, keys: ['students.registered', 'students.countries'] },
  { heading: { en: 'The Sino-French programme', zh: '中法合作项目', fr: 'Le programme franco-chinois' }, keys: ['programme.residencies', 'programme.residencyPlaced'] },
  { heading: { en: 'Student exchange', zh: '学生交流', fr: 'Échanges d’étudiants' }, keys: ['exchange.students', 'exchange.universities'] },
];

/** The sections of the year in review, each heading in every language with the figures it holds, in order: every figure in one. */
export const YEAR_IN_REVIEW_SECTIONS: ReadonlyArray<{ heading: Record<Locale, string>; keys: readonly YearFigureKey[] }> = SECTIONS;

const NA: Record<Locale, string> = { en: 'not available yet', zh: '暂无数据', fr: 'pas encore disponible' };

function changeText(f: YearFigure, lang: Locale, previousLabel: string): string {
  if (f.previous === null || f.change === null) return '';
  const sign = f.change > 0 ? '+' : f.change < 0 ? '−' : '±';
  const delta = `${sign}${formatCount(Math.abs(f.change), lang)}`;
  if (lang === 'zh') return `（${previousLabel}学年：${formatCount(f.previous, lang)}，${delta}）`;
  return ` (${previousLabel}: ${formatCount(f.previous, lang)}, ${delta})`;
}

/** One line of the review: "inbound visitors (person-times): 1,234 (2024–25: 1,100, +134)". */
function line(f: YearFigure, lang: Locale, previousLabel: string, baseUrl: string): Piece[] {
  const label = LABELS[f.key][lang].replace(/^./, (c) => c.toUpperCase());
  const sep = lang === 'zh' ? '：' : lang === 'fr' ? '\u00a0: ' : ': ';
  if (f.value === null) return [`${label}${sep}${NA[lang]}${lang === 'zh' ? '。' : '.'}`];
  return [`${label}${sep}`, { text: formatCount(f.value, lang), href: f.records ? `${baseUrl}${f.records.page}` : null, key: f.key }, `${changeText(f, lang, previousLabel)}${lang === 'zh' ? '。' : '.'}`];
}

/** The year in review as a document in `lang`: the fact sheet's sections, each figure beside last year's. */
export function yearInReviewDocument(review: YearInReview, subject: Names, lang: Locale, baseUrl = ''): ReportDocument {
  const { label, from, to } = review.period;
  const byKey = new Map(review.figures.map((f) => [f.key, f]));
  const sections: ReportSection[] = SECTIONS.map((s) => ({
    heading: s.heading[lang],
    paragraphs: s.keys.map((k) => line(byKey.get(k)!, lang, review.previousPeriod.label, baseUrl)),
  }));
  const title = lang === 'zh' ? `${subject.zh} ${label}学年国际交流与合作年度回顾` : lang === 'fr' ? `${subject.fr} : bilan de l’année ${label}` : `${subject.en}: the year ${label} in review`;
  const subtitle = lang === 'zh' ? `${from} 至 ${to}，与上一学年比较` : lang === 'fr' ? `Du ${from} au ${to}, comparé à l’année précédente` : `${from} to ${to}, against the previous year`;
  const note =
    lang === 'zh' ? '流量数字按学年（9月至次年8月）统计，状态数字取学年最后一天。'
    : lang === 'fr' ? 'Les flux comptent l’année universitaire (septembre à août) ; les états sont pris au dernier jour de l’année.'
    : 'Flows count the academic year (September to August); states are taken on its last day.';
  return { lang, title, subtitle, sections, note };
}
