import { Alert, Skeleton } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useMemo, useState } from 'react';
import type { PartnerFigures } from '../../../shared/contracts/agreements.ts';
import { EChart } from '../../components/echart.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useCountryNameOf } from '../../lib/lookups.ts';
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

/** Whether the world atlas is registered yet, or failed to load. */
function useWorld(): 'loading' | 'ready' | 'failed' {
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  useEffect(() => {
    let live = true;
    registerWorld().then(
      () => live && setState('ready'),
      (err: unknown) => {
        // the page stays usable without the map (the places listed beside it); say why in the console
        console.error('world map', err);
        if (live) setState('failed');
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

interface WorldChartProps {
  /** The ECharts option, over the map registered as "world". */
  option: EChartsCoreOption;
  testId: string;
  label: string;
  height: number;
  onSelect: (countryCode: string) => void;
}

/** A world map chart, shown once the atlas is loaded; a click on a country or region (or on a region's marker) selects it. */
export function WorldChart({ option, testId, label, height, onSelect }: WorldChartProps) {
  const { t } = useI18n();
  const state = useWorld();
  if (state === 'failed') return <Alert type="error" showIcon title={t('error.title')} />;
  if (state === 'loading') return <Skeleton active style={{ height }} />;
  return (
    <div data-testid={testId} aria-label={label} role="img">
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

interface WorldMapProps {
  byCountry: PartnerFigures['byCountry'];
  selected?: string;
  onSelect: (countryCode: string) => void;
  height?: number;
}

/** The world map of partners: shaded by partner universities; a click on a country or region selects it. */
export function WorldMap({ byCountry, selected, onSelect, height = 460 }: WorldMapProps) {
  const { t } = useI18n();
  const nameOf = useCountryNameOf();
  const option = useMemo(
    () =>
      partnerMapOption(byCountry, selected, {
        nameOf,
        figures: (universities, institutions) => t('partner.mapTooltip', { universities, institutions }),
        none: t('partner.mapNone'),
      }),
    [byCountry, selected, nameOf, t],
  );
  return <WorldChart option={option} testId="partner-map" label={t('partner.map')} height={height} onSelect={onSelect} />;
}
