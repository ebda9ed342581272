import { useMemo } from 'react';
import type { BreakdownRow } from '../../../shared/contracts/reports.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useCountryNameOf } from '../../lib/lookups.ts';
import { isCountryCode, partnerMapOption } from '../partners/map-option.ts';
import { WorldChart } from '../partners/world-map.tsx';

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
  const { t, formatNumber } = useI18n();
  const nameOf = useCountryNameOf();
  const option = useMemo(() => {
    const byCountry = rows.filter((r) => isCountryCode(r.key ?? undefined)).map((r) => ({ countryCode: r.key as string, universities: r.personTimes, institutions: 0 }));
    const base = partnerMapOption(byCountry, undefined, {
      nameOf,
      figures: (personTimes) => t('dash.mapTooltip', { n: formatNumber(personTimes) }),
      none: t('dash.mapNone'),
    });
    return { ...base, visualMap: { type: 'piecewise', seriesIndex: 0, left: 8, bottom: 8, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11 }, pieces: PIECES } };
  }, [rows, nameOf, t, formatNumber]);
  return <WorldChart option={option} testId="activity-map" label={t('dash.map')} height={height} onSelect={onSelect} />;
}
