import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pointsWithinPolygon } from '@turf/turf';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  DistrictAreas,
  readDistrictOutlines,
  zoneContents,
  ZonePointIndex,
  type DistrictOutline,
  type ZonePoint,
} from './zone-contents.ts';
import { measureZone } from './zone-measure.ts';

function box(west: number, south: number, east: number, north: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

const mu = (p: Polygon) => measureZone(p).areaMu;

/** Two districts side by side along 120.1°E, lake to the north of 30.9°N. */
const WEST: DistrictOutline = {
  code: '330502',
  cityCode: '330500',
  geometry: box(120, 30.8, 120.1, 30.9),
};
const EAST: DistrictOutline = {
  code: '330503',
  cityCode: '330500',
  geometry: box(120.1, 30.8, 120.2, 30.9),
};

describe('DistrictAreas.sharesOf', () => {
  const areas = new DistrictAreas([WEST, EAST]);

  it('splits a zone across two districts by the area in each, largest first', () => {
    const zone = box(120.09, 30.85, 120.12, 30.86);
    const { districts, outsideMu } = areas.sharesOf(zone);
    expect(districts.map((d) => d.districtCode)).toEqual(['330503', '330502']);
    expect(districts[0]!.areaMu).toBeCloseTo(mu(box(120.1, 30.85, 120.12, 30.86)), 1);
    expect(districts[1]!.areaMu).toBeCloseTo(mu(box(120.09, 30.85, 120.1, 30.86)), 1);
    expect(districts[0]!.share).toBeCloseTo(2 / 3, 3);
    expect(districts[0]!.share + districts[1]!.share).toBeCloseTo(1, 12);
    expect(outsideMu).toBeCloseTo(0, 3);
  });

  it('reports the part over the lake as outside, and shares among the districts only', () => {
    const zone = box(120.02, 30.89, 120.03, 30.91);
    const { districts, outsideMu } = areas.sharesOf(zone);
    expect(districts).toHaveLength(1);
    expect(districts[0]!.share).toBe(1);
    expect(outsideMu).toBeCloseTo(mu(box(120.02, 30.9, 120.03, 30.91)), 1);
  });

  it('does not count a district the zone only touches along the border', () => {
    const { districts } = areas.sharesOf(box(120.05, 30.85, 120.1, 30.86));
    expect(districts.map((d) => d.districtCode)).toEqual(['330502']);
  });

  it('finds the real district of a zone in Huzhou from districts.geojson', () => {
    const file = resolve(import.meta.dirname, '../../../public/data/districts.geojson');
    const outlines = readDistrictOutlines(
      JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection,
    );
    expect(outlines).toHaveLength(11);
    // A block in Anji's county seat (安吉 递铺, about 119.68°E 30.63°N).
    const { districts } = new DistrictAreas(outlines).sharesOf(box(119.67, 30.62, 119.69, 30.64));
    expect(districts.map((d) => d.districtCode)).toEqual(['330523']);
  });
});

/** Points on a fixed pseudo-random spread over northern Zhejiang. */
function spread(count: number): ZonePoint[] {
  let state = 7;
  const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    lon: 119.9 + next() * 0.4,
    lat: 30.7 + next() * 0.3,
  }));
}

describe('ZonePointIndex.within', () => {
  const points = spread(5000);
  const index = new ZonePointIndex(points);

  it('finds exactly the points a plain scan finds, for a concave zone', () => {
    const lShape: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [120.0, 30.8],
          [120.1, 30.8],
          [120.1, 30.83],
          [120.03, 30.83],
          [120.03, 30.9],
          [120.0, 30.9],
          [120.0, 30.8],
        ],
      ],
    };
    const scanned = pointsWithinPolygon(
      {
        type: 'FeatureCollection',
        features: points.map((p) => ({
          type: 'Feature',
          properties: { id: p.id },
          geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        })),
      },
      lShape,
    ).features.map((f) => f.properties['id'] as string);
    const found = index.within(lShape).map((p) => p.id);
    expect(found.length).toBeGreaterThan(50);
    expect(found.sort()).toEqual(scanned.sort());
    // The notch of the L holds points of the bounding box that must not be returned.
    expect(index.within(box(120.0, 30.8, 120.1, 30.9)).length).toBeGreaterThan(found.length);
  });

  it('returns nothing for a zone away from every point, and for an empty index', () => {
    expect(index.within(box(121, 29.5, 121.01, 29.51))).toEqual([]);
    expect(new ZonePointIndex([]).within(box(120, 30.8, 120.1, 30.9))).toEqual([]);
  });
});

describe('zoneContents', () => {
  it('joins districts and points for one zone', () => {
    const places = [
      { id: 'hz-park-01', kind: 'park', lon: 120.105, lat: 30.855 },
      { id: 'hz-ent-02', kind: 'enterprise', lon: 120.095, lat: 30.855 },
      { id: 'hz-ent-03', kind: 'enterprise', lon: 120.15, lat: 30.855 },
    ];
    const contents = zoneContents(
      box(120.09, 30.85, 120.12, 30.86),
      new DistrictAreas([WEST, EAST]),
      new ZonePointIndex(places),
    );
    expect(contents.points.map((p) => p.id)).toEqual(['hz-park-01', 'hz-ent-02']);
    expect(contents.districts).toHaveLength(2);
  });
});
