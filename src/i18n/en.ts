import type { Messages } from './zh-CN.ts';
import { actualsEn } from './actuals.en.ts';
import { briefingsEn } from './briefings.en.ts';
import { correctionsEn } from './corrections.en.ts';
import { dataEn } from './data.en.ts';
import { evaluationEn } from './evaluation.en.ts';
import { heatmapEn } from './heatmap.en.ts';
import { importsEn } from './imports.en.ts';
import { placesEn } from './places.en.ts';
import { shaoxingEn } from './shaoxing.en.ts';
import { zonesEn } from './zones.en.ts';

export const en: Messages = {
  app: {
    title: 'MuAtlas',
    subtitle: 'Industrial land and clusters',
    skipToMap: 'Skip to map',
  },
  region: {
    label: 'Region',
    huzhou: 'Huzhou',
    shaoxing: 'Shaoxing',
  },
  language: {
    switchLabel: 'Switch language',
    other: '中文',
  },
  map: {
    label: 'Map',
    loading: 'Loading map…',
    loadFailed: 'Map data failed to load: {detail}',
    attribution:
      'Map data: echarts admin boundaries (GCJ-02 converted) · GeoNames (CC BY 4.0) · Natural Earth · © OpenStreetMap contributors (ODbL)',
    webglMissing: 'This browser cannot show the map (WebGL is required).',
  },
  layers: {
    title: 'Layers',
    districts: 'District boundaries',
    functionalZones: 'Functional zones (schematic)',
    towns: 'Towns',
    water: 'Water',
    prefectures: 'Zhejiang prefectures',
    parks: 'Parks and platforms',
    specialtyTowns: 'Specialty towns and clusters',
    enterprises: 'Key enterprises',
    projects: 'Key projects',
    enterpriseDensity: 'Enterprise density',
    industryHulls: 'Industry cluster extents',
    schematicSuffix: ' (schematic)',
    schematicNote:
      'South Taihu New Area has no official boundary; it is shown as a schematic point.',
  },
  sources: {
    open: 'Data sources',
    title: 'Data sources and licences',
    close: 'Close',
    mapData: 'Map data',
    layer: 'Layer',
    source: 'Source',
    licence: 'Licence',
    vintage: 'Vintage',
    notes: 'Notes',
    archive: 'Tile archive',
    archiveSize: 'Size',
    noNetwork: 'This app reads only the data shipped with it and sends nothing off this machine.',
    loadFailed: 'Could not read the data manifest: {detail}',
  },
  heatmap: heatmapEn,
  shaoxing: shaoxingEn,
  actuals: actualsEn,
  corrections: correctionsEn,
  evaluation: evaluationEn,
  places: placesEn,
  briefings: briefingsEn,
  zones: zonesEn,
  imports: importsEn,
  data: dataEn,
  units: {
    byte: 'bytes',
    kilobyte: 'KB',
    megabyte: 'MB',
  },
};
