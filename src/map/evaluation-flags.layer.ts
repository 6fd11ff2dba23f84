/**
 * Rings around the enterprises the per-mu evaluation flags as 高耗低效, drawn over the imported
 * layer's class colours. The rings have a source of their own (a copy of the flagged records'
 * geometry, a few dozen features), so they never hold on to the imported layers' sources, which
 * go when a layer is deleted.
 */

import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { FLAGGED_OUTLINE_COLOUR } from '../domain/evaluation/class-colours.ts';

/** The rings' source and style layer ids. */
export const EVALUATION_FLAG_IDS = {
  source: 'evaluation-flags',
  ring: 'evaluation-flag-ring',
  parcelOutline: 'evaluation-flag-parcel-outline',
} as const;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Rings flagged enterprises; `remove()` takes the source and layers away again. */
export class EvaluationFlagsLayer {
  readonly #map: MapLibreMap;

  constructor(map: MapLibreMap) {
    this.#map = map;
    map.addSource(EVALUATION_FLAG_IDS.source, { type: 'geojson', data: EMPTY });
    map.addLayer({
      id: EVALUATION_FLAG_IDS.parcelOutline,
      type: 'line',
      source: EVALUATION_FLAG_IDS.source,
      filter: ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false],
      paint: { 'line-color': FLAGGED_OUTLINE_COLOUR, 'line-width': 3 },
    });
    map.addLayer({
      id: EVALUATION_FLAG_IDS.ring,
      type: 'circle',
      source: EVALUATION_FLAG_IDS.source,
      filter: ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false],
      paint: {
        // A hollow ring a little wider than the imported point, so its class colour shows inside.
        'circle-opacity': 0,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 6, 14, 9],
        'circle-stroke-color': FLAGGED_OUTLINE_COLOUR,
        'circle-stroke-width': 2.5,
      },
    });
  }

  /** Rings exactly these geometries (the flagged records'); an empty list clears them. */
  setFlagged(geometries: readonly Geometry[]): void {
    const features: Feature[] = geometries.map((geometry) => ({
      type: 'Feature',
      geometry,
      properties: {},
    }));
    this.#map
      .getSource<GeoJSONSource>(EVALUATION_FLAG_IDS.source)
      ?.setData({ type: 'FeatureCollection', features });
  }

  /** Shows or hides the rings (with the evaluated layer's own visibility). */
  setVisible(visible: boolean): void {
    for (const id of [EVALUATION_FLAG_IDS.parcelOutline, EVALUATION_FLAG_IDS.ring]) {
      this.#map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    }
  }

  remove(): void {
    const map = this.#map;
    for (const id of [EVALUATION_FLAG_IDS.ring, EVALUATION_FLAG_IDS.parcelOutline]) {
      if (map.getLayer(id)) map.removeLayer(id);
    }
    if (map.getSource(EVALUATION_FLAG_IDS.source)) map.removeSource(EVALUATION_FLAG_IDS.source);
  }
}
