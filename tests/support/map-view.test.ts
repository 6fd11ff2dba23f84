import { describe, expect, it } from 'vitest';
import { lonLatToScreen, parseViewParam } from './map-view.ts';

const viewport = { width: 1000, height: 600 };

describe('lonLatToScreen', () => {
  it('puts the view centre at the viewport centre', () => {
    const p = lonLatToScreen(120.1, 30.9, { zoom: 9, lat: 30.9, lon: 120.1 }, viewport);
    expect(p.x).toBeCloseTo(500, 6);
    expect(p.y).toBeCloseTo(300, 6);
  });

  it('at zoom 0 spans the 512 px world: the antimeridian is 256 px east of Greenwich', () => {
    const p = lonLatToScreen(180, 0, { zoom: 0, lat: 0, lon: 0 }, viewport);
    expect(p.x).toBeCloseTo(756, 6);
    expect(p.y).toBeCloseTo(300, 6);
  });

  it('doubles distances per zoom level and puts north up', () => {
    const view = { zoom: 8, lat: 30, lon: 120 };
    const z8 = lonLatToScreen(120.5, 31, view, viewport);
    const z9 = lonLatToScreen(120.5, 31, { ...view, zoom: 9 }, viewport);
    expect(z9.x - 500).toBeCloseTo(2 * (z8.x - 500), 6);
    expect(z9.y - 300).toBeCloseTo(2 * (z8.y - 300), 6);
    expect(z8.y).toBeLessThan(300);
    expect(z8.x).toBeGreaterThan(500);
  });

  it('stretches latitude as Mercator does: one degree is taller at 60°N than at the equator', () => {
    const view = { zoom: 4, lat: 0, lon: 0 };
    const atEquator =
      lonLatToScreen(0, 0, view, viewport).y - lonLatToScreen(0, 1, view, viewport).y;
    const far = { zoom: 4, lat: 60, lon: 0 };
    const at60 = lonLatToScreen(0, 60, far, viewport).y - lonLatToScreen(0, 61, far, viewport).y;
    expect(at60 / atEquator).toBeCloseTo(1 / Math.cos((60.5 * Math.PI) / 180), 1);
  });
});

describe('parseViewParam', () => {
  it('reads zoom/lat/lon', () => {
    expect(parseViewParam('9.5/30.87/120.09')).toEqual({ zoom: 9.5, lat: 30.87, lon: 120.09 });
  });

  it('rejects missing or malformed values', () => {
    expect(parseViewParam(null)).toBeUndefined();
    expect(parseViewParam('9/30')).toBeUndefined();
    expect(parseViewParam('9/abc/120')).toBeUndefined();
  });
});
