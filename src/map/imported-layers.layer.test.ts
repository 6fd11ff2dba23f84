import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type { ImportedRecord } from '../domain/imports/imported-layer.ts';
import {
  defaultColourExpression,
  importedLayerIds,
  importedLayerSpecs,
  recordFeatures,
} from './imported-layers.layer.ts';

const RECORDS: ImportedRecord[] = [
  {
    layerId: 'a',
    index: 0,
    geometry: { type: 'Point', coordinates: [120.1, 30.9] },
    fields: { name: '甲公司', taxWanYuan: 12 },
  },
  { layerId: 'a', index: 1, geometry: null, fields: { name: '只有区县', districtCode: '330502' } },
  {
    layerId: 'a',
    index: 2,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [120, 30],
          [120.01, 30],
          [120.01, 30.01],
          [120, 30],
        ],
      ],
    },
    fields: { name: 7 },
  },
];

describe('recordFeatures', () => {
  it('splits points from parcels, leaves out records without geometry, and ids features by index', () => {
    const { points, shapes } = recordFeatures(RECORDS);
    expect(points.features.map((f) => [f.id, f.properties])).toEqual([[0, { index: 0 }]]);
    expect(shapes.features.map((f) => [f.id, f.properties])).toEqual([[2, { index: 2 }]]);
  });
});

describe('importedLayerSpecs', () => {
  it('is a valid style whose ids are namespaced by the layer', () => {
    const ids = importedLayerIds('layer-1');
    const layers = importedLayerSpecs(ids, defaultColourExpression('#7b3294'));
    const style = {
      version: 8,
      glyphs: 'https://example.test/{fontstack}/{range}.pbf',
      sources: {
        [ids.pointSource]: {
          type: 'vector',
          tiles: ['muatlas-imported://layer-1/points/{z}/{x}/{y}'],
        },
        [ids.shapeSource]: {
          type: 'vector',
          tiles: ['muatlas-imported://layer-1/shapes/{z}/{x}/{y}'],
        },
      },
      layers,
    };
    expect(validateStyleMin(style as never)).toEqual([]);
    expect(layers.every((l) => l.id.startsWith('imported-layer-1-'))).toBe(true);
    // Each style layer reads the tile layer of its source: points or shapes.
    expect(layers.map((l) => ('source-layer' in l ? l['source-layer'] : null))).toEqual([
      'shapes',
      'shapes',
      'points',
      'points',
      'points',
    ]);
  });
});
