import { describe, expect, it } from 'vitest';
import { partnerMapOption } from './map-option.ts';

const texts = { nameOf: (code: string) => `name:${code}`, figures: (u: number, i: number) => `${u}/${i}`, none: 'none' };
const byCountry = [
  { countryCode: 'FR', universities: 14, institutions: 15 },
  { countryCode: 'HK', universities: 2, institutions: 2 },
  { countryCode: 'CH', universities: 3, institutions: 4 },
];

describe('partnerMapOption', () => {
  it('shades each place by its partner universities, up to the largest count', () => {
    const option = partnerMapOption(byCountry, undefined, texts);
    const [areas] = option.series;
    expect(areas?.data).toEqual([
      { name: 'FR', value: 14 },
      { name: 'HK', value: 2 },
      { name: 'CH', value: 3 },
    ]);
    expect(option.visualMap.max).toBe(14);
  });

  it('marks Hong Kong, Macao and Taiwan whether or not they have partners, with their count when they do', () => {
    const option = partnerMapOption(byCountry, undefined, texts);
    const markers = option.series[1]?.data as { name: string; label: { formatter: string } }[];
    expect(markers.map((m) => [m.name, m.label.formatter])).toEqual([
      ['HK', 'name:HK 2'],
      ['MO', 'name:MO'],
      ['TW', 'name:TW'],
    ]);
  });

  it('outlines the selected place and says "none" for a place without partners', () => {
    const option = partnerMapOption(byCountry, 'MO', texts);
    expect(option.geo.regions).toEqual([{ name: 'MO', itemStyle: expect.objectContaining({ borderWidth: expect.any(Number) }) }]);
    expect(option.tooltip.formatter({ name: 'MO' })).toContain('none');
    expect(option.tooltip.formatter({ name: 'FR' })).toContain('14/15');
    // Natural Earth areas without a code of ours are named, never linked
    expect(option.tooltip.formatter({ name: '~Kosovo' })).toBe('Kosovo');
  });
});
