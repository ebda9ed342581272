import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../server/db/client.ts';
import { openDemoDatabase } from '../server/test/demo-database.ts';
import { systemContext } from '../server/core/request-context.ts';
import { factSheetDocument } from '../server/reports/factsheet/factsheet.service.ts';
import type { Piece, ReportDocument } from '../server/reports/factsheet/report-document.ts';
import { updateSetting } from '../server/modules/settings/settings.service.ts';
import type { Locale } from '../shared/contracts/common.ts';
import { officeToday } from '../shared/calendar.ts';

// The seed: the office's public page, which the fact sheet writes again from the records.
const seedDir = fileURLToPath(new URL('../../../shared/seed/', import.meta.url));
const seed = readFileSync(`${seedDir}${readdirSync(seedDir).find((f) => f.endsWith('.txt'))!}`, 'utf8');
const seedParagraphs = seed.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

/**
 * Each sentence of the seed, by a phrase of it (checked to be in the seed), and what each
 * language's fact sheet must say for it. The paragraph is the seed's (0–3); the sections of the
 * fact sheet that answer it are in SECTIONS.
 */
const PASSAGES: Array<{ paragraph: number; seed: string } & Record<Locale, string[]>> = [
  { paragraph: 0, seed: 'relations of collegiate and institutional interchange with 63 universities from 19 countries and regions, including France',
    en: ['has established relations of collegiate and institutional interchange with 63 universities from 19 countries and regions, including France, the United States', 'the Netherlands'],
    zh: ['等19个国家和地区的63所大学建立了校级和院级交流关系'],
    fr: ['entretient des relations d’échange institutionnelles et facultaires avec 63 universités de 19 pays et régions, dont la France, les États-Unis', 'les Pays-Bas', 'Hong Kong'] },
  { paragraph: 0, seed: 'engaged about 200 foreign scholars and experts as honorary professors, consultants and visiting professors',
    en: ['has engaged about 200 foreign scholars and experts as honorary professors, consultants and visiting professors'],
    zh: ['聘请外国学者和专家约200名担任名誉教授、顾问教授和客座教授'],
    fr: ['a engagé environ 200 universitaires et experts étrangers comme professeurs honoraires, consultants et professeurs invités'] },
  { paragraph: 0, seed: 'hosted 270 international academic conferences',
    en: ['has hosted 270 international academic conferences'], zh: ['共主办有影响的国际学术会议270次'], fr: ['a accueilli 270 conférences académiques internationales'] },
  { paragraph: 0, seed: 'working arrangement with the WHO, the U.S. World Health Foundation (Project Hope), and World University Alliance Francaise',
    en: ['working arrangements with Alliance Française, Project HOPE', 'and the World Health Organization'],
    zh: ['与法语联盟、世界健康基金会和世界卫生组织建立了工作关系'],
    fr: ['accords de travail avec l’Alliance française, Project HOPE et l’Organisation mondiale de la Santé'] },
  { paragraph: 0, seed: 'Since 1980, SJTUSM has received about 50,000 (time/person) foreign experts',
    en: ['Since 1980, Shanghai Jiao Tong University School of Medicine has received about 50,000 (person-times) foreign experts, professors, leaders of international academic organizations, government officials and medical professionals', 'Jacques Chirac', 'Édouard Balladur', 'Hillary Clinton', 'Carl XVI Gustaf'],
    zh: ['1980年以来，上海交通大学医学院共接待外国专家、教授、国际学术组织负责人、政府官员和各领域医学专业人员约50,000人次', '希拉克', '巴拉迪尔', '希拉里·克林顿', '卡尔十六世·古斯塔夫'],
    fr: ['Depuis 1980, la Faculté de médecine de l’Université Jiao Tong de Shanghai a reçu environ 50 000 visites d’experts, de professeurs', 'Jacques Chirac', 'Hillary Clinton'] },
  { paragraph: 1, seed: 'Since 1954, the school has sent about 17,000 (time/person) experts and professionals',
    en: ['Since 1954, the school has sent about 17,000 (person-times) experts and professionals abroad for international academic conferences, friendly visits, tours of investigation, advanced studies, lectures and joint research'],
    zh: ['1954年以来，学校共派出专家和专业人员约17,000人次出国参加国际学术会议、友好访问、考察、进修、讲学和合作研究'],
    fr: ['Depuis 1954, l’école a effectué environ 17 000 déplacements d’experts et de professionnels à l’étranger pour des conférences internationales'] },
  { paragraph: 1, seed: 'Dozens of SJTUSM professors and experts have been awarded honorary titles',
    en: ['Dozens of professors and experts of Shanghai Jiao Tong University School of Medicine have been awarded honorary titles by overseas institutions and won important international medical awards and prizes'],
    zh: ['上海交通大学医学院已有数十位教授和专家获得国外机构授予的荣誉称号及重要国际医学奖项'],
    fr: ['Des dizaines de professeurs et experts de la Faculté de médecine de l’Université Jiao Tong de Shanghai ont reçu des titres honorifiques'] },
  { paragraph: 1, seed: 'The more important ones are',
    en: ['The more important ones are: Professors Kuang An-kun', '“Legion of Honour” from the Government of the French Republic', '“Irvins Prize” from the American Burn Association', '“Honorary Professor” from the University of Sydney'],
    zh: ['其中较重要的有：邝安堃、王振义、王一飞、李宏为和陈竺教授获得法兰西共和国政府授予的“法国荣誉军团勋章”', '美国烧伤协会授予的“欧文斯奖”', '悉尼大学授予的“名誉教授”'],
    fr: ['Parmi les plus importantes : les professeurs Kuang An-kun', '« Légion d’honneur » (gouvernement de la République française)', '« Professeur honoraire » (Université de Sydney)'] },
  { paragraph: 2, seed: 'enrolled and graduated 489 foreign students from 69 countries of Asia, Africa, North and South Americas, Europe and Oceania',
    en: ['has enrolled and graduated 489 foreign students from 69 countries of Asia, Africa, the Americas, Europe and Oceania (426 from undergraduate programmes, 52 from master\'s degree programmes and 11 from doctoral programmes)'],
    zh: ['共招收并培养来自亚洲、非洲、美洲、欧洲和大洋洲69个国家的489名外国留学生（本科生426名，硕士生52名，博士生11名）'],
    fr: ['a formé 489 étudiants étrangers venus de 69 pays d’Asie, d’Afrique, des Amériques, d’Europe et d’Océanie (426 en licence, 52 en master et 11 en doctorat)'] },
  { paragraph: 2, seed: 'is an important cooperative program of the Chinese and French governments, with French as the first foreign language',
    en: ['The 8-year programme of clinical medicine run jointly with France is an important cooperative programme of the Chinese and French governments, with French as the first foreign language'],
    zh: ['中法合办的临床医学八年制项目是中法两国政府间的重要合作项目，以法语为第一外语'],
    fr: ['Le programme franco-chinois de médecine clinique en 8 ans, un important programme de coopération entre les gouvernements chinois et français, a le français pour première langue étrangère'] },
  { paragraph: 2, seed: 'study some of the basic courses in French, with professors sent every year by the French side',
    en: ['Its students study some of the basic courses in French, with professors sent by the French side every year since'],
    zh: ['学生部分基础课程以法语学习，法方自', '年起每年派教授来校授课'],
    fr: ['Ses étudiants suivent une partie des cours fondamentaux en français, avec des professeurs envoyés par la partie française chaque année depuis'] },
  { paragraph: 2, seed: 'Up to now, 186 students who met the standards in examinations and evaluations have been sent to major French hospitals',
    en: ['Up to now, 186 students who met the standards in examinations and evaluations have been sent to major French hospitals for a year of residency, accounting for 65% of all the students in the programme'],
    zh: ['迄今已有186名学生经考试和考核达到标准，被选派赴法国各大医院进行为期一年的住院医师培训，占该项目全部学生的65%'],
    fr: ['Jusqu’ici, 186 étudiants ayant satisfait aux examens et évaluations ont été envoyés effectuer un an d’internat dans de grands hôpitaux français, soit 65 % de l’ensemble des étudiants du programme'] },
  { paragraph: 2, seed: 'has also actively selected excellent students for international exchanges, overseas study programs or the pursuit of degrees',
    en: ['has also actively selected excellent students for international exchanges, overseas study programmes or the pursuit of degrees'],
    zh: ['还积极选拔优秀学生参加国际交流、出国学习项目或攻读学位'],
    fr: ['sélectionne aussi activement d’excellents étudiants pour des échanges internationaux, des programmes d’études à l’étranger ou la poursuite d’un diplôme'] },
  { paragraph: 2, seed: 'Currently, about 200 students are sent every year to 31 universities or colleges in 13 different countries',
    en: ['Every year, about 200 students are sent to 31 universities or colleges in 13 countries for short-term training or joint graduate programmes'],
    zh: ['目前每年选派约200名学生赴13个国家的31所大学或学院进行短期培训或联合培养'],
    fr: ['Chaque année, environ 200 étudiants partent dans 31 universités ou écoles de 13 pays pour des formations courtes'] },
  { paragraph: 3, seed: 'International exchanges have helped SJTUSM to expand its international influence',
    en: ['International exchanges have helped Shanghai Jiao Tong University School of Medicine to expand its international influence, enhance the academic competence of its staff and faculty'],
    zh: ['国际交流扩大了上海交通大学医学院的国际影响，提高了教职员工的学术水平'],
    fr: ['Les échanges internationaux ont aidé la Faculté de médecine de l’Université Jiao Tong de Shanghai à accroître son rayonnement international'] },
];

/** The fact sheet's sections that answer each of the seed's four paragraphs. */
const SECTIONS = [[0, 1, 2], [3], [4], [5]];

/** Names a language's text must not leave in another language (issue 16: "获得Government of the French Republic授予的"). */
const FOREIGN_NAMES: Record<Locale, string[]> = {
  en: ['from Government', 'personnes'],
  zh: ['Government of the French Republic', 'American Burn Association', 'World Health Organization', 'The University of Sydney', 'Université Paris'],
  fr: ['Government of the French Republic', 'World Health Organization', 'The University of', 'American Burn Association', 'personnes-fois', 'dont France'],
};

const LANGS: Locale[] = ['en', 'zh', 'fr'];
const today = officeToday();
let db: Db;
const docs = {} as Record<Locale, ReportDocument>;

/** Plain text with the spaces French puts in numbers made ordinary ones. */
const plain = (pieces: Piece[]) => pieces.map((p) => (typeof p === 'string' ? p : p.text)).join('').replace(/[\u00a0\u202f]/g, ' ');
const sectionText = (doc: ReportDocument, indexes: number[]) => indexes.map((i) => doc.sections[i]?.paragraphs.map(plain).join(' ') ?? '').join(' ');
/** The numbers a text states, thousands separators dropped: "50,000" and "50 000" are 50000. */
const numbersIn = (text: string) => new Set([...text.replace(/(\d)[, ](?=\d{3}\b)/g, '$1').matchAll(/\d+/g)].map((m) => Number(m[0])));

beforeAll(async () => {
  db = await openDemoDatabase();
  for (const lang of LANGS) docs[lang] = (await factSheetDocument(systemContext(db), { asOf: today, lang })).doc;
}, 900_000); // the first demo test of a run loads the whole demo through the services; the others copy it

afterAll(async () => {
  await db?.close();
});

describe('the fact sheet against the seed it rewrites', () => {
  it('takes its passages from the seed itself, four paragraphs of it', () => {
    expect(seedParagraphs).toHaveLength(4);
    for (const passage of PASSAGES) expect(seedParagraphs[passage.paragraph], passage.seed).toContain(passage.seed);
  });

  for (const lang of LANGS)
    it(`says every sentence of the seed in ${lang}, in the section that answers its paragraph`, () => {
      expect(docs[lang].sections).toHaveLength(SECTIONS.flat().length);
      const missing = PASSAGES.flatMap((passage) => passage[lang].filter((phrase) => !sectionText(docs[lang], SECTIONS[passage.paragraph]!).includes(phrase)).map((phrase) => `${passage.seed} → ${phrase}`));
      expect(missing).toEqual([]);
    });

  for (const lang of LANGS)
    it(`states each figure of each seed paragraph in ${lang}, equal`, () => {
      seedParagraphs.forEach((paragraph, i) => {
        const ours = numbersIn(sectionText(docs[lang], SECTIONS[i]!));
        // the Chinese text writes the 8-year programme 八年制
        const expected = [...numbersIn(paragraph)].filter((n) => !(lang === 'zh' && n === 8));
        expect(expected.filter((n) => !ours.has(n)), `paragraph ${i + 1}`).toEqual([]);
      });
    });

  for (const lang of LANGS)
    it(`names bodies and countries in ${lang}, with the grammar of ${lang}`, () => {
      const text = docs[lang].sections.map((s) => s.paragraphs.map(plain).join(' ')).join(' ');
      expect(FOREIGN_NAMES[lang].filter((name) => text.includes(name))).toEqual([]);
    });

  it('writes the closing paragraph from the office\u2019s text, with a figure in it live and linked', async () => {
    const ctx = systemContext(db);
    const { rows } = await db.query<{ version: number }>(`SELECT version FROM settings WHERE key = 'factsheet.closing'`);
    const text = { en: 'Our {partners.universities} partners made {school} what it is.', zh: '{partners.universities}所合作大学成就了{school}。', fr: 'Nos {partners.universities} partenaires ont fait de {school} ce qu’elle est.' };
    await updateSetting(ctx, { key: 'factsheet.closing', value: text, version: rows[0]!.version });
    const { doc, set } = await factSheetDocument(ctx, { asOf: today, lang: 'fr' });
    const closing = doc.sections.at(-1)!.paragraphs[0]!;
    const universities = set.figures.find((f) => f.key === 'partners.universities')!;
    expect(closing).toContainEqual({ text: String(universities.value), href: universities.records!.page, key: 'partners.universities' });
    expect(plain(closing)).toBe(`Nos ${universities.value} partenaires ont fait de la Faculté de médecine de l’Université Jiao Tong de Shanghai ce qu’elle est.`);
    await expect(updateSetting(ctx, { key: 'factsheet.closing', value: { ...text, en: 'Our {partners.universites} partners' }, version: rows[0]!.version + 1 })).rejects.toMatchObject({
      extra: { fields: [{ field: 'value.en', reason: 'unknown_text_placeholder:partners.universites' }] },
    });
  });
});
