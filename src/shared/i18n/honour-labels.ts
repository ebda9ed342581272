import type { Locale } from '../contracts/common.ts';
import type { DatePrecision, HonourKind } from '../contracts/honours.ts';

type Labels<K extends string> = Record<K, Record<Locale, string>>;

/** The kinds of honour, as the office writes them. */
export const HONOUR_KIND_LABELS: Labels<HonourKind> = {
  decoration: { en: 'Decoration', zh: '勋章', fr: 'Décoration' },
  prize: { en: 'Award or prize', zh: '奖项', fr: 'Prix ou distinction' },
  honorary_degree: { en: 'Honorary degree', zh: '荣誉学位', fr: 'Doctorat honoris causa' },
  honorary_title: { en: 'Honorary title', zh: '荣誉称号', fr: 'Titre honorifique' },
  academy_membership: { en: 'Foreign academy membership', zh: '外籍院士', fr: 'Membre étranger d’une académie' },
};

/** How much of the date is known. */
export const DATE_PRECISION_LABELS: Labels<DatePrecision> = {
  day: { en: 'Day', zh: '日', fr: 'Jour' },
  month: { en: 'Month', zh: '月', fr: 'Mois' },
  year: { en: 'Year only', zh: '仅年份', fr: 'Année seulement' },
};

/** The columns of the honours export. */
export const HONOUR_EXPORT_HEADINGS = {
  conferred: { en: 'Conferred', zh: '授予时间', fr: 'Décerné le' },
  holder: { en: 'Holder', zh: '获得者', fr: 'Lauréat' },
  nameZh: { en: 'Name in Chinese', zh: '中文姓名', fr: 'Nom en chinois' },
  kind: { en: 'Kind', zh: '类别', fr: 'Type' },
  honour: { en: 'Honour', zh: '荣誉', fr: 'Distinction' },
  original: { en: 'Original name', zh: '原文名称', fr: 'Nom d’origine' },
  awardedBy: { en: 'Awarded by', zh: '授予机构', fr: 'Décerné par' },
  country: { en: 'Country or region', zh: '国家或地区', fr: 'Pays ou région' },
  notable: { en: 'Notable', zh: '重要', fr: 'Notable' },
  unit: { en: 'Unit', zh: '单位', fr: 'Unité' },
  yes: { en: 'yes', zh: '是', fr: 'oui' },
  title: { en: 'Honours from abroad', zh: '获得的国外荣誉', fr: 'Distinctions reçues de l’étranger' },
} as const;
