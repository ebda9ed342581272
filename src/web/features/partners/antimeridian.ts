import type { Position } from 'geojson';

type Ring = Position[];
type Polygon = Ring[];

const lon = (p: Position) => p[0] ?? 0;
const lat = (p: Position) => p[1] ?? 0;

/** A ring whose longitudes never jump by more than 180° from one point to the next (so 179 → -179 becomes 179 → 181). */
function unwrap(ring: Ring): Ring {
  const out: Ring = [];
  let shift = 0;
  let previous: number | null = null;
  for (const point of ring) {
    const x = lon(point);
    if (previous !== null) {
      const step = x + shift - previous;
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    previous = x + shift;
    out.push([previous, lat(point)]);
  }
  return out;
}

/** Whether an unwrapped ring goes all the way round the globe (a ring around a pole: it cannot be drawn flat). */
const goesRound = (ring: Ring) => ring.length > 1 && Math.abs(lon(ring[0] ?? [0, 0]) - lon(ring[ring.length - 1] ?? [0, 0])) > 180;

/** Sutherland–Hodgman against one vertical line: keep the part of a closed ring on one side of x = limit. */
function clipAt(ring: Ring, limit: number, keepBelow: boolean): Ring {
  const inside = (p: Position) => (keepBelow ? lon(p) <= limit : lon(p) >= limit);
  const cross = (a: Position, b: Position): Position => {
    const t = (limit - lon(a)) / (lon(b) - lon(a));
    return [limit, lat(a) + t * (lat(b) - lat(a))];
  };
  const open = ring.slice(0, -1);
  const out: Ring = [];
  open.forEach((current, i) => {
    const previous = open[(i + open.length - 1) % open.length] ?? current;
    if (inside(current)) {
      if (!inside(previous)) out.push(cross(previous, current));
      out.push(current);
    } else if (inside(previous)) {
      out.push(cross(previous, current));
    }
  });
  if (out.length < 3) return [];
  return [...out, out[0] ?? [0, 0]];
}

const shiftRing = (ring: Ring, dx: number): Ring => ring.map((p) => [lon(p) + dx, lat(p)]);
const clipToWorld = (ring: Ring) => clipAt(clipAt(ring, 180, true), -180, false);

/**
 * A polygon ready for a flat (longitude/latitude) map: edges that cross the 180° meridian would be
 * drawn as lines across the whole map, so such a polygon is unwrapped and cut at ±180°, each piece
 * kept on its own side. Polygons that go round a pole (Antarctica) are left out: they cannot be
 * drawn flat without a projection.
 */
export function splitAtAntimeridian(polygon: Polygon): Polygon[] {
  const [outer, ...holes] = polygon.map(unwrap);
  if (!outer || goesRound(outer)) return [];
  const xs = outer.map(lon);
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  const centre = (min + max) / 2;
  // holes unwrapped on their own may sit a turn away from their outer ring
  const alignedHoles = holes.map((hole) => shiftRing(hole, Math.round((centre - lon(hole[0] ?? [centre, 0])) / 360) * 360));
  if (min >= -180 && max <= 180) return [[outer, ...alignedHoles]];
  const pieces: Polygon[] = [];
  for (const dx of [-360, 0, 360]) {
    const clippedOuter = clipToWorld(shiftRing(outer, dx));
    if (clippedOuter.length === 0) continue;
    const clippedHoles = alignedHoles.map((hole) => clipToWorld(shiftRing(hole, dx))).filter((hole) => hole.length > 0);
    pieces.push([clippedOuter, ...clippedHoles]);
  }
  return pieces;
}
