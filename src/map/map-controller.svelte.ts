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
import { applyDistrictFills, moveDistrictFlag, NO_DISTRICTS } from './district-choropleth.layer.ts';
import { DISTRICT_STATE, LAYER_IDS, LAYERS_OF_GROUP } from './layer-ids.ts';
import type { MapImageOptions } from './map-image.ts';
import { startPlaceDrag, type PlaceDragOptions } from './place-drag.ts';
import type { EvaluationFlagsLayer } from './evaluation-flags.layer.ts';
import type { ImportedLayersLayer, ImportedLayersLayerOptions } from './imported-layers.layer.ts';
import type { PlacesLayer, PlacesLayerOptions } from './places.layer.ts';
import type { ZoneDraw, ZoneDrawOptions } from './zone-draw.ts';
import type { ZonesLayer, ZonesLayerOptions } from './zones.layer.ts';
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

/**
 * Room kept clear when framing a region: on wide screens panel columns cover the map's
 * sides, so the region is framed in the space between them.
 */
function framePadding(container: HTMLElement) {
  const side = 40;
  const panelColumnPx = 340;
  const wide = container.clientWidth > 3.2 * panelColumnPx;
  const column = wide ? panelColumnPx : side;
  return { top: side, bottom: side, right: column, left: column };
}

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
  /** The district under the pointer, by code. */
  pointerDistrictCode = $state<string | null>(null);
  /** Screen position of the pointer over the map, for hover cards. */
  pointerPx = $state.raw<{ x: number; y: number } | null>(null);

  #map: MapLibreMap | null = null;
  #styleReady = false;
  #pendingStyleWork: (() => void)[] = [];
  #filledDistricts: ReadonlySet<string> = NO_DISTRICTS;
  #attribution: AttributionControl | null = null;
  #hoverFlagCode: string | null = null;
  #selectedFlagCode: string | null = null;
  #districtClickListeners: ((code: string | null) => void)[] = [];
  #places: PlacesLayer | null = null;
  #imported: ImportedLayersLayer | null = null;
  #zones: ZonesLayer | null = null;
  #zoneDraw: ZoneDraw | null = null;

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
              fitBoundsOptions: { padding: framePadding(init.container) },
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
    map.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    this.#attribution = new AttributionControl({
      compact: true,
      customAttribution: init.attribution,
    });
    map.addControl(this.#attribution, 'bottom-right');
    map.once('style.load', () => {
      this.#styleReady = true;
      for (const work of this.#pendingStyleWork.splice(0)) work();
    });
    map.on('movestart', () => (this.busy = true));
    map.on('dataloading', () => (this.busy = true));
    map.on('idle', () => (this.busy = false));
    map.on('moveend', () => (this.camera = this.#readCamera()));
    map.on('mousemove', LAYER_IDS.districtFill, (event) => {
      const id = event.features?.[0]?.id;
      this.pointerDistrictCode = id === undefined ? null : String(id);
      this.pointerPx = { x: event.point.x, y: event.point.y };
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', LAYER_IDS.districtFill, () => {
      this.pointerDistrictCode = null;
      this.pointerPx = null;
      map.getCanvas().style.cursor = '';
    });
    map.on('click', (event) => {
      // A click on a place belongs to the place (its card), not to the district beneath it.
      if (this.#places?.hitsPlace(event.point)) return;
      if (this.#imported?.hits(event.point)) return;
      // Likewise a click on a renewal zone selects the zone, and drawing clicks select nothing.
      if (this.#zones?.zoneAt(event.point) || (this.#zoneDraw && this.#zoneDraw.mode !== 'idle'))
        return;
      const [feature] = map.queryRenderedFeatures(event.point, {
        layers: [LAYER_IDS.districtFill],
      });
      const code = feature?.id === undefined ? null : String(feature.id);
      for (const listener of this.#districtClickListeners) listener(code);
    });
    map.on('error', (event) => {
      this.error = { kind: 'data', detail: event.error?.message ?? 'unknown' };
    });
    return () => {
      map.remove();
      this.#map = null;
      this.#styleReady = false;
      this.#pendingStyleWork = [];
      this.#filledDistricts = NO_DISTRICTS;
      this.#hoverFlagCode = null;
      this.#selectedFlagCode = null;
      this.#attribution = null;
      this.#places = null;
      this.#imported = null;
      this.#zones = null;
      this.#zoneDraw = null;
    };
  }

  /**
   * Draws the saved renewal zones and sets up terra-draw for drawing one (both loaded on first
   * use: the zones tab). Resolves with both, or null without a map; each has its `remove()`.
   */
  async mountZones(
    layerOptions: Omit<ZonesLayerOptions, 'fontStack'>,
    drawOptions: ZoneDrawOptions,
  ): Promise<{ layer: ZonesLayer; draw: ZoneDraw } | null> {
    const [{ ZonesLayer }, { ZoneDraw }, { LABEL_FONT }] = await Promise.all([
      import('./zones.layer.ts'),
      import('./zone-draw.ts'),
      import('./basemap.style.ts'),
    ]);
    const map = this.#map;
    if (!map) return null;
    await new Promise<void>((resolve) => this.#whenStyled(resolve));
    if (this.#map !== map) return null;
    this.#markRedrawing(map);
    const layer = new ZonesLayer(map, { ...layerOptions, fontStack: [...LABEL_FONT] });
    const draw = new ZoneDraw(map, drawOptions);
    this.#zones = layer;
    this.#zoneDraw = draw;
    const removeLayer = layer.remove.bind(layer);
    layer.remove = () => {
      if (this.#zones === layer) this.#zones = null;
      if (this.#map === map) removeLayer();
    };
    const removeDraw = draw.remove.bind(draw);
    draw.remove = () => {
      if (this.#zoneDraw === draw) this.#zoneDraw = null;
      if (this.#map === map) removeDraw();
    };
    return { layer, draw };
  }

  /**
   * Draws the seeds' places (places.layer.ts, loaded on first use so the basemap's bundle stays
   * small). Resolves with the layer to feed filters and highlights, or null without a map;
   * `remove()` on it is the cleanup.
   */
  async mountPlaces(options: PlacesLayerOptions): Promise<PlacesLayer | null> {
    const { PlacesLayer } = await import('./places.layer.ts');
    const map = this.#map;
    if (!map) return null;
    await new Promise<void>((resolve) => this.#whenStyled(resolve));
    if (this.#map !== map) return null;
    this.#markRedrawing(map);
    const layer = new PlacesLayer(map, options);
    this.#places = layer;
    const remove = layer.remove.bind(layer);
    layer.remove = () => {
      if (this.#places === layer) this.#places = null;
      if (this.#map === map) remove();
    };
    return layer;
  }

  /**
   * Draws the user's imported layers (imported-layers.layer.ts, loaded on first use). Resolves
   * with the layer to feed data, visibility and colours, or null without a map; `remove()` on
   * it is the cleanup.
   */
  async mountImportedLayers(
    options: ImportedLayersLayerOptions,
  ): Promise<ImportedLayersLayer | null> {
    const { ImportedLayersLayer } = await import('./imported-layers.layer.ts');
    const map = this.#map;
    if (!map) return null;
    await new Promise<void>((resolve) => this.#whenStyled(resolve));
    if (this.#map !== map) return null;
    this.#markRedrawing(map);
    const layer = new ImportedLayersLayer(map, options);
    this.#imported = layer;
    const remove = layer.remove.bind(layer);
    layer.remove = () => {
      if (this.#imported === layer) this.#imported = null;
      if (this.#map === map) remove();
    };
    return layer;
  }

  /**
   * Rings the enterprises the per-mu evaluation flags (evaluation-flags.layer.ts, loaded on first
   * use). Resolves with the layer, or null without a map; `remove()` on it is the cleanup.
   */
  async mountEvaluationFlags(): Promise<EvaluationFlagsLayer | null> {
    const { EvaluationFlagsLayer } = await import('./evaluation-flags.layer.ts');
    const map = this.#map;
    if (!map) return null;
    await new Promise<void>((resolve) => this.#whenStyled(resolve));
    if (this.#map !== map) return null;
    const layer = new EvaluationFlagsLayer(map);
    const remove = layer.remove.bind(layer);
    layer.remove = () => {
      if (this.#map === map) remove();
    };
    return layer;
  }

  /** Centres the map on a point, zooming in to at least `minZoom`. */
  flyTo(lon: number, lat: number, minZoom = 11): void {
    const map = this.#map;
    if (!map) return;
    map.flyTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), minZoom), duration: 800 });
  }

  /**
   * Moves to a saved view (a briefing slide): its camera, or the region's framing when it has
   * none; `durationMs` 0 jumps.
   */
  showView(camera: CameraView | null, regionBounds: BoundsLonLat, durationMs: number): void {
    const map = this.#map;
    if (!map) return;
    if (camera) {
      map.flyTo({ center: [camera.lon, camera.lat], zoom: camera.zoom, duration: durationMs });
      return;
    }
    const [west, south, east, north] = regionBounds;
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: framePadding(map.getContainer()), duration: durationMs },
    );
  }

  /** What the map shows now (west, south, east, north), or null before it exists. */
  viewBounds(): BoundsLonLat | null {
    const bounds = this.#map?.getBounds();
    return bounds
      ? [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
      : null;
  }

  /** A small picture of the map as drawn now (map-thumbnail.ts, loaded on first use). */
  async captureThumbnail(): Promise<string | null> {
    const map = this.#map;
    if (!map) return null;
    const { captureThumbnail } = await import('./map-thumbnail.ts');
    return captureThumbnail(map);
  }

  /** Draws the current view at a chosen pixel size (map-image.ts, loaded on first use). */
  async renderImage(options: MapImageOptions): Promise<HTMLCanvasElement | null> {
    const map = this.#map;
    if (!map) return null;
    const { renderMapImage } = await import('./map-image.ts');
    return renderMapImage(map, options);
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
      { padding: framePadding(map.getContainer()), duration: 800 },
    );
  }

  /** Switches map labels and the data credit to a language. */
  setLocale(locale: Locale, schematicSuffix: string, attribution: string): void {
    const map = this.#map;
    if (!map) return;
    if (this.#attribution) {
      // The control has no setter for its text; a fresh one replaces it in the same corner.
      map.removeControl(this.#attribution);
      this.#attribution = new AttributionControl({ compact: true, customAttribution: attribution });
      map.addControl(this.#attribution, 'bottom-right');
    }
    this.#whenStyled(() => {
      this.#markRedrawing(map);
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
      this.#markRedrawing(map);
      for (const group of LAYER_GROUPS) {
        for (const id of LAYERS_OF_GROUP[group]) {
          map.setLayoutProperty(id, 'visibility', visible.has(group) ? 'visible' : 'none');
        }
      }
    });
  }

  /** Puts a draggable marker on one place so the user can move it; returns its cleanup. */
  dragPlace(options: PlaceDragOptions): () => void {
    return this.#map ? startPlaceDrag(this.#map, options) : () => {};
  }

  /** Colours districts (a choropleth); districts left out return to the plain fill. */
  setDistrictFills(fillByCode: ReadonlyMap<string, string>): void {
    const map = this.#map;
    if (!map) return;
    this.#whenStyled(() => {
      this.#markRedrawing(map);
      this.#filledDistricts = applyDistrictFills(map, this.#filledDistricts, fillByCode);
    });
  }

  /** Outlines one district as hovered (from the map or from a linked list). */
  setHighlightedDistrict(code: string | null): void {
    const map = this.#map;
    if (!map) return;
    this.#whenStyled(() => {
      moveDistrictFlag(map, DISTRICT_STATE.hover, this.#hoverFlagCode, code);
      this.#hoverFlagCode = code;
    });
  }

  /** Outlines the selected district. */
  setSelectedDistrict(code: string | null): void {
    const map = this.#map;
    if (!map) return;
    this.#whenStyled(() => {
      moveDistrictFlag(map, DISTRICT_STATE.selected, this.#selectedFlagCode, code);
      this.#selectedFlagCode = code;
    });
  }

  /** Calls back with the clicked district's code, or null for a click outside districts. */
  onDistrictClick(listener: (code: string | null) => void): () => void {
    this.#districtClickListeners.push(listener);
    return () => {
      this.#districtClickListeners = this.#districtClickListeners.filter((l) => l !== listener);
    };
  }

  /**
   * Style changes redraw without loading data, so MapLibre signals no start; mark the map busy
   * and force a frame, whose `idle` clears it, so `aria-busy` tells the truth.
   */
  #markRedrawing(map: MapLibreMap): void {
    this.busy = true;
    map.triggerRepaint();
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
