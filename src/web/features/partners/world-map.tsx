import { Alert, Skeleton } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { PartnerFigures } from '../../../shared/contracts/agreements.ts';
import { EChart } from '../../components/echart.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useCountryMap } from '../../lib/lookups.ts';
import { countryName } from '../../lib/names.ts';
import { isCountryCode, partnerMapOption } from './map-option.ts';

let registered: Promise<void> | null = null;

/** ECharts and the world atlas, both in chunks of their own, loaded once and the map registered as "world" (the dashboard's activity map uses it too). */
export function registerWorld(): Promise<void> {
  registered ??= Promise.all([import('../../lib/echarts.ts'), import('./world-geo.ts').then((m) => m.loadWorld())]).then(([{ echarts }, world]) => {
    echarts.registerMap('world', world as Parameters<typeof echarts.registerMap>[1]);
  });
  registered.catch(() => {
    registered = null;
  });
  return registered;
}

interface WorldMapProps {
  byCountry: PartnerFigures['byCountry'];
  selected?: string;
  onSelect: (countryCode: string) => void;
  height?: number;
}

/** The world map of partners: shaded by partner universities; a click on a country or region selects it. */
export function WorldMap({ byCountry, selected, onSelect, height = 460 }: WorldMapProps) {
  const { t, locale } = useI18n();
  const countries = useCountryMap();
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let live = true;
    registerWorld().then(
      () => live && setState('ready'),
      (err: unknown) => {
        // the page stays usable without the map (the places list below it); say why in the console
        console.error('world map', err);
        if (live) setState('failed');
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const option = useMemo(
    () =>
      partnerMapOption(byCountry, selected, {
        nameOf: (code) => {
          const country = countries.get(code);
          return country ? countryName(country, locale) : code;
        },
        figures: (universities, institutions) => t('partner.mapTooltip', { universities, institutions }),
        none: t('partner.mapNone'),
      }),
    [byCountry, selected, countries, locale, t],
  );

  if (state === 'failed') return <Alert type="error" showIcon title={t('error.title')} />;
  if (state === 'loading') return <Skeleton active style={{ height }} />;
  return (
    <div data-testid="partner-map" aria-label={t('partner.map')} role="img">
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
