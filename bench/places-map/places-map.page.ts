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
import { placeIndexOfFeatures } from '../../src/map/places-drawn.ts';
import { PlacesLayer, type PlacesCollection } from '../../src/map/places.layer.ts';

/** What one filter change cost, in ms from the moment the filter was handed to the layer. */
export interface FilterTiming {
  /** The task that changed the filter, its microtasks (where the post happens) included. */
  callMs: number;
  /** Until the next animation frame ran: how long the change kept the page from drawing. */
  nextFrameMs: number;
  /** The longest long task (50 ms or more, wall time) from the change until idle; 0 if none. */
  longestTaskMs: number;
  /** Main-thread long tasks (50 ms or more) from the change until idle, summed. */
  longTasksMs: number;
  /** Until the filtered sources held everything the filter keeps. */
  sentMs: number;
  /** Until the map was idle again, the filtered picture drawn. */
  idleMs: number;
  /** Animation frames from the change until idle: the frames the re-rendering was spread over. */
  frames: number;
}

/** The functions the benchmark calls through `page.evaluate`. */
export interface PlacesBenchPage {
  mount(
    data: PlacesCollection,
    groups: readonly LayerGroup[],
    camera: { lon: number; lat: number; zoom: number },
  ): Promise<number>;
  /** Changes the filter in a task of its own; resolves at the next animation frame. */
  changeFilter(filter: PlaceFilter): Promise<void>;
  /** The same round trip with nothing changed: what the harness itself costs. */
  nextFrame(): Promise<void>;
  /** Waits for the last change to be drawn and reports its timing. */
  awaitFilter(): Promise<FilterTiming>;
  zoomTo(zoom: number): Promise<void>;
  timePan(dx: number): Promise<number[]>;
}

setWorkerUrl(workerUrl);

let map: MapLibreMap | null = null;
let layer: PlacesLayer | null = null;

interface PendingChange {
  start: number;
  settled: Promise<void>;
  callEnd: number;
  nextFrameAt: number;
  frames: number;
  counting: boolean;
}
let pending: PendingChange | null = null;

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
    // The app hands the layer the places list's index, built for the list anyway.
    const index = placeIndexOfFeatures(data.features);
    const start = performance.now();
    layer = new PlacesLayer(m, {
      data,
      index,
      locale: 'zh-CN',
      visible: new Set(groups),
      onPlaceClick: () => {},
    });
    await idle(m);
    return performance.now() - start;
  },

  changeFilter(filter) {
    const m = map;
    const l = layer;
    if (!m || !l) throw new Error('mount first');
    return new Promise((resolve) => {
      // A task of its own, as a click's handler would be, so its length is the change's alone.
      setTimeout(() => {
        longTasks.length = 0;
        const start = performance.now();
        // The update is posted to the worker in this task's microtasks; a message posted now is
        // delivered in a later task, so it marks the end of the whole task.
        const channel = new MessageChannel();
        const change: PendingChange = {
          start,
          settled: l.setFilter(filter),
          callEnd: Number.NaN,
          nextFrameAt: Number.NaN,
          frames: 0,
          counting: true,
        };
        const count = () => {
          if (!change.counting) return;
          change.frames++;
          requestAnimationFrame(count);
        };
        requestAnimationFrame(count);
        pending = change;
        channel.port1.onmessage = () => {
          change.callEnd = performance.now();
          channel.port1.close();
        };
        channel.port2.postMessage(null);
        requestAnimationFrame(() => {
          change.nextFrameAt = performance.now();
          resolve();
        });
      }, 0);
    });
  },

  nextFrame() {
    return new Promise((resolve) => {
      setTimeout(() => requestAnimationFrame(() => resolve()), 0);
    });
  },

  async awaitFilter() {
    const m = map;
    const change = pending;
    if (!m || !change) throw new Error('change a filter first');
    await change.settled;
    const sentAt = performance.now();
    // Idle after the last update: the picture of the filtered places is drawn.
    await new Promise<void>((done) => {
      m.once('idle', () => done());
      m.triggerRepaint();
    });
    const idleAt = performance.now();
    change.counting = false;
    // Long-task entries arrive a little after their task ends.
    await new Promise((done) => setTimeout(done, 50));
    const within = longTasks
      .filter((t) => t.startTime >= change.start - 1 && t.startTime < idleAt)
      .map((t) => t.duration);
    return {
      callMs: change.callEnd - change.start,
      nextFrameMs: change.nextFrameAt - change.start,
      longestTaskMs: Math.max(0, ...within),
      longTasksMs: within.reduce((a, b) => a + b, 0),
      sentMs: sentAt - change.start,
      idleMs: idleAt - change.start,
      frames: change.frames,
    };
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
