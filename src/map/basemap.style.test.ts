import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { LAYER_GROUPS } from '../domain/view-state.ts';
import { buildBasemapStyle } from './basemap.style.ts';
import { LAYERS_OF_GROUP, SOURCE_LAYERS } from './layer-ids.ts';

const base = {
  tilesUrl: 'pmtiles://http://127.0.0.1/tiles/muatlas.pmtiles',
  glyphsUrl: 'http://127.0.0.1/fonts/{fontstack}/{range}.pbf',
  schematicSuffix: '（示意）',
};

describe('basemap style', () => {
  it('is a valid MapLibre style in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      expect(validateStyleMin(buildBasemapStyle({ ...base, locale }))).toEqual([]);
    }
  });

  it('reads only source layers the tile archive provides', () => {
    const known = new Set<string>(Object.values(SOURCE_LAYERS));
    for (const layer of buildBasemapStyle({ ...base, locale: 'zh-CN' }).layers) {
      if ('source-layer' in layer) expect(known).toContain(layer['source-layer']);
    }
  });

  it('has every layer each panel toggle controls', () => {
    const ids = new Set(buildBasemapStyle({ ...base, locale: 'zh-CN' }).layers.map((l) => l.id));
    for (const group of LAYER_GROUPS) {
      for (const id of LAYERS_OF_GROUP[group]) expect(ids).toContain(id);
    }
  });

  it('hides exactly the layers of hidden groups', () => {
    const style = buildBasemapStyle({
      ...base,
      locale: 'zh-CN',
      visibleLayers: new Set(['districts', 'water'] as const),
    });
    const hidden = new Set(
      style.layers.filter((l) => l.layout?.visibility === 'none').map((l) => l.id),
    );
    expect(hidden).toEqual(
      new Set([
        ...LAYERS_OF_GROUP.towns,
        ...LAYERS_OF_GROUP.prefectures,
        ...LAYERS_OF_GROUP.functionalZones,
      ]),
    );
  });

  it('labels in the chosen language, falling back to Chinese names', () => {
    const labelOf = (locale: 'zh-CN' | 'en') =>
      JSON.stringify(
        buildBasemapStyle({ ...base, locale }).layers.find((l) => l.id === 'district-label')
          ?.layout?.['text-field' as never],
      );
    expect(labelOf('zh-CN')).toMatch(/^\["coalesce",\["get","name_zh"\]/);
    expect(labelOf('en')).toMatch(/^\["coalesce",\["get","name_en"\],\["get","name_zh"\]\]$/);
  });

  it('marks schematic places as such in their label', () => {
    const style = buildBasemapStyle({ ...base, locale: 'zh-CN' });
    const label = style.layers.find((l) => l.id === 'functional-zone-label');
    expect(JSON.stringify(label?.layout)).toContain('（示意）');
  });

  it('draws every label above every fill and line', () => {
    const types = buildBasemapStyle({ ...base, locale: 'zh-CN' }).layers.map((l) => l.type);
    const firstSymbol = types.indexOf('symbol');
    const lastShape = Math.max(types.lastIndexOf('fill'), types.lastIndexOf('line'));
    expect(firstSymbol).toBeGreaterThan(lastShape);
  });
});
