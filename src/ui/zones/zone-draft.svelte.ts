/**
 * The drawing side of the zones tab: the map's zone layer and terra-draw draft, the tool in
 * use, the live outline with its measure and checks, and the Ctrl/Cmd+Z shortcuts. Stored
 * zones and the selection are the zones state's (one selection for the tab, the map and
 * `?zone=`); storing is its job too, so this class never writes to IndexedDB.
 */
import type { Polygon, Position } from 'geojson';
import {
  normalizeZonePolygon,
  validateZoneGeometry,
  type ZoneGeometryCheck,
} from '../../domain/zones/zone-geometry.validator.ts';
import { measureZone, type ZoneMeasure } from '../../domain/zones/zone-measure.ts';
import type { Zone } from '../../domain/zones/zone.ts';
import { parseSelectedZone, withSelectedZone } from '../../domain/view-state.ts';
import type { MapController } from '../../map/map-controller.svelte.ts';
import type { ZoneDraw, ZoneDrawMode } from '../../map/zone-draw.ts';
import type { ZonesLayer } from '../../map/zones.layer.ts';
import { scheduleUrlUpdate } from '../../state/url-writer.ts';

/** A shape not yet stored: a new zone (`zoneId` null) or a new outline for a stored one. */
export interface ZoneDraftShape {
  zoneId: string | null;
  geometry: Polygon;
}

/** True when a key event comes from a place the user types in, where Ctrl+Z is the field's. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** Which history step a key press asks for: Ctrl+Z / Cmd+Z undo, with Shift redo. */
export function historyStepOf(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): 'undo' | 'redo' | null {
  if (event.altKey || !(event.ctrlKey || event.metaKey)) return null;
  if (event.key.toLowerCase() !== 'z') return null;
  return event.shiftKey ? 'redo' : 'undo';
}

export interface ZoneHistory {
  undo: () => void;
  redo: () => void;
}

/** What the editor reads from the zones state: the stored zones and the one selection. */
export interface ZoneSource {
  readonly zones: readonly Zone[];
  selectedZoneId: string | null;
}

const editors = new WeakMap<ZoneSource, ZoneDraftState>();

/**
 * The page's one editor over a zones state: the map mount (while zones are shown) and the tab
 * (while open) share it, so a draft and the tool survive switching tabs.
 */
export function zoneEditorOf(map: MapController, source: ZoneSource): ZoneDraftState {
  let editor = editors.get(source);
  if (!editor) {
    editor = new ZoneDraftState(map, source, window.location.search);
    editors.set(source, editor);
  }
  return editor;
}

/** Districts' outer rings from districts.geojson, for snapping. */
async function loadDistrictRings(): Promise<Position[][]> {
  const url = new URL(`${import.meta.env.BASE_URL}data/districts.geojson`, window.location.href);
  const response = await fetch(url);
  if (!response.ok) return [];
  const data = (await response.json()) as {
    features: { geometry: { type: string; coordinates: unknown } | null }[];
  };
  const rings: Position[][] = [];
  for (const { geometry } of data.features) {
    if (geometry?.type === 'Polygon') rings.push(...(geometry.coordinates as Position[][]));
    if (geometry?.type === 'MultiPolygon') {
      for (const polygon of geometry.coordinates as Position[][][]) rings.push(...polygon);
    }
  }
  return rings;
}

export class ZoneDraftState {
  /** The tool in use. */
  mode = $state<ZoneDrawMode>('idle');
  /** The outline under the pointer right now, for the live readout. */
  liveGeometry = $state.raw<Polygon | null>(null);
  /** The finished shape waiting to be saved. */
  draft = $state.raw<ZoneDraftShape | null>(null);
  /** True once the map layers are on the map. */
  ready = $state(false);

  /** Measure of what the readout shows: the live outline, else the draft, else the selection. */
  readonly measure: ZoneMeasure | null = $derived.by(() => {
    const geometry = this.liveGeometry ?? this.draft?.geometry ?? this.selected?.geometry;
    return geometry ? measureZone(geometry) : null;
  });
  /** The draft's checks against every other stored zone. */
  readonly check: ZoneGeometryCheck | null = $derived(
    this.draft
      ? validateZoneGeometry(this.draft.geometry, this.zones, this.draft.zoneId ?? undefined)
      : null,
  );
  readonly selected: Zone | null = $derived(
    this.zones.find((z) => z.id === this.selectedZoneId) ?? null,
  );

  readonly #map: MapController;
  readonly #source: ZoneSource;
  #layer: ZonesLayer | null = null;
  #draw: ZoneDraw | null = null;
  #districtRings: Position[][] = [];
  /** A zone named in the page's `?zone=`, framed once it is loaded and the map is ready. */
  #zoomPending: string | null;

  constructor(map: MapController, source: ZoneSource, search: string) {
    this.#map = map;
    this.#source = source;
    const linked = parseSelectedZone(search);
    if (linked && source.selectedZoneId === null) source.selectedZoneId = linked;
    this.#zoomPending = linked;
  }

  /** The zones as stored, for snapping, overlap checks and the map. */
  get zones(): readonly Zone[] {
    return this.#source.zones;
  }

  /** The selected stored zone's id (the zones state's selection). */
  get selectedZoneId(): string | null {
    return this.#source.selectedZoneId;
  }

  /** Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z for the history while the tab is open; returns the cleanup. */
  attachKeys(history: ZoneHistory): () => void {
    const onKey = (event: KeyboardEvent) => {
      const step = historyStepOf(event);
      if (!step || isTypingTarget(event.target)) return;
      event.preventDefault();
      if (step === 'undo') this.undo(history);
      else this.redo(history);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      // Map clicks go back to panning and selecting once the tools are out of sight.
      if (this.mode !== 'idle') this.#draw?.setMode('idle');
    };
  }

  /** Puts the zone layer and the drawing tools on the map; returns the cleanup. */
  attachMap(): () => void {
    let cancelled = false;
    void this.#map
      .mountZones(
        { onClick: (id) => this.#onZoneClick(id) },
        {
          onShape: (shape) => {
            this.liveGeometry = shape && !shape.finished ? shape.geometry : null;
            if (shape?.finished) this.#onFinished(shape.geometry);
          },
          onMode: (mode) => (this.mode = mode),
        },
      )
      .then((mounted) => {
        if (!mounted) return;
        if (cancelled) {
          mounted.draw.remove();
          mounted.layer.remove();
          return;
        }
        this.#layer = mounted.layer;
        this.#draw = mounted.draw;
        this.ready = true;
      });
    void loadDistrictRings().then((rings) => {
      this.#districtRings = rings;
      this.#updateSnapTargets();
    });
    const stopEffects = $effect.root(() => {
      $effect(() => {
        if (!this.ready) return;
        this.#layer?.setZones(this.zones);
        this.#updateSnapTargets();
      });
      $effect(() => {
        if (this.ready) this.#layer?.setSelected(this.selectedZoneId);
      });
      $effect(() => {
        if (this.ready) this.#layer?.setHidden(this.draft?.zoneId ?? null);
      });
      $effect(() => {
        const id = this.selectedZoneId;
        scheduleUrlUpdate('zone', (search) => withSelectedZone(search, id));
      });
      $effect(() => {
        const zone = this.selected;
        if (!this.ready || !zone || zone.id !== this.#zoomPending) return;
        this.#zoomPending = null;
        this.#layer?.fitZone(zone.geometry);
      });
    });
    return () => {
      cancelled = true;
      stopEffects();
      this.#draw?.remove();
      this.#layer?.remove();
      this.#draw = null;
      this.#layer = null;
      this.ready = false;
      scheduleUrlUpdate('zone', (search) => withSelectedZone(search, null));
    };
  }

  /** Switches the drawing tool; a new shape drops an unsaved one. */
  setMode(mode: ZoneDrawMode): void {
    if (mode !== 'select' && mode !== 'idle') this.draft = null;
    if (mode === 'select' && this.draft) {
      this.#draw?.edit(this.draft.geometry);
      return;
    }
    this.#draw?.setMode(mode);
  }

  /** Copies the selected zone's outline into the draft for reshaping. */
  editSelectedShape(): void {
    const zone = this.selected;
    if (!zone) return;
    this.draft = { zoneId: zone.id, geometry: zone.geometry };
    this.#draw?.edit(zone.geometry);
  }

  /** Drops the draft; the stored zones stay as they were. */
  discardDraft(): void {
    this.draft = null;
    this.liveGeometry = null;
    this.#draw?.clear();
    this.#draw?.setMode('idle');
  }

  /** Selects a zone (or none), optionally framing it on the map. */
  select(zoneId: string | null, zoom = false): void {
    this.#source.selectedZoneId = zoneId;
    const zone = this.selected;
    if (zoom && zone) this.#layer?.fitZone(zone.geometry);
  }

  /** Undo: a vertex while drawing, else the last stored edit. */
  undo(history: ZoneHistory): void {
    if (this.#draw?.undoVertex()) return;
    history.undo();
  }

  /** Redo: a vertex while drawing, else the last undone stored edit. */
  redo(history: ZoneHistory): void {
    if (this.#draw?.redoVertex()) return;
    history.redo();
  }

  /** Colours districts on the map by progress; an empty map hides the fill. */
  setProgressFills(fillByCode: ReadonlyMap<string, string>): void {
    if (this.ready) this.#layer?.setProgressFills(fillByCode);
  }

  /** Shows or hides the stored zones on the map. */
  setLayerVisible(visible: boolean): void {
    if (this.ready) this.#layer?.setVisible(visible);
  }

  #onFinished(geometry: Polygon): void {
    this.draft = {
      zoneId: this.draft?.zoneId ?? null,
      geometry: normalizeZonePolygon(geometry),
    };
  }

  #onZoneClick(zoneId: string | null): void {
    // While a shape is drawn or edited, clicks belong to the drawing.
    if (this.mode !== 'idle' || this.draft) return;
    this.#source.selectedZoneId = zoneId;
  }

  #updateSnapTargets(): void {
    const editing = this.draft?.zoneId ?? null;
    const zoneRings = this.zones
      .filter((z) => z.id !== editing)
      .flatMap((z) => z.geometry.coordinates);
    this.#draw?.setSnapTargets([...this.#districtRings, ...zoneRings]);
  }
}
