/** A conference subject: its words in titles (English title case, Chinese, French) and the unit that hosts it. */
export interface Topic {
  en: string;
  zh: string;
  fr: string;
  unit: string;
}

/** A conference the school holds again and again, numbered by edition ("the 12th …", "第十二届…"). */
export interface Series {
  key: string;
  en: string;
  zh: string;
  /** French titles for the Sino-French series only. */
  fr?: string;
  unit: string;
  first: number;
  every: number;
  /** Usual co-organizers, by demo key (those not yet named so in a year are left out then). */
  partners: readonly string[];
  /** Editions large enough to be "major" by the office's threshold (50 foreign participants). */
  major: Readonly<Record<number, number>>;
  /** Where foreign participants mostly come from. */
  countries?: ReadonlyArray<readonly [string, number]>;
}

/** The school's recurring conferences, hosted by the unit of their field. */
export const SERIES: readonly Series[] = [
  { key: 'hema', en: 'Shanghai International Symposium on Haematology', zh: '上海国际血液学研讨会', unit: 'RUIJIN-HEMA', first: 1986, every: 3, partners: ['paris-cite', 'saclay', 'tokyo'], major: { 1998: 85, 2007: 182, 2019: 96 }, countries: [['FR', 30], ['US', 25], ['JP', 15], ['DE', 8], ['GB', 8]] },
  { key: 'sino-french', en: 'Sino-French Medical Days', zh: '中法医学日', fr: 'Journées médicales franco-chinoises', unit: 'SJTUSM', first: 1988, every: 2, partners: ['alliance', 'paris-cite', 'sorbonne', 'lyon1'], major: { 1994: 68, 2016: 121 }, countries: [['FR', 80], ['BE', 5], ['CH', 5], ['CA', 5]] },
  { key: 'burns', en: 'Shanghai International Burns Conference', zh: '上海国际烧伤会议', unit: 'RUIJIN', first: 1985, every: 4, partners: ['pitt'], major: { 2005: 61 } },
  { key: 'digestive', en: 'China–Japan Symposium on Digestive Diseases', zh: '中日消化疾病研讨会', unit: 'RENJI', first: 1984, every: 2, partners: ['osaka', 'kyushu', 'tokyo'], major: {}, countries: [['JP', 85], ['KR', 10]] },
  { key: 'paediatrics', en: 'Shanghai International Forum on Paediatrics', zh: '上海国际儿科论坛', unit: 'XINHUA', first: 1992, every: 2, partners: ['hope', 'erasmus', 'lmu'], major: {} },
  { key: 'plastic', en: 'International Symposium on Plastic and Reconstructive Surgery', zh: '国际整形与重建外科研讨会', unit: 'NINTH', first: 1990, every: 3, partners: ['strasbourg', 'nagoya'], major: {} },
  { key: 'nursing', en: 'Shanghai International Nursing Conference', zh: '上海国际护理大会', unit: 'NURSING', first: 1999, every: 2, partners: ['hope', 'duke', 'kcl', 'monash'], major: {} },
  { key: 'public-health', en: 'Shanghai International Forum on Public Health', zh: '上海国际公共卫生论坛', unit: 'SPH', first: 2002, every: 2, partners: ['who', 'jhu', 'columbia'], major: { 2012: 94 } },
  { key: 'paediatric-cardiology', en: 'Asia-Pacific Symposium on Paediatric Cardiology', zh: '亚太小儿心脏病学研讨会', unit: 'SCMC', first: 1999, every: 3, partners: ['hope', 'upenn'], major: { 2017: 74 } },
];

/** The subjects of one-off conferences, by host unit. */
export const TOPICS: readonly Topic[] = [
  { en: 'Haematology', zh: '血液学', fr: 'l’hématologie', unit: 'RUIJIN-HEMA' },
  { en: 'Leukaemia', zh: '白血病', fr: 'les leucémies', unit: 'RUIJIN-HEMA' },
  { en: 'Thrombosis and Haemostasis', zh: '血栓与止血', fr: 'la thrombose et l’hémostase', unit: 'RUIJIN-HEMA' },
  { en: 'Endocrinology and Metabolism', zh: '内分泌与代谢', fr: 'l’endocrinologie et le métabolisme', unit: 'RUIJIN' },
  { en: 'Diabetes', zh: '糖尿病', fr: 'le diabète', unit: 'RUIJIN' },
  { en: 'Gastrointestinal Surgery', zh: '胃肠外科', fr: 'la chirurgie digestive', unit: 'RUIJIN' },
  { en: 'Hypertension', zh: '高血压', fr: 'l’hypertension artérielle', unit: 'RUIJIN' },
  { en: 'Hepatobiliary and Pancreatic Surgery', zh: '肝胆胰外科', fr: 'la chirurgie hépato-bilio-pancréatique', unit: 'RENJI' },
  { en: 'Rheumatology', zh: '风湿病学', fr: 'la rhumatologie', unit: 'RENJI' },
  { en: 'Reproductive Medicine', zh: '生殖医学', fr: 'la médecine de la reproduction', unit: 'RENJI' },
  { en: 'Oncology', zh: '肿瘤学', fr: 'l’oncologie', unit: 'RENJI' },
  { en: 'Neonatology', zh: '新生儿医学', fr: 'la néonatologie', unit: 'XINHUA' },
  { en: 'Child Development and Behaviour', zh: '儿童发育与行为', fr: 'le développement de l’enfant', unit: 'XINHUA' },
  { en: 'Paediatric Oncology', zh: '儿童肿瘤学', fr: 'l’oncologie pédiatrique', unit: 'SCMC' },
  { en: 'Oral and Maxillofacial Surgery', zh: '口腔颌面外科', fr: 'la chirurgie maxillo-faciale', unit: 'NINTH' },
  { en: 'Tissue Engineering', zh: '组织工程', fr: 'l’ingénierie tissulaire', unit: 'NINTH' },
  { en: 'Orthopaedics', zh: '骨科', fr: 'l’orthopédie', unit: 'NINTH' },
  { en: 'Epidemiology', zh: '流行病学', fr: 'l’épidémiologie', unit: 'SPH' },
  { en: 'Health Policy and Management', zh: '卫生政策与管理', fr: 'les politiques de santé', unit: 'SPH' },
  { en: 'Nursing Education', zh: '护理教育', fr: 'la formation en soins infirmiers', unit: 'NURSING' },
  { en: 'Pathophysiology', zh: '病理生理学', fr: 'la physiopathologie', unit: 'BASIC-PATHO' },
  { en: 'Molecular Medicine', zh: '分子医学', fr: 'la médecine moléculaire', unit: 'BASIC' },
  { en: 'Immunology', zh: '免疫学', fr: 'l’immunologie', unit: 'BASIC' },
  { en: 'Neuroscience', zh: '神经科学', fr: 'les neurosciences', unit: 'BASIC' },
  { en: 'Medical Education', zh: '医学教育', fr: 'l’éducation médicale', unit: 'SJTUSM' },
];

/** How a one-off conference is named, and with whom it is held when the name says so. */
export interface Template {
  en: (t: Topic) => string;
  zh: (t: Topic) => string;
  fr?: (t: Topic) => string;
  /** The partner country the title names (a co-organizer comes from it). */
  country?: string;
  /** The first year such a title is used. */
  since: number;
}

/** How one-off conferences are named, with how often each form is used. */
export const TEMPLATES: ReadonlyArray<readonly [Template, number]> = [
  [{ en: (t) => `International Symposium on ${t.en}`, zh: (t) => `${t.zh}国际研讨会`, since: 1980 }, 30],
  [{ en: (t) => `Shanghai International Conference on ${t.en}`, zh: (t) => `上海国际${t.zh}大会`, since: 1980 }, 18],
  [{ en: (t) => `International Workshop on ${t.en}`, zh: (t) => `${t.zh}国际研讨班`, since: 1985 }, 14],
  [{ en: (t) => `Asia-Pacific Forum on ${t.en}`, zh: (t) => `亚太${t.zh}论坛`, since: 1995 }, 8],
  [{ en: (t) => `Sino-French Symposium on ${t.en}`, zh: (t) => `中法${t.zh}研讨会`, fr: (t) => `Symposium franco-chinois sur ${t.fr}`, country: 'FR', since: 1980 }, 10],
  [{ en: (t) => `China–Japan Symposium on ${t.en}`, zh: (t) => `中日${t.zh}研讨会`, country: 'JP', since: 1980 }, 8],
  [{ en: (t) => `Sino-American Conference on ${t.en}`, zh: (t) => `中美${t.zh}学术会议`, country: 'US', since: 1980 }, 7],
  [{ en: (t) => `Sino-German Symposium on ${t.en}`, zh: (t) => `中德${t.zh}研讨会`, country: 'DE', since: 1985 }, 4],
  [{ en: (t) => `International Summit on ${t.en}`, zh: (t) => `${t.zh}国际高峰论坛`, since: 2010 }, 5],
];

/** Conferences per year until 2023 (the years since are laid out from the day the demo loads). */
export const CONFERENCES_PER_YEAR: Readonly<Record<number, number>> = {
  1980: 1, 1981: 1, 1982: 1, 1983: 2, 1984: 2, 1985: 2, 1986: 3, 1987: 3, 1988: 3, 1989: 2,
  1990: 3, 1991: 3, 1992: 4, 1993: 4, 1994: 4, 1995: 5, 1996: 5, 1997: 5, 1998: 6, 1999: 6,
  2000: 6, 2001: 6, 2002: 7, 2003: 3, 2004: 7, 2005: 7, 2006: 8, 2007: 8, 2008: 9, 2009: 8,
  2010: 9, 2011: 9, 2012: 10, 2013: 10, 2014: 10, 2015: 10, 2016: 11, 2017: 11, 2018: 11, 2019: 11,
  2020: 1, 2021: 2, 2022: 2, 2023: 5,
};

/** Conferences held in the last three years before the day the demo loads, each with its attendee list. */
export const RECENT_CONFERENCES = 24;

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** An edition number in Chinese ("第十二届"). */
export function editionZh(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const text = tens === 0 ? NUMERALS[ones]! : `${tens === 1 ? '' : NUMERALS[tens]}十${NUMERALS[ones]}`;
  return `第${text}届`;
}

/** An edition number in English ("12th"). */
export function editionEn(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}
