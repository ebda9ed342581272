import { describe, expect, it } from 'vitest';
import { splitAtAntimeridian } from './antimeridian.ts';

const longestStep = (ring: number[][]) => Math.max(...ring.slice(1).map((p, i) => Math.abs((p[0] ?? 0) - (ring[i]?.[0] ?? 0))));

describe('splitAtAntimeridian', () => {
  it('leaves a polygon that does not cross the 180° meridian as it is', () => {
    const square = [[[10, 10], [20, 10], [20, 20], [10, 20], [10, 10]]];
    expect(splitAtAntimeridian(square)).toEqual([square]);
  });

  it('cuts a polygon across the meridian into one piece on each side, with no edge across the map', () => {
    // from 170°E to 170°W, as Natural Earth stores Chukotka or Fiji
    const across = [[[170, 60], [-170, 60], [-170, 70], [170, 70], [170, 60]]];
    const pieces = splitAtAntimeridian(across);
    expect(pieces).toHaveLength(2);
    for (const [outer] of pieces) {
      expect(outer).toBeDefined();
      expect(longestStep(outer ?? [])).toBeLessThanOrEqual(20);
      const xs = (outer ?? []).map((p) => p[0] ?? 0);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(-180);
      expect(Math.max(...xs)).toBeLessThanOrEqual(180);
    }
    const spans = pieces.map(([outer]) => (outer ?? []).map((p) => p[0] ?? 0)).map((xs) => [Math.min(...xs), Math.max(...xs)]);
    expect(spans).toEqual(expect.arrayContaining([[-180, -170], [170, 180]]));
  });

  it('leaves out a ring that goes round a pole', () => {
    // Antarctica as stitched data has it: the ring crosses the meridian once, so it never comes back
    const stitched = [[[0, -80], [90, -80], [179, -80], [-179, -80], [-90, -80], [0, -79.9]]];
    expect(splitAtAntimeridian(stitched)).toEqual([]);
  });
});
