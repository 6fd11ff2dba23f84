/**
 * Renewal zones as UI state: the stored zones (live: a second tab's edits appear here), their
 * measures, checks, contents and the progress they add up to, the save status, and undo/redo.
 * Writes go through `ZonesRepo`: one transaction per edit, conflicts instead of overwrites.
 *
 * API (one instance per page, shared by every feature, from `loadZonesState()` in zones-loader.ts;
 * it lives as long as the page, so only tests call `dispose()`):
 *
 * Data
 * - `zones: readonly StoredZone[]` — every stored zone; replaced, never mutated. `loaded`,
 *   `loadError` tell loading from empty.
 * - `selectedZoneId: string | null` (settable), `selected: StoredZone | null`.
 * - `measureOf(id): ZoneMeasure | undefined` — area in 亩/公顷/m² and perimeter of a stored zone.
 * - `checkGeometry(polygon, selfId?): ZoneGeometryCheck` — errors and overlap warnings of a
 *   shape against every stored zone (skip the zone being edited with `selfId`). Pure; cheap
 *   enough for every draw event. Normalise a drawn ring first (`normalizeZonePolygon`).
 * - `referenceStatus: 'idle' | 'loading' | 'ready' | 'error'` — districts.geojson and
 *   places.geojson, which contents and progress need (fetched by the loader).
 * - `contentsOf(id): ZoneContentsView | null` — districts with 亩 in each, area
 *   outside every district, and places (park/enterprise/project, plus `setExtraPoints`) inside;
 *   null until the reference data is ready or for an unknown id.
 * - `progress: ZoneProgressReport | null` — per district and city, planned land (亩) and energy
 *   space (tce) against the 2023 targets and the 2027 goal, each target with its seed source.
 * - `contentsOfShape(polygon)` — the same for an outline being drawn or reshaped (not stored).
 * - `setExtraPoints(points)` — more points for contents (e.g. imported enterprises).
 * - `setEvaluatedLayer(layer)` — the evaluated enterprises of the user's chosen layer (or null):
 *   contents then carry `evaluated`, their counts by class and 高耗低效 flag, land and the D-class
 *   and flagged ones by name (see zone-evaluation.ts), live while drawing like the rest.
 * - `exportZonesGeoJson(labels?, now?)` — every zone as a GeoJSON file (`fileName`, `text`),
 *   with form fields, area and districts; `downloadZonesGeoJson(labels?)` saves it.
 *
 * Editing (each resolves once stored or refused; writes run one after another)
 * - `create(draft: ZoneDraft): Promise<string | null>` — the new zone's id, or null when refused
 *   (see `saveStatus` / `lastRejection`). The ring is normalised here (closed, counter-clockwise).
 *   Overlap warnings do not block: the UI asks the user before calling this.
 * - `update(id, patch: ZonePatch, baseRevision?): Promise<boolean>` — shape and/or fields;
 *   based on `baseRevision` (default: the revision this tab shows), so another tab's change
 *   since is a conflict.
 * - `remove(id, baseRevision?): Promise<boolean>`.
 * - `undo()`, `redo()`: Promise<boolean>; `canUndo`, `canRedo`. Undo walks this tab's own edits
 *   back through the journal (another tab's edits are theirs to undo); an undo over a zone
 *   another tab changed since is refused as a conflict.
 * - `saveStatus: 'saved' | 'saving' | { failed: 'storage-full' | 'conflict'; pending; current? }`
 *   — a failed edit is kept in `pending` (memory) for `retry()`; after a conflict `retry()`
 *   writes it over the other tab's version, `dismiss()` keeps theirs.
 * - `status`: the same as `{ kind: 'saved' | 'saving' | 'failed' | 'conflict', … }` for the zones
 *   tab's `ZonesStore`; `resolveConflict(keepMine)` = `retry()` or `dismiss()`.
 * - `lastRejection: ZoneInvalidFailure | null` — geometry and field errors of the last refused
 *   edit (message ids under `zones.validation.*`).
 * - `enteredBy` / `setEnteredBy(name)` — the 谁 name stored with edits, shared with the other
 *   editors through localStorage.
 * - `persistReport: PersistReport | null` — the answer to the persistent-storage request made
 *   after the first stored zone edit.
 */

import districtTargetsCsv from '../../seeds/huzhou-2023-district-targets.csv?raw';
import planGoalsCsv from '../../seeds/plan-goals.csv?raw';
import type { FeatureCollection, Geometry, Polygon } from 'geojson';
import {
  DistrictAreas,
  readDistrictOutlines,
  ZonePointIndex,
  type ZoneContents,
  type ZonePoint,
  type ZoneDistricts,
} from '../domain/zones/zone-contents.ts';
import {
  summarizeZoneEvaluation,
  type EvaluatedPoint,
  type ZoneEvaluation,
} from '../domain/zones/zone-evaluation.ts';
import {
  normalizeZonePolygon,
  validateZoneGeometry,
  type ZoneGeometryCheck,
} from '../domain/zones/zone-geometry.validator.ts';
import { measureZone, type ZoneMeasure } from '../domain/zones/zone-measure.ts';
import {
  GEOJSON_MEDIA_TYPE,
  serializeZonesGeoJson,
  zonesGeoJsonFileName,
  zonesToGeoJson,
  type ZoneExportLabels,
} from '../domain/zones/zones-geojson.format.ts';
import {
  readZoneTargets,
  zoneProgress,
  type ZoneProgressReport,
} from '../domain/zones/zone-progress.ts';
import type { MuAtlasDb } from '../persistence/db.ts';
import { LiveQuery } from '../persistence/live-query.svelte.ts';
import {
  requestPersistentStorageOnce,
  type PersistReport,
  type PersistentStorage,
} from '../persistence/storage-persist.ts';
import {
  ZonesRepo,
  type StoredZone,
  type ZoneDraft,
  type ZoneInvalidFailure,
  type ZonePatch,
  type ZoneWriteResult,
} from '../persistence/zones.repo.ts';
import { ENTERED_BY_STORAGE_KEY, type NameStore } from './actuals.svelte.ts';

export type { StoredZone, ZoneDraft, ZonePatch, ZoneInvalidFailure };

/** A place or imported point that can lie inside a zone. */
export interface ZoneContentPoint extends ZonePoint {
  /** `park`, `enterprise`, `project` for places; the importer's kind for imported points. */
  kind: string;
  nameZh: string;
}

/** The evaluated layer whose enterprises a zone's contents count. */
export interface ZoneEvaluatedLayer {
  layerId: string;
  /** The layer's name as stored (the demo's says 示例数据 itself). */
  layerName: string;
  /** True for the synthetic demo data, which every view must say. */
  synthetic: boolean;
  points: readonly EvaluatedPoint[];
}

/** The evaluated enterprises inside a zone, with the layer they come from. */
export interface ZoneEvaluatedContents extends ZoneEvaluation {
  layerId: string;
  layerName: string;
  synthetic: boolean;
}

/** Everything inside a zone: districts, places, and the evaluated enterprises when a layer is. */
export interface ZoneContentsView extends ZoneContents<ZoneContentPoint> {
  /** Null when no evaluated layer is set. */
  evaluated: ZoneEvaluatedContents | null;
}

/** The place kinds of places.geojson whose points a zone's contents list. */
export const ZONE_CONTENT_KINDS: readonly string[] = ['park', 'enterprise', 'project'];

/** Where the reference data lives under the app's base URL. */
export const DISTRICTS_DATA_PATH = 'data/districts.geojson';
export const ZONE_PLACES_DATA_PATH = 'data/places.geojson';

/** An edit that was not stored, kept in memory for `retry()`. */
export type PendingZoneEdit =
  | { kind: 'create'; id: string; draft: ZoneDraft }
  | { kind: 'update'; zoneId: string; patch: ZonePatch; baseRevision: number }
  | { kind: 'remove'; zoneId: string; baseRevision: number }
  | { kind: 'undo' | 'redo'; entry: HistoryEntry };

export type ZoneSaveState =
  | 'saved'
  | 'saving'
  | {
      failed: 'storage-full' | 'conflict';
      pending: PendingZoneEdit;
      /** After a conflict: the zone as another tab left it (undefined when deleted). */
      current?: StoredZone | undefined;
    };

/** `saveStatus` in the shape of the zones tab's `ZonesStore.status`. */
export type ZoneStatusView =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'failed'; detail: string; storageFull: boolean }
  | { kind: 'conflict'; zoneId: string };

/** One of this tab's stored edits: its journal entry and the zone's revision right after it. */
export interface HistoryEntry {
  seq: number;
  zoneId: string;
  /** 0 when the edit left no zone (a deletion). */
  revisionAfter: number;
}

/** The zones as a GeoJSON file, ready to save. */
export interface ZonesGeoJsonFile {
  /** `muatlas-zones-YYYYMMDD-HHmm.geojson`. */
  fileName: string;
  mediaType: string;
  text: string;
  zoneCount: number;
  /** False when the district outlines could not be fetched: each zone's districts are null. */
  withDistricts: boolean;
}

export interface ZonesStateOptions {
  /** `localStorage` by default; tests pass their own, `null` means none. */
  nameStore?: NameStore | null;
  now?: () => Date;
  /** `navigator.storage` by default; tests pass their own. */
  storage?: PersistentStorage;
}

function browserNameStore(): NameStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function pendingZoneId(pending: PendingZoneEdit): string {
  switch (pending.kind) {
    case 'create':
      return pending.id;
    case 'undo':
    case 'redo':
      return pending.entry.zoneId;
    default:
      return pending.zoneId;
  }
}

function newZoneId(): string {
  return `zone-${crypto.randomUUID()}`;
}

/** Points of places.geojson of the kinds zones list. */
function readContentPlaces(
  collection: FeatureCollection<Geometry | null, Record<string, unknown> | null>,
): ZoneContentPoint[] {
  const out: ZoneContentPoint[] = [];
  for (const f of collection.features) {
    const id = f.properties?.['place_id'];
    const kind = f.properties?.['kind'];
    if (typeof id !== 'string' || typeof kind !== 'string') continue;
    if (!ZONE_CONTENT_KINDS.includes(kind) || f.geometry?.type !== 'Point') continue;
    const [lon, lat] = f.geometry.coordinates;
    if (lon === undefined || lat === undefined) continue;
    const name = f.properties?.['name_zh'];
    out.push({ id, kind, nameZh: typeof name === 'string' ? name : '', lon, lat });
  }
  return out;
}

/**
 * The stack with its latest step of a zone based on `revision`: after an undo (or redo) stores
 * the zone anew, the next step of that zone finds it at this revision.
 */
function retarget(
  stack: readonly HistoryEntry[],
  zoneId: string,
  revision: number,
): readonly HistoryEntry[] {
  const index = stack.findLastIndex((e) => e.zoneId === zoneId);
  if (index < 0) return stack;
  return stack.map((e, i) => (i === index ? { ...e, revisionAfter: revision } : e));
}

/** Zones for the zones tab, the map and the progress table. One per page. */
export class ZonesState {
  selectedZoneId = $state<string | null>(null);
  /** The name stored with each edit (谁), shared with the other editors. */
  enteredBy = $state('');
  saveStatus = $state.raw<ZoneSaveState>('saved');
  lastRejection = $state.raw<ZoneInvalidFailure | null>(null);
  persistReport = $state.raw<PersistReport | null>(null);
  referenceStatus = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');

  readonly #db: MuAtlasDb;
  readonly #repo: ZonesRepo;
  readonly #live: LiveQuery<StoredZone[]>;
  readonly #nameStore: NameStore | null;
  readonly #storage: PersistentStorage | undefined;
  #undoStack = $state.raw<readonly HistoryEntry[]>([]);
  #redoStack = $state.raw<readonly HistoryEntry[]>([]);
  #districts = $state.raw<DistrictAreas | null>(null);
  #places = $state.raw<readonly ZoneContentPoint[]>([]);
  #extraPoints = $state.raw<readonly ZoneContentPoint[]>([]);
  #evaluatedLayer = $state.raw<ZoneEvaluatedLayer | null>(null);
  #queue: Promise<unknown> = Promise.resolve();
  #referenceLoad: Promise<void> | null = null;
  #persistAsked = false;
  /** The zone as this tab last showed it, for an update the other tab's delete overtook. */
  readonly #lastShown = new Map<string, ZoneDraft>();
  /** Revisions this tab wrote, which the live list may not show yet (see #baseRevision). */
  readonly #written = new Map<string, number>();
  /** Measures by `id:revision`, from the last time the list changed. */
  #measureCache = new Map<string, ZoneMeasure>();
  /** District shares by `id:revision`; a zone is clipped again only when it changes. */
  readonly #sharesCache = new Map<string, ZoneDistricts>();

  readonly #byId: ReadonlyMap<string, StoredZone>;
  readonly #measures: ReadonlyMap<string, ZoneMeasure>;
  readonly #pointIndex: ZonePointIndex<ZoneContentPoint>;
  readonly #evaluatedIndex: ZonePointIndex<EvaluatedPoint>;
  readonly #progress: ZoneProgressReport | null;
  readonly #targets = readZoneTargets(districtTargetsCsv, planGoalsCsv);

  constructor(db: MuAtlasDb, options: ZonesStateOptions = {}) {
    this.#db = db;
    this.#repo = new ZonesRepo(db, options.now);
    this.#live = new LiveQuery(this.#repo.liveAll(), [] as StoredZone[]);
    this.#nameStore = options.nameStore === undefined ? browserNameStore() : options.nameStore;
    this.#storage = options.storage;
    this.enteredBy = this.#readName();
    this.#byId = $derived(new Map(this.#live.current.map((z) => [z.id, z])));
    this.#measures = $derived.by(() => {
      // Measured again only when a zone changes: the live list is new objects on every write
      // (in any tab), and 10,000 zones take ~0.2 s to measure.
      const previous = this.#measureCache;
      const next = new Map<string, ZoneMeasure>();
      const byId = new Map<string, ZoneMeasure>();
      for (const z of this.#live.current) {
        const key = `${z.id}:${z.revision}`;
        const measure = previous.get(key) ?? measureZone(z.geometry);
        next.set(key, measure);
        byId.set(z.id, measure);
      }
      this.#measureCache = next;
      return byId;
    });
    this.#pointIndex = $derived(new ZonePointIndex([...this.#places, ...this.#extraPoints]));
    this.#evaluatedIndex = $derived(new ZonePointIndex(this.#evaluatedLayer?.points ?? []));
    this.#progress = $derived.by(() => {
      const districts = this.#districts;
      if (!districts) return null;
      const zones = this.#live.current;
      const live = new Set<string>();
      const rows = zones.map((z) => {
        const key = `${z.id}:${z.revision}`;
        live.add(key);
        return {
          id: z.id,
          plannedLandMu: z.plannedLandMu,
          energySpaceTce: z.energySpaceTce,
          areaMu: this.#measures.get(z.id)?.areaMu ?? 0,
          districts: this.#shares(key, z.geometry, districts).districts,
        };
      });
      for (const key of this.#sharesCache.keys()) if (!live.has(key)) this.#sharesCache.delete(key);
      return zoneProgress(rows, this.#targets);
    });
  }

  get zones(): readonly StoredZone[] {
    return this.#live.current;
  }

  get loaded(): boolean {
    return this.#live.loaded;
  }

  get loadError(): unknown {
    return this.#live.error;
  }

  get selected(): StoredZone | null {
    return this.selectedZoneId === null ? null : (this.#byId.get(this.selectedZoneId) ?? null);
  }

  get canUndo(): boolean {
    return this.#undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.#redoStack.length > 0;
  }

  get progress(): ZoneProgressReport | null {
    return this.#progress;
  }

  get status(): ZoneStatusView {
    const s = this.saveStatus;
    if (s === 'saved' || s === 'saving') return { kind: s };
    if (s.failed === 'conflict') return { kind: 'conflict', zoneId: pendingZoneId(s.pending) };
    return { kind: 'failed', detail: 'storage-full', storageFull: true };
  }

  zoneById(id: string): StoredZone | undefined {
    return this.#byId.get(id);
  }

  measureOf(id: string): ZoneMeasure | undefined {
    return this.#measures.get(id);
  }

  checkGeometry(polygon: Polygon, selfId?: string): ZoneGeometryCheck {
    return validateZoneGeometry(polygon, this.#live.current, selfId);
  }

  contentsOf(id: string): ZoneContentsView | null {
    const zone = this.#byId.get(id);
    const districts = this.#districts;
    if (!zone || !districts) return null;
    return {
      ...this.#shares(`${zone.id}:${zone.revision}`, zone.geometry, districts),
      points: this.#pointIndex.within(zone.geometry),
      evaluated: this.#evaluatedWithin(zone.geometry),
    };
  }

  /**
   * What lies inside an outline not yet stored (a draft being drawn or reshaped): the same as
   * `contentsOf`, without the per-zone cache; null until the reference data is ready.
   */
  contentsOfShape(polygon: Polygon): ZoneContentsView | null {
    const districts = this.#districts;
    if (!districts) return null;
    const shape = normalizeZonePolygon(polygon);
    return {
      ...districts.sharesOf(shape),
      points: this.#pointIndex.within(shape),
      evaluated: this.#evaluatedWithin(shape),
    };
  }

  setExtraPoints(points: readonly ZoneContentPoint[]): void {
    this.#extraPoints = points;
  }

  /** The evaluated layer whose enterprises contents count; null takes them off. */
  setEvaluatedLayer(layer: ZoneEvaluatedLayer | null): void {
    this.#evaluatedLayer = layer;
  }

  get evaluatedLayer(): ZoneEvaluatedLayer | null {
    return this.#evaluatedLayer;
  }

  /**
   * Fetches the district outlines and places the contents and progress need; a second call
   * while fetching waits for the same fetch.
   */
  loadReferenceData(fetchImpl: typeof fetch = fetch): Promise<void> {
    if (this.referenceStatus === 'ready') return Promise.resolve();
    if (this.referenceStatus !== 'loading' || !this.#referenceLoad) {
      this.#referenceLoad = this.#fetchReferenceData(fetchImpl);
    }
    return this.#referenceLoad;
  }

  async #fetchReferenceData(fetchImpl: typeof fetch): Promise<void> {
    this.referenceStatus = 'loading';
    try {
      const base = `${import.meta.env.BASE_URL}`;
      const read = async (path: string) => {
        const url = new URL(`${base}${path}`, window.location.href);
        const response = await fetchImpl(url);
        if (!response.ok) throw new Error(`${url.pathname}: ${response.status}`);
        return (await response.json()) as FeatureCollection<Geometry | null>;
      };
      const [districts, places] = await Promise.all([
        read(DISTRICTS_DATA_PATH),
        read(ZONE_PLACES_DATA_PATH),
      ]);
      this.setReferenceData(districts, places);
    } catch {
      this.referenceStatus = 'error';
    }
  }

  /** Sets the reference data directly (tests; or a page that already holds it). */
  setReferenceData(
    districts: FeatureCollection<Geometry | null, Record<string, unknown> | null>,
    places: FeatureCollection<Geometry | null, Record<string, unknown> | null>,
  ): void {
    this.#districts = new DistrictAreas(readDistrictOutlines(districts));
    this.#places = readContentPlaces(places);
    this.referenceStatus = 'ready';
  }

  /**
   * Every stored zone as a GeoJSON file (RFC 7946): form fields, area in 亩/公顷/m², perimeter and
   * the districts it lies in (the outlines are fetched first; without them districts are null).
   * `labels` words kind and phase in the user's language beside their ids.
   */
  async exportZonesGeoJson(
    labels?: ZoneExportLabels,
    now: Date = new Date(),
  ): Promise<ZonesGeoJsonFile> {
    await this.loadReferenceData();
    const districts = this.#districts;
    const items = this.#live.current.map((zone) => ({
      zone,
      measure: this.#measures.get(zone.id) ?? measureZone(zone.geometry),
      districts: districts && this.#shares(`${zone.id}:${zone.revision}`, zone.geometry, districts),
    }));
    return {
      fileName: zonesGeoJsonFileName(now),
      mediaType: GEOJSON_MEDIA_TYPE,
      text: serializeZonesGeoJson(zonesToGeoJson(items, labels)),
      zoneCount: items.length,
      withDistricts: districts !== null,
    };
  }

  /** Saves `exportZonesGeoJson()` as a download in the browser; resolves with the file. */
  async downloadZonesGeoJson(labels?: ZoneExportLabels): Promise<ZonesGeoJsonFile> {
    const file = await this.exportZonesGeoJson(labels);
    const url = URL.createObjectURL(new Blob([file.text], { type: file.mediaType }));
    try {
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      link.click();
    } finally {
      // After the click has handed the file to the browser's download.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    }
    return file;
  }

  setEnteredBy(name: string): void {
    this.enteredBy = name;
    try {
      this.#nameStore?.setItem(ENTERED_BY_STORAGE_KEY, name);
    } catch {
      // Not remembered across visits; this visit still uses it.
    }
  }

  create(draft: ZoneDraft): Promise<string | null> {
    const id = newZoneId();
    const plain = $state.snapshot(draft) as ZoneDraft;
    const pending: PendingZoneEdit = {
      kind: 'create',
      id,
      draft: { ...plain, geometry: normalizeZonePolygon(plain.geometry) },
    };
    return this.#run(pending).then((ok) => (ok ? id : null));
  }

  /**
   * @param baseRevision the revision the user edited (a form opened earlier should pass the one
   *   it showed); by default the one this tab shows now.
   */
  update(id: string, patch: ZonePatch, baseRevision = this.#baseRevision(id)): Promise<boolean> {
    const plain = $state.snapshot(patch) as ZonePatch;
    if (plain.geometry) plain.geometry = normalizeZonePolygon(plain.geometry);
    return this.#run({ kind: 'update', zoneId: id, patch: plain, baseRevision });
  }

  remove(id: string, baseRevision = this.#baseRevision(id)): Promise<boolean> {
    return this.#run({ kind: 'remove', zoneId: id, baseRevision });
  }

  undo(): Promise<boolean> {
    const entry = this.#undoStack.at(-1);
    if (!entry) return Promise.resolve(false);
    this.#undoStack = this.#undoStack.slice(0, -1);
    return this.#run({ kind: 'undo', entry });
  }

  redo(): Promise<boolean> {
    const entry = this.#redoStack.at(-1);
    if (!entry) return Promise.resolve(false);
    this.#redoStack = this.#redoStack.slice(0, -1);
    return this.#run({ kind: 'redo', entry });
  }

  /**
   * Writes the failed edit again. After a full disk it is the same write; after a conflict it
   * is the user insisting, so it is based on what is stored now (their edit wins).
   */
  retry(): Promise<boolean> {
    const status = this.saveStatus;
    if (typeof status === 'string') return Promise.resolve(false);
    if (status.failed === 'storage-full') return this.#run(status.pending);
    const revision = status.current?.revision ?? 0;
    const p = status.pending;
    switch (p.kind) {
      case 'create':
        // The id was taken meanwhile (a restored backup, say): store it as a new zone.
        return this.#run({ ...p, id: newZoneId() });
      case 'update':
        if (!status.current) {
          // Deleted in the other tab: insisting brings the zone back with this tab's change.
          const shown = this.#lastShown.get(p.zoneId);
          if (!shown) return Promise.resolve(false);
          return this.#run({ kind: 'create', id: p.zoneId, draft: { ...shown, ...p.patch } });
        }
        return this.#run({ ...p, baseRevision: revision });
      case 'remove':
        if (!status.current) return Promise.resolve(this.#settle(true));
        return this.#run({ ...p, baseRevision: revision });
      default:
        return this.#run({ ...p, entry: { ...p.entry, revisionAfter: revision } });
    }
  }

  /** Drops the failed edit; after a conflict, what the other tab stored stays. */
  dismiss(): void {
    this.saveStatus = 'saved';
  }

  /** The zones tab's conflict choice: write mine over theirs, or keep theirs. */
  resolveConflict(keepMine: boolean): Promise<boolean> {
    if (keepMine) return this.retry();
    this.dismiss();
    return Promise.resolve(true);
  }

  dispose(): void {
    this.#live.dispose();
  }

  #evaluatedWithin(polygon: Polygon): ZoneEvaluatedContents | null {
    const layer = this.#evaluatedLayer;
    if (!layer) return null;
    return {
      ...summarizeZoneEvaluation(this.#evaluatedIndex.within(polygon)),
      layerId: layer.layerId,
      layerName: layer.layerName,
      synthetic: layer.synthetic,
    };
  }

  #shares(key: string, geometry: Polygon, districts: DistrictAreas): ZoneDistricts {
    let shares = this.#sharesCache.get(key);
    if (!shares) {
      shares = districts.sharesOf(geometry);
      this.#sharesCache.set(key, shares);
    }
    return shares;
  }

  /**
   * The revision this tab shows for a zone: the live list's, or a newer one this tab just wrote
   * that the list has not caught up with (revisions only grow, so the larger is the newer).
   */
  #baseRevision(id: string): number {
    return Math.max(this.#byId.get(id)?.revision ?? 0, this.#written.get(id) ?? 0);
  }

  /**
   * Runs one edit after the ones before it, so rapid Ctrl+Z presses apply in order. An update or
   * delete with base 0 is of a zone this tab is still creating: it is based on the revision
   * that creation stores, once its turn comes.
   */
  #run(pending: PendingZoneEdit): Promise<boolean> {
    const next = this.#queue.then(() =>
      this.#apply(
        (pending.kind === 'update' || pending.kind === 'remove') && pending.baseRevision === 0
          ? { ...pending, baseRevision: this.#baseRevision(pending.zoneId) }
          : pending,
      ),
    );
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #apply(pending: PendingZoneEdit): Promise<boolean> {
    this.saveStatus = 'saving';
    this.lastRejection = null;
    const author = { enteredBy: this.enteredBy };
    let result: ZoneWriteResult;
    switch (pending.kind) {
      case 'create':
        result = await this.#repo.create(pending.draft, author, pending.id);
        break;
      case 'update': {
        const shown = this.#byId.get(pending.zoneId);
        if (shown) this.#lastShown.set(pending.zoneId, shown);
        result = await this.#repo.update(
          pending.zoneId,
          pending.patch,
          pending.baseRevision,
          author,
        );
        break;
      }
      case 'remove':
        result = await this.#repo.remove(pending.zoneId, pending.baseRevision);
        break;
      default: {
        const edit = await this.#repo.getEdit(pending.entry.seq);
        if (!edit) return this.#settle(false);
        const state = pending.kind === 'undo' ? edit.before : edit.after;
        result = await this.#repo.restore(
          pending.entry.zoneId,
          state,
          pending.entry.revisionAfter,
          author,
        );
      }
    }
    if (result.ok) {
      const revisionAfter = result.zone?.revision ?? 0;
      this.#written.set(result.edit.zoneId, revisionAfter);
      if (pending.kind === 'undo' || pending.kind === 'redo') {
        // The zone now has a new revision in the state the neighbouring step of the other
        // stack expects; that step is based on it from now on.
        const entry = { ...pending.entry, revisionAfter };
        if (pending.kind === 'undo') {
          this.#undoStack = retarget(this.#undoStack, entry.zoneId, revisionAfter);
          this.#redoStack = [...this.#redoStack, entry];
        } else {
          this.#redoStack = retarget(this.#redoStack, entry.zoneId, revisionAfter);
          this.#undoStack = [...this.#undoStack, entry];
        }
      } else {
        const entry = { seq: result.edit.seq, zoneId: result.edit.zoneId, revisionAfter };
        this.#undoStack = [...this.#undoStack, entry];
        this.#redoStack = [];
      }
      void this.#askPersistOnce();
      return this.#settle(true);
    }
    switch (result.kind) {
      case 'invalid':
        this.lastRejection = result;
        return this.#settle(false);
      case 'conflict':
        this.saveStatus = { failed: 'conflict', pending, current: result.current };
        return false;
      case 'storage-full':
        this.saveStatus = { failed: 'storage-full', pending };
        return false;
    }
  }

  #settle(ok: boolean): boolean {
    this.saveStatus = 'saved';
    return ok;
  }

  async #askPersistOnce(): Promise<void> {
    if (this.#persistAsked) return;
    this.#persistAsked = true;
    try {
      this.persistReport = await requestPersistentStorageOnce(this.#db, this.#storage);
    } catch {
      // The request is a safeguard; the zone is stored either way.
    }
  }

  #readName(): string {
    try {
      return this.#nameStore?.getItem(ENTERED_BY_STORAGE_KEY) ?? '';
    } catch {
      return '';
    }
  }
}
