import 'maplibre-gl/dist/maplibre-gl.css';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { BoundsLonLat } from '../domain/regions.ts';
import {
  LAYER_GROUPS,
  type CameraView,
  type LayerGroup,
  type Locale,
} from '../domain/view-state.ts';
import {
  buildBasemapStyle,
  districtPaint,
  labelText,
  schematicLabelText,
} from './basemap.style.ts';
import { LAYER_IDS, LAYERS_OF_GROUP } from './layer-ids.ts';
import { registerPmtilesProtocol } from './pmtiles-protocol.ts';

/** System CJK fonts MapLibre draws Chinese glyphs with, so no CJK glyph files are shipped. */
export const CJK_FONT_FAMILY =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export interface MapInit {
  container: HTMLElement;
  locale: Locale;
  schematicSuffix: string;
  attribution: string;
  activeCityCode: string;
  visibleLayers: ReadonlySet<LayerGroup>;
  /** The saved camera, or null to frame `regionBounds`. */
  camera: CameraView | null;
  regionBounds: BoundsLonLat;
}

const FRAME_PADDING_PX = 40;

/** Resolves a path under the app's base URL, so the app works from any static host folder. */
function assetUrl(path: string): string {
  return new URL(`${import.meta.env.BASE_URL}${path}`, window.location.href).href;
}

/**
 * Owns the one MapLibre map: the UI feeds it state and reads back camera, busy and error.
 * Every method is safe to call before the style has loaded.
 */
export class MapController {
  /** True while tiles load or the camera moves; mirrors into `aria-busy`. */
  busy = $state(true);
  /** A message-free error code plus detail for the UI to word. */
  error = $state.raw<{ kind: 'webgl' | 'data'; detail: string } | null>(null);
  /** The camera after the last completed move. */
  camera = $state.raw<CameraView | null>(null);

  #map: MapLibreMap | null = null;
  #styleReady = false;
  #pendingStyleWork: (() => void)[] = [];

  /** Creates the map in a container; returns the cleanup that removes it. */
  mount(init: MapInit): () => void {
    registerPmtilesProtocol();
    setWorkerUrl(workerUrl);
    const style = buildBasemapStyle({
      tilesUrl: `pmtiles://${assetUrl('tiles/muatlas.pmtiles')}`,
      glyphsUrl: `${assetUrl('fonts')}/{fontstack}/{range}.pbf`,
      locale: init.locale,
      schematicSuffix: init.schematicSuffix,
      activeCityCode: init.activeCityCode,
      visibleLayers: init.visibleLayers,
    });
    const [west, south, east, north] = init.regionBounds;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: init.container,
        style,
        localIdeographFontFamily: CJK_FONT_FAMILY,
        attributionControl: false,
        ...(init.camera
          ? { center: [init.camera.lon, init.camera.lat], zoom: init.camera.zoom }
          : {
              bounds: [west, south, east, north],
              fitBoundsOptions: { padding: FRAME_PADDING_PX },
            }),
        maxBounds: [
          [112, 24],
          [128, 36],
        ],
        minZoom: 5,
        maxZoom: 16,
        dragRotate: false,
        pitchWithRotate: false,
      });
    } catch (e) {
      this.error = { kind: 'webgl', detail: e instanceof Error ? e.message : String(e) };
      this.busy = false;
      return () => {};
    }
    this.#map = map;
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    map.addControl(
      new AttributionControl({ compact: true, customAttribution: init.attribution }),
      'bottom-right',
    );
    map.once('style.load', () => {
      this.#styleReady = true;
      for (const work of this.#pendingStyleWork.splice(0)) work();
    });
    map.on('movestart', () => (this.busy = true));
    map.on('dataloading', () => (this.busy = true));
    map.on('idle', () => (this.busy = false));
    map.on('moveend', () => (this.camera = this.#readCamera()));
    map.on('error', (event) => {
      this.error = { kind: 'data', detail: event.error?.message ?? 'unknown' };
    });
    return () => {
      map.remove();
      this.#map = null;
      this.#styleReady = false;
      this.#pendingStyleWork = [];
    };
  }

  /** Frames a city, emphasising its districts. */
  showRegion(activeCityCode: string, bounds: BoundsLonLat): void {
    const map = this.#map;
    if (!map) return;
    const paint = districtPaint(activeCityCode);
    this.#whenStyled(() => {
      map.setPaintProperty(LAYER_IDS.districtFill, 'fill-color', paint.fill['fill-color']);
      map.setPaintProperty(LAYER_IDS.districtLine, 'line-color', paint.line['line-color']);
      map.setPaintProperty(LAYER_IDS.districtLine, 'line-width', paint.line['line-width']);
      map.setPaintProperty(LAYER_IDS.districtLabel, 'text-color', paint.label['text-color']);
    });
    const [west, south, east, north] = bounds;
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: FRAME_PADDING_PX, duration: 800 },
    );
  }

  /** Switches map labels to a language. */
  setLocale(locale: Locale, schematicSuffix: string): void {
    const map = this.#map;
    if (!map) return;
    this.#whenStyled(() => {
      for (const id of [LAYER_IDS.districtLabel, LAYER_IDS.townLabel, LAYER_IDS.prefectureLabel]) {
        map.setLayoutProperty(id, 'text-field', labelText(locale));
      }
      map.setLayoutProperty(
        LAYER_IDS.functionalZoneLabel,
        'text-field',
        schematicLabelText(locale, schematicSuffix),
      );
    });
  }

  /** Shows exactly the given layer groups. */
  setVisibleLayers(visible: ReadonlySet<LayerGroup>): void {
    const map = this.#map;
    if (!map) return;
    this.#whenStyled(() => {
      for (const group of LAYER_GROUPS) {
        for (const id of LAYERS_OF_GROUP[group]) {
          map.setLayoutProperty(id, 'visibility', visible.has(group) ? 'visible' : 'none');
        }
      }
    });
  }

  #readCamera(): CameraView | null {
    const map = this.#map;
    if (!map) return null;
    const center = map.getCenter();
    return { zoom: map.getZoom(), lat: center.lat, lon: center.lng };
  }

  /**
   * Style setters throw before the style is parsed; queue them until it is. (`isStyleLoaded`
   * is no guide: it stays false while tiles load, long after the style itself is usable.)
   */
  #whenStyled(apply: () => void): void {
    if (this.#styleReady) apply();
    else this.#pendingStyleWork.push(apply);
  }
}
