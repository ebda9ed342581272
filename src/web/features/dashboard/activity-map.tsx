import { Alert, Skeleton } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { BreakdownRow } from '../../../shared/contracts/reports.ts';
import { EChart } from '../../components/echart.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useCountryMap } from '../../lib/lookups.ts';
import { countryName } from '../../lib/names.ts';
import { isCountryCode, partnerMapOption } from '../partners/map-option.ts';
import { registerWorld } from '../partners/world-map.tsx';

// Person-times run from a handful to thousands a country: steps of ten keep the small ones visible.
const PIECES = [
  { min: 1000, label: '≥ 1000', color: '#0b2e66' },
  { min: 100, max: 999, label: '100–999', color: '#1f4f99' },
  { min: 10, max: 99, label: '10–99', color: '#5b8fd6' },
  { min: 1, max: 9, label: '1–9', color: '#adc6ff' },
];

/**
 * The partners' world map (Hong Kong, Macao and Taiwan marked and clickable) shaded by person-times
 * of a period instead of partner universities; a click on a place opens its person-times.
 */
export function ActivityMap({ rows, onSelect, height = 420 }: { rows: readonly BreakdownRow[]; onSelect: (countryCode: string) => void; height?: number }) {
  const { t, locale, formatNumber } = useI18n();
  const countries = useCountryMap();
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let live = true;
    registerWorld().then(
      () => live && setState('ready'),
      (err: unknown) => {
        // the breakdown stays readable in the list beside the map; say why in the console
        console.error('world map', err);
        if (live) setState('failed');
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const option = useMemo(() => {
    const byCountry = rows.filter((r) => isCountryCode(r.key ?? undefined)).map((r) => ({ countryCode: r.key as string, universities: r.personTimes, institutions: 0 }));
    const base = partnerMapOption(byCountry, undefined, {
      nameOf: (code) => {
        const country = countries.get(code);
        return country ? countryName(country, locale) : code;
      },
      figures: (personTimes) => t('dash.mapTooltip', { n: formatNumber(personTimes) }),
      none: t('dash.mapNone'),
    });
    return { ...base, visualMap: { type: 'piecewise', seriesIndex: 0, left: 8, bottom: 8, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11 }, pieces: PIECES } };
  }, [rows, countries, locale, t, formatNumber]);

  if (state === 'failed') return <Alert type="error" showIcon title={t('error.title')} />;
  if (state === 'loading') return <Skeleton active style={{ height }} />;
  return (
    <div data-testid="activity-map" aria-label={t('dash.map')} role="img">
      <EChart
        option={option}
        height={height}
        renderer="svg"
        onClick={(event) => {
          const data = event.data as { name?: string } | undefined;
          const code = event.seriesType === 'scatter' ? data?.name : event.name;
          if (code && isCountryCode(code)) onSelect(code);
        }}
      />
    </div>
  );
}
