/**
 * The page the places benchmark drives in Chromium: a map with a plain background and the app's
 * own places layer (src/map/places.layer.ts), so what it times is what the app runs. Built with
 * Vite by places-filter.bench.ts; the Node side hands it the fixture and reads the figures.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { PlaceFilter } from '../../src/domain/places/place-filter.ts';
import type { LayerGroup } from '../../src/domain/view-state.ts';
import { PlacesLayer, type PlacesCollection } from '../../src/map/places.layer.ts';

/** What one filter change cost, in ms from the moment the filter was handed to the layer. */
export interface FilterTiming {
  /** The layer's own synchronous work in the task that changed the filter. */
  callMs: number;
  /** Main-thread tasks of 50 ms or more that the change caused after that task. */
  laterLongTasksMs: number;
  /** The longest single main-thread stretch: the calling task or a later long task. */
  longestTaskMs: number;
  /** Until the map was idle again, the filtered picture drawn. */
  idleMs: number;
}

/** The functions the benchmark calls through `page.evaluate`. */
export interface PlacesBenchPage {
  mount(
    data: PlacesCollection,
    groups: readonly LayerGroup[],
    camera: { lon: number; lat: number; zoom: number },
  ): Promise<number>;
  timeFilter(filter: PlaceFilter): Promise<FilterTiming>;
  zoomTo(zoom: number): Promise<void>;
  timePan(dx: number): Promise<number[]>;
}

setWorkerUrl(workerUrl);

let map: MapLibreMap | null = null;
let layer: PlacesLayer | null = null;

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({
  type: 'longtask',
  buffered: false,
});

function idle(m: MapLibreMap): Promise<void> {
  return new Promise((resolve) => m.once('idle', () => resolve()));
}

const page: PlacesBenchPage = {
  async mount(data, groups, camera) {
    layer?.remove();
    map?.remove();
    const m = new MapLibreMap({
      container: 'map',
      center: [camera.lon, camera.lat],
      zoom: camera.zoom,
      attributionControl: false,
      style: {
        version: 8,
        glyphs: `${new URL('fonts', window.location.href).href}/{fontstack}/{range}.pbf`,
        sources: {},
        layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f3f0e9' } }],
      },
    });
    map = m;
    await new Promise<void>((resolve) => m.once('load', () => resolve()));
    const start = performance.now();
    layer = new PlacesLayer(m, {
      data,
      locale: 'zh-CN',
      visible: new Set(groups),
      onPlaceClick: () => {},
    });
    await idle(m);
    return performance.now() - start;
  },

  timeFilter(filter) {
    const m = map;
    const l = layer;
    if (!m || !l) throw new Error('mount first');
    longTasks.length = 0;
    return new Promise((resolve) => {
      // A task of its own, as a click's handler would be, so its length is the change's alone.
      setTimeout(() => {
        const start = performance.now();
        l.setFilter(filter);
        const callEnd = performance.now();
        m.once('idle', () => {
          const idleAt = performance.now();
          // Long-task entries arrive a little after their task ends.
          setTimeout(() => {
            const later = longTasks
              .filter((t) => t.startTime >= callEnd && t.startTime < idleAt)
              .map((t) => t.duration);
            resolve({
              callMs: callEnd - start,
              laterLongTasksMs: later.reduce((a, b) => a + b, 0),
              longestTaskMs: Math.max(callEnd - start, ...later),
              idleMs: idleAt - start,
            });
          }, 50);
        });
      }, 0);
    });
  },

  async zoomTo(zoom) {
    const m = map;
    if (!m) throw new Error('mount first');
    if (m.getZoom() === zoom) return;
    m.jumpTo({ zoom });
    await idle(m);
  },

  timePan(dx) {
    const m = map;
    if (!m) throw new Error('mount first');
    return new Promise((resolve) => {
      const frames: number[] = [];
      let last = performance.now();
      let running = true;
      const tick = (now: number) => {
        frames.push(now - last);
        last = now;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      m.panBy([dx, 0], { duration: 1000 });
      m.once('moveend', () => {
        running = false;
        // The first delta is from before the pan began.
        resolve(frames.slice(1));
      });
    });
  },
};

(window as unknown as { __placesBench: PlacesBenchPage }).__placesBench = page;
