/**
 * A partner university of the demo: a real entry of the reference catalogue, picked by its
 * exact ref (never by a search, so that every load picks the same one), with the names the
 * office writes. The catalogue's names are often upper case (Erasmus charter holders) or in
 * English only; `country` is checked against the catalogue's when the demo loads.
 */
export interface DemoPartner {
  key: string;
  ref: string;
  country: string;
  nameEn: string;
  /** Only where the usual Chinese name is certain; otherwise null. */
  nameZh: string | null;
  /** Given to the French-speaking partners only: their agreements then have a French title too. */
  nameFr?: string;
  /** The name in the partner's own language and script, where it differs from the English one. */
  nameLocal?: string;
  city: string;
}

const fr = (key: string, ref: string, name: string, nameZh: string, city: string): DemoPartner => ({ key, ref, country: 'FR', nameEn: name, nameFr: name, nameZh, city });

/**
 * The 63 universities in force on the day the demo loads: 19 countries and regions, France
 * first (the Sino-French programme). Université Paris Cité and Karolinska Institutet are
 * created by the demo organization already and are reused, not created again.
 */
export const DEMO_PARTNERS: DemoPartner[] = [
  fr('paris-cite', 'eche:F  PARIS482', 'Université Paris Cité', '巴黎西岱大学', 'Paris'),
  fr('sorbonne', 'eche:F  PARIS468', 'Sorbonne Université', '索邦大学', 'Paris'),
  fr('saclay', 'eche:F  PARIS481', 'Université Paris-Saclay', '巴黎-萨克雷大学', 'Gif-sur-Yvette'),
  fr('aix-marseille', 'eche:F  MARSEIL84', 'Aix-Marseille Université', '艾克斯-马赛大学', 'Marseille'),
  fr('lyon1', 'eche:F  LYON01', 'Université Claude Bernard Lyon 1', '里昂第一大学', 'Villeurbanne'),
  fr('strasbourg', 'eche:F  STRASBO48', 'Université de Strasbourg', '斯特拉斯堡大学', 'Strasbourg'),
  fr('bordeaux', 'eche:F  BORDEAU58', 'Université de Bordeaux', '波尔多大学', 'Bordeaux'),
  fr('montpellier', 'eche:F  MONTPEL54', 'Université de Montpellier', '蒙彼利埃大学', 'Montpellier'),
  fr('lille', 'eche:F  LILLE103', 'Université de Lille', '里尔大学', 'Lille'),
  fr('lorraine', 'eche:F  NANCY43', 'Université de Lorraine', '洛林大学', 'Nancy'),
  fr('toulouse3', 'eche:F  TOULOUS03', 'Université Toulouse III – Paul Sabatier', '图卢兹第三大学', 'Toulouse'),
  fr('nantes', 'eche:F  NANTES01', 'Nantes Université', '南特大学', 'Nantes'),
  fr('cote-azur', 'eche:F  NICE42', 'Université Côte d’Azur', '蔚蓝海岸大学', 'Nice'),
  fr('grenoble', 'eche:F  GRENOBL55', 'Université Grenoble Alpes', '格勒诺布尔-阿尔卑斯大学', 'Grenoble'),

  { key: 'jhu', ref: 'hipo:545', country: 'US', nameEn: 'Johns Hopkins University', nameFr: 'Université Johns-Hopkins', nameZh: '约翰斯·霍普金斯大学', city: 'Baltimore' },
  { key: 'pitt', ref: 'hipo:1107', country: 'US', nameEn: 'University of Pittsburgh', nameFr: 'Université de Pittsburgh', nameZh: '匹兹堡大学', city: 'Pittsburgh' },
  { key: 'umich', ref: 'hipo:1069', country: 'US', nameEn: 'University of Michigan', nameFr: 'Université du Michigan', nameZh: '密歇根大学', city: 'Ann Arbor' },
  { key: 'ucsf', ref: 'hipo:1009', country: 'US', nameEn: 'University of California, San Francisco', nameFr: 'Université de Californie à San Francisco', nameZh: '加利福尼亚大学旧金山分校', city: 'San Francisco' },
  { key: 'duke', ref: 'hipo:8778', country: 'US', nameEn: 'Duke University', nameFr: 'Université Duke', nameZh: '杜克大学', city: 'Durham' },
  { key: 'columbia', ref: 'hipo:354', country: 'US', nameEn: 'Columbia University', nameFr: 'Université Columbia', nameZh: '哥伦比亚大学', city: 'New York' },
  { key: 'wustl', ref: 'hipo:1211', country: 'US', nameEn: 'Washington University in St. Louis', nameFr: 'Université Washington de Saint-Louis', nameZh: '圣路易斯华盛顿大学', city: 'St. Louis' },
  { key: 'upenn', ref: 'hipo:1105', country: 'US', nameEn: 'University of Pennsylvania', nameFr: 'Université de Pennsylvanie', nameZh: '宾夕法尼亚大学', city: 'Philadelphia' },

  { key: 'toronto', ref: 'hipo:2236', country: 'CA', nameEn: 'University of Toronto', nameFr: 'Université de Toronto', nameZh: '多伦多大学', city: 'Toronto' },
  { key: 'mcgill', ref: 'hipo:2158', country: 'CA', nameEn: 'McGill University', nameFr: 'Université McGill', nameZh: '麦吉尔大学', city: 'Montréal' },
  { key: 'montreal', ref: 'hipo:2211', country: 'CA', nameEn: 'Université de Montréal', nameFr: 'Université de Montréal', nameZh: '蒙特利尔大学', city: 'Montréal' },

  { key: 'tokyo', ref: 'hipo:5397', country: 'JP', nameEn: 'The University of Tokyo', nameFr: 'Université de Tokyo', nameZh: '东京大学', nameLocal: '東京大学', city: 'Tokyo' },
  { key: 'kyoto', ref: 'hipo:5102', country: 'JP', nameEn: 'Kyoto University', nameFr: 'Université de Kyoto', nameZh: '京都大学', nameLocal: '京都大学', city: 'Kyoto' },
  { key: 'osaka', ref: 'hipo:5219', country: 'JP', nameEn: 'Osaka University', nameFr: 'Université d’Osaka', nameZh: '大阪大学', nameLocal: '大阪大学', city: 'Suita' },
  { key: 'nagoya', ref: 'hipo:5149', country: 'JP', nameEn: 'Nagoya University', nameFr: 'Université de Nagoya', nameZh: '名古屋大学', nameLocal: '名古屋大学', city: 'Nagoya' },
  { key: 'kyushu', ref: 'hipo:5108', country: 'JP', nameEn: 'Kyushu University', nameFr: 'Université de Kyūshū', nameZh: '九州大学', nameLocal: '九州大学', city: 'Fukuoka' },

  { key: 'snu', ref: 'hipo:5721', country: 'KR', nameEn: 'Seoul National University', nameFr: 'Université nationale de Séoul', nameZh: '首尔大学', nameLocal: '서울대학교', city: 'Seoul' },
  { key: 'yonsei', ref: 'hipo:5762', country: 'KR', nameEn: 'Yonsei University', nameFr: 'Université Yonsei', nameZh: '延世大学', nameLocal: '연세대학교', city: 'Seoul' },
  { key: 'korea', ref: 'hipo:5652', country: 'KR', nameEn: 'Korea University', nameFr: 'Université de Corée', nameZh: '高丽大学', nameLocal: '고려대학교', city: 'Seoul' },

  { key: 'sydney', ref: 'hipo:1551', country: 'AU', nameEn: 'The University of Sydney', nameFr: 'Université de Sydney', nameZh: '悉尼大学', city: 'Sydney' },
  { key: 'melbourne', ref: 'hipo:1544', country: 'AU', nameEn: 'The University of Melbourne', nameFr: 'Université de Melbourne', nameZh: '墨尔本大学', city: 'Melbourne' },
  { key: 'monash', ref: 'hipo:1532', country: 'AU', nameEn: 'Monash University', nameFr: 'Université Monash', nameZh: '莫纳什大学', city: 'Melbourne' },

  { key: 'hku', ref: 'hipo:3842', country: 'HK', nameEn: 'The University of Hong Kong', nameFr: 'Université de Hong Kong', nameZh: '香港大学', nameLocal: '香港大學', city: 'Hong Kong' },
  { key: 'cuhk', ref: 'hipo:3838', country: 'HK', nameEn: 'The Chinese University of Hong Kong', nameFr: 'Université chinoise de Hong Kong', nameZh: '香港中文大学', nameLocal: '香港中文大學', city: 'Hong Kong' },

  { key: 'ntu-tw', ref: 'hipo:8012', country: 'TW', nameEn: 'National Taiwan University', nameFr: 'Université nationale de Taïwan', nameZh: '台湾大学', nameLocal: '國立臺灣大學', city: 'Taipei' },
  { key: 'nycu', ref: 'hipo:8035', country: 'TW', nameEn: 'National Yang Ming Chiao Tung University', nameFr: 'Université nationale Yang Ming Chiao Tung', nameZh: '阳明交通大学', nameLocal: '國立陽明交通大學', city: 'Taipei' },

  { key: 'leiden', ref: 'eche:NL LEIDEN01', country: 'NL', nameEn: 'Leiden University', nameFr: 'Université de Leyde', nameZh: '莱顿大学', nameLocal: 'Universiteit Leiden', city: 'Leiden' },
  { key: 'erasmus', ref: 'eche:NL ROTTERD01', country: 'NL', nameEn: 'Erasmus University Rotterdam', nameFr: 'Université Érasme de Rotterdam', nameZh: '鹿特丹伊拉斯姆斯大学', nameLocal: 'Erasmus Universiteit Rotterdam', city: 'Rotterdam' },
  { key: 'utrecht', ref: 'eche:NL UTRECHT01', country: 'NL', nameEn: 'Utrecht University', nameFr: 'Université d’Utrecht', nameZh: '乌得勒支大学', nameLocal: 'Universiteit Utrecht', city: 'Utrecht' },

  { key: 'karolinska', ref: 'hipo:7845', country: 'SE', nameEn: 'Karolinska Institutet', nameZh: '卡罗林斯卡学院', city: 'Stockholm' },
  { key: 'lund', ref: 'eche:S  LUND01', country: 'SE', nameEn: 'Lund University', nameFr: 'Université de Lund', nameZh: '隆德大学', nameLocal: 'Lunds universitet', city: 'Lund' },

  { key: 'geneva', ref: 'hipo:7902', country: 'CH', nameEn: 'University of Geneva', nameFr: 'Université de Genève', nameZh: '日内瓦大学', nameLocal: 'Université de Genève', city: 'Geneva' },
  { key: 'lausanne', ref: 'hipo:7907', country: 'CH', nameEn: 'University of Lausanne', nameFr: 'Université de Lausanne', nameZh: '洛桑大学', nameLocal: 'Université de Lausanne', city: 'Lausanne' },
  { key: 'zurich', ref: 'hipo:7903', country: 'CH', nameEn: 'University of Zurich', nameFr: 'Université de Zurich', nameZh: '苏黎世大学', nameLocal: 'Universität Zürich', city: 'Zurich' },

  { key: 'heidelberg', ref: 'eche:D  HEIDELB01', country: 'DE', nameEn: 'Heidelberg University', nameFr: 'Université de Heidelberg', nameZh: '海德堡大学', nameLocal: 'Ruprecht-Karls-Universität Heidelberg', city: 'Heidelberg' },
  { key: 'lmu', ref: 'eche:D  MUNCHEN01', country: 'DE', nameEn: 'LMU Munich', nameFr: 'Université Louis-et-Maximilien de Munich', nameZh: '慕尼黑大学', nameLocal: 'Ludwig-Maximilians-Universität München', city: 'Munich' },
  { key: 'freiburg', ref: 'eche:D  FREIBUR01', country: 'DE', nameEn: 'University of Freiburg', nameFr: 'Université de Fribourg-en-Brisgau', nameZh: '弗莱堡大学', nameLocal: 'Albert-Ludwigs-Universität Freiburg', city: 'Freiburg im Breisgau' },

  { key: 'kuleuven', ref: 'eche:B  LEUVEN01', country: 'BE', nameEn: 'KU Leuven', nameFr: 'KU Leuven', nameZh: '荷语鲁汶大学', nameLocal: 'Katholieke Universiteit Leuven', city: 'Leuven' },
  { key: 'uclouvain', ref: 'eche:B  LOUVAIN01', country: 'BE', nameEn: 'UCLouvain', nameFr: 'Université catholique de Louvain', nameZh: '法语鲁汶大学', nameLocal: 'Université catholique de Louvain', city: 'Louvain-la-Neuve' },

  { key: 'semmelweis', ref: 'eche:HU BUDAPES08', country: 'HU', nameEn: 'Semmelweis University', nameFr: 'Université Semmelweis', nameZh: '塞梅尔维斯大学', nameLocal: 'Semmelweis Egyetem', city: 'Budapest' },
  { key: 'debrecen', ref: 'eche:HU DEBRECE01', country: 'HU', nameEn: 'University of Debrecen', nameFr: 'Université de Debrecen', nameZh: '德布勒森大学', nameLocal: 'Debreceni Egyetem', city: 'Debrecen' },

  { key: 'edinburgh', ref: 'hipo:8416', country: 'GB', nameEn: 'The University of Edinburgh', nameFr: 'Université d’Édimbourg', nameZh: '爱丁堡大学', city: 'Edinburgh' },
  { key: 'kcl', ref: 'hipo:8441', country: 'GB', nameEn: 'King’s College London', nameFr: 'King’s College de Londres', nameZh: '伦敦国王学院', city: 'London' },
  { key: 'ucl', ref: 'hipo:8515', country: 'GB', nameEn: 'University College London', nameFr: 'University College de Londres', nameZh: '伦敦大学学院', city: 'London' },

  { key: 'milan', ref: 'eche:I  MILANO01', country: 'IT', nameEn: 'University of Milan', nameFr: 'Université de Milan', nameZh: '米兰大学', nameLocal: 'Università degli Studi di Milano', city: 'Milan' },
  { key: 'bologna', ref: 'eche:I  BOLOGNA01', country: 'IT', nameEn: 'University of Bologna', nameFr: 'Université de Bologne', nameZh: '博洛尼亚大学', nameLocal: 'Alma Mater Studiorum – Università di Bologna', city: 'Bologna' },

  { key: 'nus', ref: 'hipo:7585', country: 'SG', nameEn: 'National University of Singapore', nameFr: 'Université nationale de Singapour', nameZh: '新加坡国立大学', city: 'Singapore' },
  { key: 'helsinki', ref: 'hipo:3145', country: 'FI', nameEn: 'University of Helsinki', nameFr: 'Université d’Helsinki', nameZh: '赫尔辛基大学', nameLocal: 'Helsingin yliopisto', city: 'Helsinki' },
  { key: 'oslo', ref: 'eche:N  OSLO01', country: 'NO', nameEn: 'University of Oslo', nameFr: 'Université d’Oslo', nameZh: '奥斯陆大学', nameLocal: 'Universitetet i Oslo', city: 'Oslo' },
];

/**
 * Universities whose agreements are all past, terminated or still being negotiated: they
 * show the lifecycle and the as-of figures, and are not partners on the day the demo loads.
 */
export const DEMO_FORMER_AND_PROSPECTIVE_PARTNERS: DemoPartner[] = [
  fr('clermont', 'eche:F  CLERMON02', 'Université Clermont Auvergne', '克莱蒙奥弗涅大学', 'Clermont-Ferrand'),
  { key: 'uppsala', ref: 'eche:S  UPPSALA01', country: 'SE', nameEn: 'Uppsala University', nameFr: 'Université d’Uppsala', nameZh: '乌普萨拉大学', nameLocal: 'Uppsala universitet', city: 'Uppsala' },
  { key: 'uq', ref: 'hipo:1548', country: 'AU', nameEn: 'The University of Queensland', nameFr: 'Université du Queensland', nameZh: '昆士兰大学', city: 'Brisbane' },
  { key: 'tubingen', ref: 'eche:D  TUBINGE01', country: 'DE', nameEn: 'University of Tübingen', nameFr: 'Université de Tübingen', nameZh: '图宾根大学', nameLocal: 'Eberhard Karls Universität Tübingen', city: 'Tübingen' },
  { key: 'copenhagen', ref: 'eche:DK KOBENHA01', country: 'DK', nameEn: 'University of Copenhagen', nameFr: 'Université de Copenhague', nameZh: '哥本哈根大学', nameLocal: 'Københavns Universitet', city: 'Copenhagen' },
];

/**
 * The SCHAC codes by which the demo's European partners are known in Erasmus Without Paper
 * (the EWP Registry's identifiers: the university's own internet domain), by partner key. Only
 * codes that are certain; a partner without one is served no IIA and no mobility, as in life.
 */
export const DEMO_SCHAC_CODES: Readonly<Record<string, string>> = {
  'paris-cite': 'u-paris.fr',
  sorbonne: 'sorbonne-universite.fr',
  saclay: 'universite-paris-saclay.fr',
  'aix-marseille': 'univ-amu.fr',
  lyon1: 'univ-lyon1.fr',
  strasbourg: 'unistra.fr',
  bordeaux: 'u-bordeaux.fr',
  montpellier: 'umontpellier.fr',
  lille: 'univ-lille.fr',
  lorraine: 'univ-lorraine.fr',
  grenoble: 'univ-grenoble-alpes.fr',
  leiden: 'leidenuniv.nl',
  erasmus: 'eur.nl',
  utrecht: 'uu.nl',
  karolinska: 'ki.se',
  lund: 'lu.se',
  uppsala: 'uu.se',
  heidelberg: 'uni-heidelberg.de',
  freiburg: 'uni-freiburg.de',
  tubingen: 'uni-tuebingen.de',
  kuleuven: 'kuleuven.be',
  uclouvain: 'uclouvain.be',
  debrecen: 'unideb.hu',
  milan: 'unimi.it',
  bologna: 'unibo.it',
  helsinki: 'helsinki.fi',
  oslo: 'uio.no',
  copenhagen: 'ku.dk',
};
