import type { LayerGroup } from '../domain/view-state.ts';

/** The one vector source: the embedded PMTiles archive built by `npm run geodata`. */
export const BASEMAP_SOURCE_ID = 'muatlas';

/** Source-layer names inside the archive (geodata/README.md documents them). */
export const SOURCE_LAYERS = {
  land: 'land',
  prefectures: 'prefectures',
  prefectureLabels: 'prefecture_labels',
  districts: 'districts',
  districtLabels: 'district_labels',
  functionalZones: 'functional_zones',
  water: 'water',
  rivers: 'rivers',
  towns: 'towns',
} as const;

/** Style layer ids, namespaced so later features never collide with them. */
export const LAYER_IDS = {
  background: 'base-background',
  land: 'base-land',
  prefectureFill: 'prefecture-fill',
  prefectureLine: 'prefecture-line',
  prefectureLabel: 'prefecture-label',
  water: 'water-fill',
  rivers: 'river-line',
  districtFill: 'district-fill',
  districtLine: 'district-line',
  districtHighlight: 'district-highlight',
  districtLabel: 'district-label',
  townDot: 'town-dot',
  townLabel: 'town-label',
  functionalZoneHalo: 'functional-zone-halo',
  functionalZoneLabel: 'functional-zone-label',
} as const;

/** Which style layers each toggle in the layer panel shows and hides. */
export const LAYERS_OF_GROUP: Record<LayerGroup, readonly string[]> = {
  districts: [
    LAYER_IDS.districtFill,
    LAYER_IDS.districtLine,
    LAYER_IDS.districtHighlight,
    LAYER_IDS.districtLabel,
  ],
  functionalZones: [LAYER_IDS.functionalZoneHalo, LAYER_IDS.functionalZoneLabel],
  towns: [LAYER_IDS.townDot, LAYER_IDS.townLabel],
  water: [LAYER_IDS.water, LAYER_IDS.rivers],
  prefectures: [LAYER_IDS.prefectureFill, LAYER_IDS.prefectureLine, LAYER_IDS.prefectureLabel],
  // The places groups are not part of the basemap style: places.layer.ts adds their layers
  // once the places data has loaded and shows and hides them itself.
  parks: [],
  specialtyTowns: [],
  enterprises: [],
  projects: [],
  enterpriseDensity: [],
  industryHulls: [],
};

/** Feature-state keys on district features: thematic fill, pointer hover, selection. */
export const DISTRICT_STATE = {
  fill: 'fill',
  hover: 'hover',
  selected: 'selected',
} as const;
