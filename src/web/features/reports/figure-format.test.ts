import { describe, expect, it } from 'vitest';
import type { Figure, FigureItem } from '../../../shared/contracts/reports.ts';
import type { Translate } from '../../lib/i18n.tsx';
import { figureNames } from './figure-format.ts';

const t = ((key: string, vars?: Record<string, unknown>) => (key === 'figure.andMore' ? `and ${String(vars?.n)} more` : key)) as Translate;
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
});
