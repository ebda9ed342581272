import type { PartnerFigures } from '../../../shared/contracts/agreements.ts';

type ByCountry = PartnerFigures['byCountry'];

/**
 * Hong Kong, Macao and Taiwan get a marker of their own besides their area: Macao is a few pixels
 * wide on a world map, Hong Kong hardly more. Their labels point different ways so that the two
 * neighbours can each be clicked, and clear of Taiwan's.
 */
export const REGION_MARKERS = [
  { code: 'HK', coord: [114.17, 22.32], position: 'top' },
  { code: 'MO', coord: [113.55, 22.17], position: 'left' },
  { code: 'TW', coord: [120.96, 23.7], position: 'right' },
] as const;

/** What the map needs to say in the interface language. */
export interface MapTexts {
  /** A country's or region's name from its code. */
  nameOf: (code: string) => string;
  /** The tooltip line for a place with partners. */
  figures: (universities: number, institutions: number) => string;
  none: string;
}

/** Whether an area's name is one of our country codes (Natural Earth also draws Kosovo, N. Cyprus… without one). */
export const isCountryCode = (name: string | undefined): boolean => typeof name === 'string' && /^[A-Z]{2}$/.test(name);

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The ECharts option of the partner map: areas shaded by partner universities, the three regions
 * marked, the selected place outlined.
 */
export function partnerMapOption(byCountry: ByCountry, selected: string | undefined, texts: MapTexts) {
  const figures = new Map(byCountry.map((c) => [c.countryCode, c]));
  const max = Math.max(1, ...byCountry.map((c) => c.universities));
  const describe = (code: string) => {
    if (!isCountryCode(code)) return escape(code.replace(/^~/, ''));
    const f = figures.get(code);
    return `<b>${escape(texts.nameOf(code))}</b><br/>${escape(f ? texts.figures(f.universities, f.institutions) : texts.none)}`;
  };
  return {
    tooltip: { trigger: 'item', formatter: (params: { name?: string }) => describe(params.name ?? '') },
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      min: 0,
      max,
      left: 8,
      bottom: 8,
      itemHeight: 90,
      calculable: false,
      text: [String(max), '0'],
      inRange: { color: ['#d6e4ff', '#5b8fd6', '#1f4f99', '#0b2e66'] },
    },
    geo: {
      map: 'world',
      roam: true,
      // fill the card: the atlas is wider than high, so the width decides
      left: 8,
      right: 8,
      top: 8,
      bottom: 8,
      scaleLimit: { min: 1, max: 24 },
      silent: false,
      itemStyle: { areaColor: '#eef1f5', borderColor: '#b8c2cc', borderWidth: 0.4 },
      emphasis: { itemStyle: { areaColor: '#ffd666' }, label: { show: false } },
      regions: selected ? [{ name: selected, itemStyle: { borderColor: '#d4380d', borderWidth: 1.6 } }] : [],
    },
    series: [
      {
        type: 'map',
        geoIndex: 0,
        data: byCountry.map((c) => ({ name: c.countryCode, value: c.universities })),
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        geoIndex: 0,
        z: 5,
        symbolSize: 9,
        data: REGION_MARKERS.map((r) => {
          const f = figures.get(r.code);
          return {
            name: r.code,
            value: [...r.coord, f?.universities ?? 0],
            itemStyle: { color: f ? '#1f4f99' : '#ffffff', borderColor: r.code === selected ? '#d4380d' : '#1f4f99', borderWidth: 1.5 },
            label: {
              show: true,
              position: r.position,
              formatter: `${texts.nameOf(r.code)}${f ? ` ${f.universities}` : ''}`,
              fontSize: 11,
              color: '#1f2d3d',
              backgroundColor: 'rgba(255,255,255,0.85)',
              borderColor: '#b8c2cc',
              borderWidth: 0.5,
              padding: [2, 4],
              borderRadius: 3,
            },
          };
        }),
      },
    ],
  };
}
