import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { LAYER_GROUPS, type LayerGroup, type Locale } from '../domain/view-state.ts';
import {
  BASEMAP_SOURCE_ID,
  DISTRICT_STATE,
  LAYER_IDS,
  LAYERS_OF_GROUP,
  SOURCE_LAYERS,
} from './layer-ids.ts';
import { LIGHT_PALETTE, type BasemapPalette } from './palette.ts';

export interface BasemapStyleOptions {
  /** A `pmtiles://` URL of the embedded archive. */
  tilesUrl: string;
  /** Glyph URL template with `{fontstack}` and `{range}`. */
  glyphsUrl: string;
  locale: Locale;
  /** Suffix marking a schematic (non-official) place, from the i18n dictionary. */
  schematicSuffix: string;
  /** GB/T 2260 code of the city in focus; its districts are drawn stronger. */
  activeCityCode?: string;
  visibleLayers?: ReadonlySet<LayerGroup>;
  palette?: BasemapPalette;
}

/** Latin glyphs ship with the app; CJK is drawn from the system font (see map controller). */
export const LABEL_FONT = ['Noto Sans Regular'];

/** The label text for a locale: English falls back to Chinese where a name has no translation. */
export function labelText(locale: Locale): ExpressionSpecification {
  return locale === 'en'
    ? ['coalesce', ['get', 'name_en'], ['get', 'name_zh']]
    : ['coalesce', ['get', 'name_zh'], ['get', 'name_en']];
}

/** Schematic places say so in their label, in the reader's language. */
export function schematicLabelText(locale: Locale, suffix: string): ExpressionSpecification {
  return ['concat', labelText(locale), suffix];
}

function byActiveCity(
  activeCityCode: string,
  active: string | number,
  other: string | number,
): ExpressionSpecification {
  return ['case', ['==', ['get', 'city_code'], activeCityCode], active, other];
}

/**
 * District paint that emphasises the city in focus; reapplied when the region changes. A
 * thematic colour in feature-state (a choropleth) wins over the plain fill, so recolouring
 * never re-uploads geometry.
 */
export function districtPaint(activeCityCode: string, palette: BasemapPalette = LIGHT_PALETTE) {
  return {
    fill: {
      'fill-color': [
        'to-color',
        [
          'coalesce',
          ['feature-state', DISTRICT_STATE.fill],
          byActiveCity(activeCityCode, palette.districtFillActive, palette.districtFillOther),
        ],
      ] as ExpressionSpecification,
    },
    line: {
      'line-color': byActiveCity(
        activeCityCode,
        palette.districtLineActive,
        palette.districtLineOther,
      ),
      'line-width': [
        'interpolate',
        ['linear'],
        ['zoom'],
        7,
        byActiveCity(activeCityCode, 1.2, 0.6),
        11,
        byActiveCity(activeCityCode, 2.4, 1),
      ] as ExpressionSpecification,
    },
    label: {
      'text-color': byActiveCity(activeCityCode, palette.labelText, palette.labelMuted),
    },
  };
}

/**
 * The embedded basemap as a MapLibre style: a pure function of its options, so the app, the
 * benchmark's bare page and the tests all draw the same map.
 */
export function buildBasemapStyle(options: BasemapStyleOptions): StyleSpecification {
  const palette = options.palette ?? LIGHT_PALETTE;
  const activeCityCode = options.activeCityCode ?? '330500';
  const visible = options.visibleLayers ?? new Set(LAYER_GROUPS);
  const hiddenLayerIds = new Set(
    LAYER_GROUPS.filter((g) => !visible.has(g)).flatMap((g) => LAYERS_OF_GROUP[g]),
  );
  const text = labelText(options.locale);
  const districts = districtPaint(activeCityCode, palette);
  const source = BASEMAP_SOURCE_ID;
  const halo = { 'text-halo-color': palette.labelHalo, 'text-halo-width': 1.4 };

  const layers: LayerSpecification[] = [
    { id: LAYER_IDS.background, type: 'background', paint: { 'background-color': palette.sea } },
    {
      id: LAYER_IDS.land,
      type: 'fill',
      source,
      'source-layer': SOURCE_LAYERS.land,
      paint: { 'fill-color': palette.land },
    },
    {
      id: LAYER_IDS.prefectureFill,
      type: 'fill',
      source,
      'source-layer': SOURCE_LAYERS.prefectures,
      paint: { 'fill-color': palette.zhejiang },
    },
    {
      id: LAYER_IDS.districtFill,
      type: 'fill',
      source,
      'source-layer': SOURCE_LAYERS.districts,
      paint: districts.fill,
    },
    {
      id: LAYER_IDS.water,
      type: 'fill',
      source,
      'source-layer': SOURCE_LAYERS.water,
      // Sea polygons cover the inner Hangzhou Bay where the land outlines overreach; they
      // take the background's colour so the coast shows no seam.
      paint: { 'fill-color': ['match', ['get', 'kind'], 'sea', palette.sea, palette.water] },
    },
    {
      id: LAYER_IDS.rivers,
      type: 'line',
      source,
      'source-layer': SOURCE_LAYERS.rivers,
      paint: {
        'line-color': palette.river,
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.6, 11, 2],
      },
    },
    {
      id: LAYER_IDS.prefectureLine,
      type: 'line',
      source,
      'source-layer': SOURCE_LAYERS.prefectures,
      paint: { 'line-color': palette.prefectureLine, 'line-width': 1, 'line-dasharray': [3, 2] },
    },
    {
      id: LAYER_IDS.districtLine,
      type: 'line',
      source,
      'source-layer': SOURCE_LAYERS.districts,
      layout: { 'line-join': 'round' },
      paint: districts.line,
    },
    {
      id: LAYER_IDS.districtHighlight,
      type: 'line',
      source,
      'source-layer': SOURCE_LAYERS.districts,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': palette.highlight,
        'line-width': [
          'case',
          ['boolean', ['feature-state', DISTRICT_STATE.selected], false],
          3.5,
          ['boolean', ['feature-state', DISTRICT_STATE.hover], false],
          2.5,
          0,
        ],
      },
    },
    {
      id: LAYER_IDS.townDot,
      type: 'circle',
      source,
      'source-layer': SOURCE_LAYERS.towns,
      minzoom: 8,
      filter: ['<=', ['get', 'rank'], ['step', ['zoom'], 2, 9, 3, 10, 99]],
      paint: {
        'circle-radius': 2.5,
        'circle-color': palette.town,
        'circle-stroke-color': palette.labelHalo,
        'circle-stroke-width': 1,
      },
    },
    {
      id: LAYER_IDS.townLabel,
      type: 'symbol',
      source,
      'source-layer': SOURCE_LAYERS.towns,
      minzoom: 8,
      filter: ['<=', ['get', 'rank'], ['step', ['zoom'], 2, 9, 3, 10, 99]],
      layout: {
        'text-field': text,
        'text-font': LABEL_FONT,
        'text-size': 12,
        'text-offset': [0, 0.9],
        'text-anchor': 'top',
      },
      paint: { 'text-color': palette.labelMuted, ...halo },
    },
    {
      id: LAYER_IDS.functionalZoneHalo,
      type: 'circle',
      source,
      'source-layer': SOURCE_LAYERS.functionalZones,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 6, 11, 16],
        'circle-color': [
          'to-color',
          ['coalesce', ['feature-state', DISTRICT_STATE.fill], palette.schematic],
        ],
        'circle-opacity': ['case', ['!=', ['feature-state', DISTRICT_STATE.fill], null], 0.9, 0.15],
        'circle-stroke-color': palette.schematic,
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: LAYER_IDS.functionalZoneLabel,
      type: 'symbol',
      source,
      'source-layer': SOURCE_LAYERS.functionalZones,
      layout: {
        'text-field': schematicLabelText(options.locale, options.schematicSuffix),
        'text-font': LABEL_FONT,
        'text-size': 12,
        'text-offset': [0, 1.4],
        'text-anchor': 'top',
      },
      paint: { 'text-color': palette.schematic, ...halo },
    },
    {
      id: LAYER_IDS.districtLabel,
      type: 'symbol',
      source,
      'source-layer': SOURCE_LAYERS.districtLabels,
      layout: {
        'text-field': text,
        'text-font': LABEL_FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 7, 12, 11, 16],
        'text-max-width': 8,
      },
      paint: { ...districts.label, ...halo },
    },
    {
      id: LAYER_IDS.prefectureLabel,
      type: 'symbol',
      source,
      'source-layer': SOURCE_LAYERS.prefectureLabels,
      maxzoom: 8.5,
      layout: { 'text-field': text, 'text-font': LABEL_FONT, 'text-size': 13 },
      paint: { 'text-color': palette.labelMuted, ...halo },
    },
  ];

  return {
    version: 8,
    glyphs: options.glyphsUrl,
    sources: { [source]: { type: 'vector', url: options.tilesUrl, promoteId: 'code' } },
    layers: layers.map((layer) =>
      hiddenLayerIds.has(layer.id)
        ? ({ ...layer, layout: { ...layer.layout, visibility: 'none' } } as LayerSpecification)
        : layer,
    ),
  };
}
