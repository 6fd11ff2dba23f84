import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW_STATE,
  isPlaceLayerGroup,
  parseSelectedZone,
  parseViewState,
  PLACE_LAYER_GROUPS,
  serializeViewState,
  withLayerVisibility,
  withSelectedZone,
} from './view-state.ts';

describe('view state in the URL', () => {
  it('round-trips region, language, camera and hidden layers', () => {
    const view = {
      region: 'shaoxing' as const,
      locale: 'en' as const,
      camera: { zoom: 9.5, lat: 29.99876, lon: 120.58321 },
      visibleLayers: new Set(['districts', 'water'] as const),
    };
    const search = serializeViewState(view);
    expect(search).toBe(
      '?region=shaoxing&lang=en&view=9.50/29.99876/120.58321&layers=districts,water',
    );
    const back = parseViewState(search);
    expect(back.region).toBe('shaoxing');
    expect(back.locale).toBe('en');
    expect(back.camera).toEqual(view.camera);
    expect([...back.visibleLayers].sort()).toEqual(['districts', 'water']);
  });

  it('falls back to defaults for an empty or hand-mangled query', () => {
    expect(parseViewState('')).toEqual({ ...DEFAULT_VIEW_STATE });
    const mangled = parseViewState('?region=beijing&lang=fr&view=abc/1/2&layers=nope,towns');
    expect(mangled.region).toBe('huzhou');
    expect(mangled.locale).toBe('zh-CN');
    expect(mangled.camera).toBeNull();
    expect([...mangled.visibleLayers]).toEqual(['towns']);
  });

  it('uses the remembered language when the URL names none', () => {
    expect(parseViewState('?region=huzhou', 'en').locale).toBe('en');
    expect(parseViewState('?lang=zh-CN', 'en').locale).toBe('zh-CN');
  });

  it('rejects cameras outside what the map can show', () => {
    expect(parseViewState('?view=30/30/120').camera).toBeNull();
    expect(parseViewState('?view=9/95/120').camera).toBeNull();
    expect(parseViewState('?view=9/30').camera).toBeNull();
  });

  it('keeps parameters owned by other features and omits default layers', () => {
    const search = serializeViewState(DEFAULT_VIEW_STATE, '?indicator=tax_per_mu');
    expect(search).toBe('?indicator=tax_per_mu&region=huzhou&lang=zh-CN');
  });

  it('toggles one layer group without touching the original set', () => {
    const all = DEFAULT_VIEW_STATE.visibleLayers;
    const withoutTowns = withLayerVisibility(all, 'towns', false);
    expect(withoutTowns.has('towns')).toBe(false);
    expect(all.has('towns')).toBe(true);
    expect(withLayerVisibility(withoutTowns, 'towns', true).has('towns')).toBe(true);
  });

  it('starts with the places groups hidden and the basemap groups shown', () => {
    const layers = DEFAULT_VIEW_STATE.visibleLayers;
    for (const group of PLACE_LAYER_GROUPS) expect(layers.has(group)).toBe(false);
    for (const group of ['districts', 'functionalZones', 'towns', 'water', 'prefectures'] as const)
      expect(layers.has(group)).toBe(true);
    expect(serializeViewState(DEFAULT_VIEW_STATE)).not.toContain('layers=');
  });

  it('reads URLs written before the places groups existed as the same map', () => {
    const old = parseViewState('?layers=districts,water');
    expect([...old.visibleLayers].sort()).toEqual(['districts', 'water']);
    expect(serializeViewState(old)).toContain('layers=districts,water');
  });

  it('round-trips places groups turned on, in panel order', () => {
    const on = withLayerVisibility(
      withLayerVisibility(DEFAULT_VIEW_STATE.visibleLayers, 'projects', true),
      'enterprises',
      true,
    );
    const search = serializeViewState({ ...DEFAULT_VIEW_STATE, visibleLayers: on });
    expect(search).toContain(
      'layers=districts,functionalZones,towns,water,prefectures,enterprises,projects',
    );
    expect(parseViewState(search).visibleLayers).toEqual(on);
    expect(isPlaceLayerGroup('enterprises')).toBe(true);
    expect(isPlaceLayerGroup('towns')).toBe(false);
  });
});

describe('selected zone in the URL', () => {
  it('round-trips a zone id and keeps the other parameters', () => {
    const search = withSelectedZone('?region=huzhou&lang=en', 'z-1a2B');
    expect(parseSelectedZone(search)).toBe('z-1a2B');
    expect(new URLSearchParams(search).get('lang')).toBe('en');
    expect(parseSelectedZone(withSelectedZone(search, null))).toBeNull();
  });

  it('ignores a hand-edited id that no zone can have', () => {
    expect(parseSelectedZone('?zone=%3Cscript%3E')).toBeNull();
    expect(parseSelectedZone('?zone=')).toBeNull();
  });
});
