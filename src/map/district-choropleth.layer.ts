import type { Map as MapLibreMap } from 'maplibre-gl';
import { BASEMAP_SOURCE_ID, DISTRICT_STATE, SOURCE_LAYERS } from './layer-ids.ts';

/** The part of the map these helpers touch, so they stay easy to reason about. */
export type FeatureStateTarget = Pick<MapLibreMap, 'setFeatureState' | 'removeFeatureState'>;

/** The empty set of coloured districts, before any choropleth is drawn. */
export const NO_DISTRICTS: ReadonlySet<string> = new Set();

const districtFeature = (code: string) => ({
  source: BASEMAP_SOURCE_ID,
  sourceLayer: SOURCE_LAYERS.districts,
  id: code,
});

/** Functional zones (南太湖新区) are schematic points, coloured like districts. */
const zoneFeature = (code: string) => ({
  source: BASEMAP_SOURCE_ID,
  sourceLayer: SOURCE_LAYERS.functionalZones,
  id: code,
});

/**
 * Colours districts through feature-state (no geometry re-upload); districts coloured before
 * but absent now fall back to the plain basemap fill. Returns the codes now coloured.
 */
export function applyDistrictFills(
  map: FeatureStateTarget,
  previouslyFilled: ReadonlySet<string>,
  fillByCode: ReadonlyMap<string, string>,
): ReadonlySet<string> {
  for (const code of previouslyFilled) {
    if (fillByCode.has(code)) continue;
    map.removeFeatureState(districtFeature(code), DISTRICT_STATE.fill);
    map.removeFeatureState(zoneFeature(code), DISTRICT_STATE.fill);
  }
  for (const [code, colour] of fillByCode) {
    // A code is either a district polygon or a zone point; state on the other is inert.
    map.setFeatureState(districtFeature(code), { [DISTRICT_STATE.fill]: colour });
    map.setFeatureState(zoneFeature(code), { [DISTRICT_STATE.fill]: colour });
  }
  return new Set(fillByCode.keys());
}

/** Moves a boolean flag (hover, selected) from one district to another. */
export function moveDistrictFlag(
  map: FeatureStateTarget,
  flag: typeof DISTRICT_STATE.hover | typeof DISTRICT_STATE.selected,
  from: string | null,
  to: string | null,
): void {
  if (from === to) return;
  if (from !== null) map.setFeatureState(districtFeature(from), { [flag]: false });
  if (to !== null) map.setFeatureState(districtFeature(to), { [flag]: true });
}
