import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Natural Earth 1:50m: the smallest scale that draws Hong Kong, Macao and Taiwan as areas of their own.
import atlasUrl from 'world-atlas/countries-50m.json?url';
import countries from '../../../../reference/countries.json' with { type: 'json' };
import { splitAtAntimeridian } from './antimeridian.ts';

/** ISO 3166 numeric (Natural Earth's ids) → alpha-2 (our codes), from the project's own country list. */
const ALPHA2_BY_NUMERIC = new Map(countries.map((c) => [c.numeric, c.code]));
// Antarctica holds no partner and, going round the pole, cannot be drawn flat.
const LEFT_OUT = new Set(['010']);

/** The name ECharts gives an area: its alpha-2 code, or a name that matches no code for areas without one (Kosovo, N. Cyprus…). */
const areaName = (id: string | number | undefined, fallback: string) => (id === undefined ? undefined : ALPHA2_BY_NUMERIC.get(String(id))) ?? `~${fallback}`;

/**
 * The world as GeoJSON for ECharts: one feature per country or region (Hong Kong, Macao and Taiwan
 * on their own), named by alpha-2 code, cut at the 180° meridian so that no edge crosses the map.
 * Loaded on demand: the atlas is ~750 KB and only the partners page needs it.
 */
export async function loadWorld(): Promise<FeatureCollection<MultiPolygon, { name: string }>> {
  const response = await fetch(atlasUrl);
  if (!response.ok) throw new Error(`world atlas: ${response.status}`);
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const world = feature(topology, topology.objects.countries);
  const features: Feature<MultiPolygon, { name: string }>[] = [];
  for (const f of world.features) {
    if (LEFT_OUT.has(String(f.id)) || !f.geometry) continue;
    const geometry = f.geometry as Polygon | MultiPolygon;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
    const coordinates = polygons.flatMap(splitAtAntimeridian);
    if (coordinates.length === 0) continue;
    features.push({ type: 'Feature', properties: { name: areaName(f.id, f.properties.name) }, geometry: { type: 'MultiPolygon', coordinates } });
  }
  return { type: 'FeatureCollection', features };
}
