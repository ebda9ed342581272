import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../server/db/client.ts';
import { openDemoDatabase } from '../server/test/demo-database.ts';
import { systemContext } from '../server/core/request-context.ts';
import { computeFigureSet, figureOf } from '../server/reports/figures/figure-set.ts';
import { factSheetDocument } from '../server/reports/factsheet/factsheet.service.ts';
import { renderMarkdown } from '../server/reports/factsheet/render-md.ts';
import type { FigureSet } from '../shared/contracts/reports.ts';
import { officeToday } from '../shared/calendar.ts';

// The seed's honours paragraph, name by name and honour by honour (as the office writes them).
const SEED_NAMES: Array<[string, string]> = [
  ['Kuang An-kun', '邝安堃'], ['Wang Zhen-yi', '王振义'], ['Wang Yi-fei', '王一飞'], ['Li Hong-wei', '李宏为'], ['Chen Zhu', '陈竺'], ['Shi Ji-xiang', '史济湘'],
  ['Cao Yi-lin', '曹谊林'], ['Shen Xiao-ming', '沈晓明'], ['Zhu Zheng-gang', '朱正纲'], ['Peng Cheng-hong', '彭承宏'], ['Peng Zhi-hai', '彭志海'], ['Chen Guo-qiang', '陈国强'],
];
const SEED_LINES = [
  'Legion of Honour (Government of the French Republic): Kuang An-kun, Wang Zhen-yi, Wang Yi-fei, Li Hong-wei, Chen Zhu',
  'Irvins Prize (American Burn Association): Shi Ji-xiang',
  'Outstanding Doctor Prize: Wang Zhen-yi',
  'Kettering Prize (General Motors Cancer Research Foundation): Wang Zhen-yi',
  'CRB Prize (Fondation CRB (Switzerland)): Wang Zhen-yi',
  'Prix de l’Oise (Ligue contre le cancer): Chen Zhu',
  'James Barrett Brown Award (American Society of Plastic Surgeons): Cao Yi-lin',
  'Foreign Associate (US National Academy of Sciences): Chen Zhu',
  'Honorary Doctorate (Université Paris VII (Denis Diderot)): Chen Zhu',
  'Honorary Doctorate (The University of Hong Kong): Chen Zhu',
  'Honorary Doctorate (Université Paris V (René Descartes)): Shen Xiao-ming',
  'Honorary Doctorate (University of Nebraska): Shen Xiao-ming',
  'Foreign Honorary Fellow (American Surgical Association): Li Hong-wei, Zhu Zheng-gang, Peng Cheng-hong, Peng Zhi-hai',
  'Honorary Professor (The University of Sydney): Chen Guo-qiang',
];

let db: Db;
let set: FigureSet;
const today = officeToday();

beforeAll(async () => {
  db = await openDemoDatabase();
  set = await computeFigureSet(systemContext(db), { asOf: today });
}, 900_000); // the first demo test of a run loads the whole demo through the services (a minute, several on a busy machine); the others copy it

afterAll(async () => {
  await db?.close();
});

describe('demo honours', () => {
  it('lists every honour the seed names, with its holders, and nothing the office does not single out', () => {
    expect(figureOf(set, 'honours').value).toEqual(SEED_LINES);
    const items = figureOf(set, 'honours').items!;
    for (const [latin, zh] of SEED_NAMES) expect(items).toContainEqual(expect.objectContaining({ nameEn: latin, nameZh: zh }));
  });

  it('has "dozens" of our people honoured, among 30 to 60 honours, as the records say', async () => {
    const { rows } = await db.query<{ holders: number; honours: number; notable: number }>(
      `SELECT count(DISTINCT person_id)::int AS holders, count(*)::int AS honours, count(*) FILTER (WHERE notable)::int AS notable FROM honours WHERE conferred_on <= $1::date`,
      [today],
    );
    expect(figureOf(set, 'honours.holders').value).toBe(rows[0]!.holders);
    expect(rows[0]!.holders).toBeGreaterThanOrEqual(24);
    expect(rows[0]!.holders).toBeLessThan(100);
    expect(rows[0]!.honours).toBeGreaterThanOrEqual(30);
    expect(rows[0]!.honours).toBeLessThanOrEqual(60);
    expect(rows[0]!.notable).toBe(SEED_LINES.reduce((n, line) => n + line.split(': ')[1]!.split(', ').length, 0));
  });

  it('writes the seed’s paragraph in English, Chinese and French, names in their own script', async () => {
    const md = async (lang: 'en' | 'zh' | 'fr') => renderMarkdown((await factSheetDocument(systemContext(db), { asOf: today, lang })).doc).replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');
    const en = await md('en');
    expect(en).toContain('Dozens of professors and experts of Shanghai Jiao Tong University School of Medicine have been awarded honorary titles');
    expect(en).toContain('Professors Kuang An-kun (邝安堃), Wang Zhen-yi (王振义), Wang Yi-fei (王一飞), Li Hong-wei (李宏为) and Chen Zhu (陈竺) received “Legion of Honour”');
    expect(en).toContain('Professor Wang Zhen-yi (王振义) received “Outstanding Doctor Prize”, “Kettering Prize” from the General Motors Cancer Research Foundation and “CRB Prize”');
    for (const [latin, zh] of SEED_NAMES) expect(en).toContain(`${latin} (${zh})`);
    const zh = await md('zh');
    expect(zh).toContain('数十位教授和专家');
    expect(zh).toContain('邝安堃、王振义、王一飞、李宏为和陈竺教授获得法兰西共和国政府授予的“法国荣誉军团勋章”');
    for (const [latin, name] of SEED_NAMES) {
      expect(zh).toContain(name);
      expect(zh).not.toContain(latin);
    }
    const fr = await md('fr');
    expect(fr).toContain('Des dizaines de professeurs et experts');
    expect(fr).toContain('les professeurs Kuang An-kun (邝安堃), Wang Zhen-yi (王振义), Wang Yi-fei (王一飞), Li Hong-wei (李宏为) et Chen Zhu (陈竺) ont reçu « Légion d’honneur »');
  });
});
