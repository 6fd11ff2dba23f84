import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITIES, districtsOfCity } from '../../src/domain/regions.ts';
import {
  deepestPoint,
  distanceToRings,
  insidePolygon,
  interiorPoints,
  loadDistrictShapes,
  toScreen,
  visibleBoundary,
  type DistrictShape,
  type ScreenShape,
} from './district-shapes.ts';
import { lonLatToScreen } from './map-view.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

/** A 100×100 square with a 20×20 hole in its middle, as screen pixels. */
const SQUARE = [
  [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
    { x: 100, y: 100 },
    { x: 0, y: 100 },
  ],
];
const WITH_HOLE = [
  ...SQUARE,
  [
    { x: 40, y: 40 },
    { x: 60, y: 40 },
    { x: 60, y: 60 },
    { x: 40, y: 60 },
  ],
];
const screenShape = (parts: ScreenShape['parts']): ScreenShape => ({
  code: 'x',
  parts,
  boundary: parts.flat(2),
  label: null,
});
const FRAME = { x: -50, y: -50, width: 300, height: 300 };

describe('polygon geometry on screen', () => {
  it('tells inside from outside, holes included', () => {
    expect(insidePolygon({ x: 10, y: 10 }, WITH_HOLE)).toBe(true);
    expect(insidePolygon({ x: 50, y: 50 }, WITH_HOLE)).toBe(false);
    expect(insidePolygon({ x: 50, y: 50 }, SQUARE)).toBe(true);
    expect(insidePolygon({ x: 150, y: 50 }, SQUARE)).toBe(false);
  });

  it('measures the distance to the nearest edge, a hole’s edges included', () => {
    expect(distanceToRings({ x: 10, y: 50 }, SQUARE)).toBeCloseTo(10, 10);
    expect(distanceToRings({ x: 30, y: 50 }, WITH_HOLE)).toBeCloseTo(10, 10);
    expect(distanceToRings({ x: 103, y: 104 }, SQUARE)).toBeCloseTo(5, 10);
  });

  it('samples only inside, away from the outline and outside excluded boxes', () => {
    const shape = screenShape([WITH_HOLE]);
    const points = interiorPoints(shape, {
      frame: FRAME,
      exclude: [{ x: 0, y: 0, width: 30, height: 100 }],
      stepPx: 5,
      insetPx: 8,
    });
    expect(points.length).toBeGreaterThan(50);
    for (const p of points) {
      expect(insidePolygon(p, WITH_HOLE)).toBe(true);
      expect(distanceToRings(p, WITH_HOLE)).toBeGreaterThanOrEqual(8);
      expect(p.x).toBeGreaterThanOrEqual(30);
    }
  });

  it('finds the point farthest from the outline, and none for a district off screen', () => {
    const deepest = deepestPoint(screenShape([SQUARE]), { frame: FRAME, stepPx: 2 });
    expect(deepest?.x).toBeCloseTo(50, -1);
    expect(deepest?.y).toBeCloseTo(50, -1);
    const offScreen = { x: 500, y: 500, width: 10, height: 10 };
    expect(deepestPoint(screenShape([SQUARE]), { frame: offScreen })).toBeUndefined();
  });

  it('keeps boundary vertices in the frame and out of excluded boxes', () => {
    const shape = screenShape([SQUARE]);
    const frame = { x: 0, y: 0, width: 101, height: 101 };
    expect(visibleBoundary(shape, { frame })).toHaveLength(4);
    const exclude = [{ x: 90, y: -5, width: 20, height: 200 }];
    expect(visibleBoundary(shape, { frame, exclude })).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 100 },
    ]);
  });
});

describe('district shapes from the built archive', () => {
  let server: StaticServer;
  let shapes: Map<string, DistrictShape>;
  const huzhou = CITIES.find((c) => c.id === 'huzhou')!;
  const view = { zoom: 8.3, lat: 30.78, lon: 119.865 };
  const viewport = { width: 1280, height: 800 };

  beforeAll(async () => {
    server = await startStaticServer({ root: resolve(import.meta.dirname, '../../public') });
    shapes = await loadDistrictShapes(
      new URL('tiles/muatlas.pmtiles', server.url).href,
      huzhou.boundsLonLat,
      8,
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  it('has every Huzhou district with an outline, its label point inside it', () => {
    const official = districtsOfCity(huzhou.code).filter((d) => d.kind !== 'functional-zone');
    for (const district of official) {
      const shape = shapes.get(district.code);
      expect(shape, district.nameZh).toBeDefined();
      const onScreen = toScreen(shape!, view, viewport);
      expect(onScreen.label, district.nameZh).not.toBeNull();
      expect(onScreen.parts.some((rings) => insidePolygon(onScreen.label!, rings))).toBe(true);
    }
  });

  it('places the outline where lonLatToScreen puts its vertices', () => {
    const shape = shapes.get('330502')!;
    const [lon, lat] = shape.parts[0]![0]![0]!;
    expect(toScreen(shape, view, viewport).parts[0]![0]![0]).toEqual(
      lonLatToScreen(lon, lat, view, viewport),
    );
  });

  it('leaves the cuts along tile edges out of the boundary', () => {
    // 吴兴区 spans two zoom-8 tiles, so its parts carry cut edges at the tile seam.
    const shape = shapes.get('330502')!;
    const allVertices = shape.parts.flat(2).length;
    expect(shape.parts.length).toBeGreaterThan(1);
    expect(shape.boundary.length).toBeGreaterThan(0);
    expect(shape.boundary.length).toBeLessThan(allVertices);
  });
});
