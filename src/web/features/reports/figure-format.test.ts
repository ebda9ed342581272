import { describe, expect, it } from 'vitest';
import type { Figure, FigureItem } from '../../../shared/contracts/reports.ts';
import type { Translate } from '../../lib/i18n.tsx';
import { figureNames, figureValueText } from './figure-format.ts';

const t = ((key: string, vars?: Record<string, unknown>) => (key === 'figure.andMore' ? `and ${String(vars?.n)} more` : key === 'figure.yearsSince' ? `${String(vars?.n)} years since ${String(vars?.from)}` : key)) as Translate;
const holder = (nameEn: string, nameZh: string, group: string): FigureItem => ({ key: `${group}#${nameEn}`, count: null, nameEn, nameZh, title: null });

describe('a list figure’s names', () => {
  it('names a holder of several honours once, each name in both scripts', () => {
    const figure: Pick<Figure, 'value' | 'items'> = {
      value: ['Legion of Honour: Kuang An-kun, Wang Zhen-yi', 'Kettering Prize: Wang Zhen-yi', 'CRB Prize: Wang Zhen-yi'],
      items: [holder('Kuang An-kun', '邝安堃', 'legion'), holder('Wang Zhen-yi', '王振义', 'legion'), holder('Wang Zhen-yi', '王振义', 'kettering'), holder('Wang Zhen-yi', '王振义', 'crb')],
    };
    expect(figureNames(figure, t, 4)).toBe('Kuang An-kun 邝安堃 · Wang Zhen-yi 王振义');
    expect(figureNames({ ...figure, items: [...figure.items!, holder('Chen Zhu', '陈竺', 'legion')] }, t, 1)).toBe('Kuang An-kun 邝安堃 and 2 more');
  });

  it('names the honours, not their holders, when the items are grouped: the preview counts what the figure counts (defect 3)', () => {
    const honour = (key: string, en: string, zh: string) => ({ key, kind: 'prize', name: { en, zh, fr: en }, by: null });
    const legion = honour('legion', 'Legion of Honour', '法国荣誉军团勋章');
    const kettering = honour('kettering', 'Kettering Prize', '凯特林奖');
    const crb = honour('crb', 'CRB Prize', 'CRB 奖');
    const grouped = (name: string, zh: string, group: ReturnType<typeof honour>): FigureItem => ({ ...holder(name, zh, group.key), group });
    const figure: Pick<Figure, 'value' | 'items'> = {
      value: ['Legion of Honour: Kuang An-kun, Wang Zhen-yi', 'Kettering Prize: Wang Zhen-yi', 'CRB Prize: Wang Zhen-yi'],
      items: [grouped('Kuang An-kun', '邝安堃', legion), grouped('Wang Zhen-yi', '王振义', legion), grouped('Wang Zhen-yi', '王振义', kettering), grouped('Wang Zhen-yi', '王振义', crb)],
    };
    const value = figure.value as string[];
    expect(figureNames(figure, t, 10)).toBe('Legion of Honour · Kettering Prize · CRB Prize');
    expect(figureNames(figure, t, 10, 'zh')).toBe('法国荣誉军团勋章 · 凯特林奖 · CRB 奖');
    // Shown and "more" together are as many as the figure's lines (two holders, three honours).
    expect(figureNames(figure, t, 1)).toBe(`Legion of Honour and ${value.length - 1} more`);
  });
});

describe('a figure counted by key', () => {
  const n = (x: number) => String(x);
  it('says how many years and since when, for counts by year', () => {
    expect(figureValueText({ value: { 2007: 3, 2008: 2, 2010: 4 }, counts: 'persons' }, t, n)).toBe('3 years since 2007');
  });
  it('names each part by its label', () => {
    expect(figureValueText({ value: { exchange: 150, degree: 4 }, counts: 'persons' }, t, n)).toBe('figure.purpose.exchange 150 · figure.purpose.degree 4');
  });
});
