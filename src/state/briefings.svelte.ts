/**
 * Briefings as UI state: the live list from IndexedDB, the briefing being edited, each edit
 * written whole through `BriefingsRepo` (conflicts and a full disk reported, never lost
 * silently), file export/import, KPI values for a slide, and showing a slide on the map.
 */
import type { Briefing, BriefingSlide } from '../domain/briefings/briefing.ts';
import {
  readBriefingFile,
  writeBriefingFile,
  type BriefingFileProblem,
} from '../domain/briefings/briefing-file.format.ts';
import {
  computeKpi,
  isKpiId,
  suggestedKpis,
  type KpiContext,
  type KpiPlace,
  type KpiValue,
} from '../domain/briefings/briefing-kpis.ts';
import {
  addSlide,
  createBriefing,
  deleteSlide,
  duplicateSlide,
  moveSlide,
  renameBriefing,
  updateSlide,
  type EditContext,
} from '../domain/briefings/slide-ops.ts';
import { captureViewQuery, queryInLocale, readSlideView } from '../domain/briefings/slide-view.ts';
import {
  applyDrafts,
  draftKey,
  readDraftJournal,
  slideWithDraft,
  withDraft,
  writeDraftJournal,
  type TextDraft,
} from '../domain/briefings/slide-drafts.ts';
import type { SlideText } from '../domain/briefings/slide-ops.ts';
import { targetMeasures } from '../domain/indicators/target-measures.ts';
import { placeFromFeature } from '../domain/places/place-feature.format.ts';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { BriefingsRepo, type BriefingPutResult } from '../persistence/briefings.repo.ts';
import type { MuAtlasDb, StoredBriefing } from '../persistence/db.ts';
import { LiveQuery } from '../persistence/live-query.svelte.ts';
import type { AppState } from './app-state.svelte.ts';
import { HUZHOU_TARGET_YEAR, type HeatmapState } from './heatmap.svelte.ts';
import { PLACES_DATA_PATH } from './places.svelte.ts';
import { shaoxingMeasures } from './shaoxing.svelte.ts';
import type { ZonesState } from './zones.svelte.ts';

/** What the last write or import did; null before the first. */
export type BriefingOutcome =
  | { kind: 'conflict' }
  | { kind: 'storage-full' }
  | { kind: 'failed'; detail: string }
  | { kind: 'imported'; title: string; slideCount: number }
  | { kind: 'import-refused'; problems: BriefingFileProblem[] };

/** Why typed words could not be saved; they stay on the page until a retry saves them. */
export type DraftFailure =
  { kind: 'conflict' } | { kind: 'storage-full' } | { kind: 'failed'; detail: string };

/** The save state the editor shows: saved, saving (typed or writing), or failed with a retry. */
export type BriefingSaveStatus =
  { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; failure: DraftFailure };

/** How long typing must pause before the words are written. */
export const DRAFT_SAVE_DELAY_MS = 400;
/** localStorage keys of unsaved-words journals, one per tab (see slide-drafts.ts). */
const JOURNAL_PREFIX = 'muatlas:briefing-drafts:';

const newId = (): string => crypto.randomUUID();

function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage can be disabled by the browser; typed words are then only saved to IndexedDB.
    return null;
  }
}

/** The briefings feature's state; one per page while open, `dispose()` at the end. */
export class BriefingsState {
  selectedId = $state<string | null>(null);
  outcome = $state.raw<BriefingOutcome | null>(null);
  /** The seeds' places for the projects KPI; null until loaded. */
  places = $state.raw<KpiPlace[] | null>(null);

  /** The drawn zones, read only, for the zones KPI (the page's shared state); null until loaded. */
  #zones = $state.raw<ZonesState | null>(null);
  #disposed = false;
  /** Words typed but not stored yet, shown over the stored briefing (see `slideShown`). */
  drafts = $state.raw<ReadonlyMap<string, TextDraft>>(new Map());

  readonly briefings: StoredBriefing[];
  readonly selected: StoredBriefing | null;
  readonly saveStatus: BriefingSaveStatus;

  readonly #repo: BriefingsRepo;
  readonly #live: LiveQuery<StoredBriefing[]>;
  readonly #app: AppState;
  readonly #heatmap: HeatmapState;
  /** Briefings as this tab last saved them, until the live list catches up. */
  #saved = $state.raw<ReadonlyMap<string, StoredBriefing>>(new Map());
  /** Writes run one after another, so each is based on the revision the previous one made. */
  #queue: Promise<unknown> = Promise.resolve();
  #draftWrites = $state(0);
  #draftFailure = $state.raw<DraftFailure | null>(null);
  #draftTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #storage = localStore();
  readonly #journalKey = `${JOURNAL_PREFIX}${newId()}`;
  /** The page is closing or hidden: save now, and journal the words in case the write is cut off. */
  readonly #onPageHide = (): void => {
    this.#writeJournal();
    void this.flush();
  };
  readonly #onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.#onPageHide();
  };

  constructor(db: MuAtlasDb, app: AppState, heatmap: HeatmapState) {
    this.#repo = new BriefingsRepo(db);
    this.#live = new LiveQuery(this.#repo.liveAll(), [] as StoredBriefing[]);
    this.#app = app;
    this.#heatmap = heatmap;
    this.briefings = $derived(
      this.#live.current.map((b) => {
        const mine = this.#saved.get(b.id);
        return mine && mine.revision > b.revision ? mine : b;
      }),
    );
    this.selected = $derived(this.briefings.find((b) => b.id === this.selectedId) ?? null);
    this.saveStatus = $derived.by((): BriefingSaveStatus => {
      if (this.#draftFailure) return { kind: 'failed', failure: this.#draftFailure };
      if (this.drafts.size > 0 || this.#draftWrites > 0) return { kind: 'saving' };
      return { kind: 'saved' };
    });
    window.addEventListener('pagehide', this.#onPageHide);
    document.addEventListener('visibilitychange', this.#onVisibility);
    void this.#recoverJournals();
  }

  get loaded(): boolean {
    return this.#live.loaded;
  }

  dispose(): void {
    window.removeEventListener('pagehide', this.#onPageHide);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    void this.flush();
    this.#live.dispose();
    this.#disposed = true;
  }

  /** A slide as the editor shows it: the stored words with any typed ones over them. */
  slideShown(briefingId: string, slide: BriefingSlide): BriefingSlide {
    return slideWithDraft(this.drafts, briefingId, slide);
  }

  /** The briefing's title as the editor shows it (typed or stored). */
  titleShown(briefing: Briefing): string {
    return this.drafts.get(draftKey(briefing.id, null))?.patch.title ?? briefing.title;
  }

  /**
   * Takes words as they are typed (a slide's, or the briefing title when `slideId` is null);
   * they are saved once typing pauses for `DRAFT_SAVE_DELAY_MS`, or at once when the page hides.
   */
  type(briefingId: string, slideId: string | null, patch: Partial<SlideText>): void {
    this.drafts = withDraft(this.drafts, briefingId, slideId, patch);
    clearTimeout(this.#draftTimer);
    this.#draftTimer = setTimeout(() => void this.flush(), DRAFT_SAVE_DELAY_MS);
  }

  /** Saves every typed word now; resolves false when a write failed (the words stay shown). */
  async flush(): Promise<boolean> {
    clearTimeout(this.#draftTimer);
    this.#draftTimer = undefined;
    const pending = this.drafts;
    if (pending.size === 0) return true;
    const ids = new Set([...pending.values()].map((d) => d.briefingId));
    this.#draftWrites += 1;
    try {
      const results = await Promise.all(
        [...ids].map((id) => this.#saveDrafts(id, [...pending.values()])),
      );
      const failure = results.find((r) => r !== null) ?? null;
      this.#draftFailure = failure;
      if (failure) return false;
      // Words typed while the write ran stay as drafts for the next save.
      const left = new Map(this.drafts);
      for (const [key, draft] of pending) if (left.get(key) === draft) left.delete(key);
      this.drafts = left;
      this.#writeJournal();
      return true;
    } finally {
      this.#draftWrites -= 1;
    }
  }

  /** Tries the failed save again, over what is stored now (a conflict keeps the other tab's other edits). */
  retrySave(): Promise<boolean> {
    this.#draftFailure = null;
    return this.flush();
  }

  #saveDrafts(id: string, drafts: TextDraft[]): Promise<DraftFailure | null> {
    return this.#enqueue(async (): Promise<DraftFailure | null> => {
      const base = this.#current(id);
      // A deleted briefing took its words with it.
      if (!base) return null;
      const { revision, ...briefing } = base;
      const next = applyDrafts(briefing, drafts, new Date().toISOString());
      if (next === briefing) return null;
      const result = await this.#repo.put(next, revision);
      if (this.#record(result, false)) return null;
      return result.ok ? null : { kind: result.kind };
    }).catch((error: unknown) => ({
      kind: 'failed' as const,
      detail: error instanceof Error ? error.message : String(error),
    }));
  }

  #writeJournal(): void {
    try {
      if (this.drafts.size > 0)
        this.#storage?.setItem(this.#journalKey, writeDraftJournal(this.drafts.values()));
      else this.#storage?.removeItem(this.#journalKey);
    } catch {
      // A full localStorage: the IndexedDB write started beside it is the remaining chance.
    }
  }

  /** Applies words left unsaved by pages that closed (or hid) before their write finished. */
  async #recoverJournals(): Promise<void> {
    const storage = this.#storage;
    if (!storage) return;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(JOURNAL_PREFIX) && key !== this.#journalKey) keys.push(key);
    }
    for (const key of keys) {
      const drafts = readDraftJournal(storage.getItem(key) ?? '');
      const ids = new Set(drafts.map((d) => d.briefingId));
      const saved = await Promise.all(
        [...ids].map((id) =>
          this.#enqueue(async () => {
            const base = await this.#repo.get(id);
            if (!base) return true;
            const { revision, ...briefing } = base;
            const next = applyDrafts(briefing, drafts, new Date().toISOString());
            return next === briefing || this.#record(await this.#repo.put(next, revision));
          }).catch(() => false),
        ),
      );
      if (saved.every(Boolean)) storage.removeItem(key);
    }
  }

  #ctx(): EditContext {
    return { now: new Date().toISOString(), newId };
  }

  #current(id: string): StoredBriefing | undefined {
    return this.briefings.find((b) => b.id === id);
  }

  /** Keeps a saved briefing until the live list has it; reports a failure unless `report` is false. */
  #record(result: BriefingPutResult, report = true): boolean {
    if (result.ok) {
      this.#saved = new Map(this.#saved).set(result.saved.id, result.saved);
      if (report) this.outcome = null;
      return true;
    }
    if (report)
      this.outcome = result.kind === 'conflict' ? { kind: 'conflict' } : { kind: 'storage-full' };
    if (result.kind === 'conflict') {
      const saved = new Map(this.#saved);
      saved.delete(result.briefingId);
      this.#saved = saved;
    }
    return false;
  }

  #enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work).catch((error: unknown) => {
      this.outcome = {
        kind: 'failed',
        detail: error instanceof Error ? error.message : String(error),
      };
      throw error;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Applies an edit to the stored briefing and saves the result whole. */
  #edit(id: string, change: (b: Briefing, ctx: EditContext) => Briefing): Promise<boolean> {
    return this.#enqueue(async () => {
      const base = this.#current(id);
      if (!base) return false;
      const { revision, ...briefing } = base;
      const next = change(briefing, this.#ctx());
      if (next === briefing) return true;
      return this.#record(await this.#repo.put(next, revision));
    });
  }

  /** Creates a briefing and selects it. */
  create(title: string): Promise<boolean> {
    return this.#enqueue(async () => {
      const briefing = createBriefing(title, this.#ctx());
      const ok = this.#record(await this.#repo.put(briefing, 0));
      if (ok) this.selectedId = briefing.id;
      return ok;
    });
  }

  rename(id: string, title: string): Promise<boolean> {
    return this.#edit(id, (b, ctx) => renameBriefing(b, title, ctx));
  }

  deleteBriefing(id: string): Promise<boolean> {
    return this.#enqueue(async () => {
      const base = this.#current(id);
      if (!base) return false;
      const result = await this.#repo.delete(id, base.revision);
      if (!result.ok) {
        this.outcome = result.kind === 'conflict' ? { kind: 'conflict' } : { kind: 'storage-full' };
        return false;
      }
      if (this.selectedId === id) this.selectedId = null;
      return true;
    });
  }

  /** Adds what the map shows now as a slide, with the KPIs that fit it and a thumbnail. */
  async addCurrentView(id: string, title: string): Promise<boolean> {
    const viewQuery = captureViewQuery(window.location.search);
    const boundsLonLat = this.#app.map.viewBounds();
    const thumbnailDataUrl = await this.#thumbnail();
    const view = {
      title,
      viewQuery,
      boundsLonLat,
      kpiIds: suggestedKpis(readSlideView(viewQuery)),
      ...(thumbnailDataUrl === null ? {} : { thumbnailDataUrl }),
    };
    return this.#edit(id, (b, ctx) => addSlide(b, view, ctx));
  }

  /** Replaces a slide's view and thumbnail with what the map shows now, keeping its words. */
  async recapture(id: string, slideId: string): Promise<boolean> {
    const viewQuery = captureViewQuery(window.location.search);
    const boundsLonLat = this.#app.map.viewBounds();
    const thumbnailDataUrl = await this.#thumbnail();
    const patch = {
      viewQuery,
      boundsLonLat,
      ...(thumbnailDataUrl === null ? {} : { thumbnailDataUrl }),
    };
    return this.#edit(id, (b, ctx) => updateSlide(b, slideId, patch, ctx));
  }

  /** A slide without a picture is still a slide: a failed capture only leaves it out. */
  async #thumbnail(): Promise<string | null> {
    try {
      return await this.#app.map.captureThumbnail();
    } catch {
      return null;
    }
  }

  duplicateSlide(id: string, slideId: string): Promise<boolean> {
    return this.#edit(id, (b, ctx) => duplicateSlide(b, slideId, ctx));
  }

  moveSlide(id: string, slideId: string, toIndex: number): Promise<boolean> {
    return this.#edit(id, (b, ctx) => moveSlide(b, slideId, toIndex, ctx));
  }

  updateSlide(
    id: string,
    slideId: string,
    patch: Partial<Omit<BriefingSlide, 'id'>>,
  ): Promise<boolean> {
    return this.#edit(id, (b, ctx) => updateSlide(b, slideId, patch, ctx));
  }

  deleteSlide(id: string, slideId: string): Promise<boolean> {
    return this.#edit(id, (b, ctx) => deleteSlide(b, slideId, ctx));
  }

  /** The briefing as a file's text. */
  exportText(briefing: Briefing): string {
    return writeBriefingFile(briefing, new Date().toISOString());
  }

  /** Imports a briefing file as a new briefing and selects it; nothing is stored on any problem. */
  importText(text: string): Promise<boolean> {
    return this.#enqueue(async () => {
      const read = readBriefingFile(text);
      if (!read.ok) {
        this.outcome = { kind: 'import-refused', problems: read.problems };
        return false;
      }
      const result = await this.#repo.importNew(read.briefing, newId());
      if (!this.#record(result) || !result.ok) return false;
      this.selectedId = result.saved.id;
      this.outcome = {
        kind: 'imported',
        title: result.saved.title,
        slideCount: result.saved.slides.length,
      };
      return true;
    });
  }

  /** Shows a slide on the map, flying there over `flyDurationMs`. */
  showSlide(slide: BriefingSlide, flyDurationMs: number): Promise<void> {
    return this.#app.applyQuery(queryInLocale(slide.viewQuery, this.#app.locale), flyDurationMs);
  }

  #kpiContext(slide: BriefingSlide): KpiContext {
    const view = readSlideView(slide.viewQuery);
    const measures =
      view.region === 'huzhou'
        ? targetMeasures(this.#heatmap.catalogue, view.cityCode, HUZHOU_TARGET_YEAR)
        : shaoxingMeasures();
    const actuals = this.#heatmap.actuals;
    return {
      view,
      boundsLonLat: slide.boundsLonLat,
      measures,
      actualOf: (measureId, year, code) =>
        actuals?.valuesFor(measureId, year).get(code)?.value ?? null,
      places: this.places,
      zones: this.#zones?.progress ?? null,
    };
  }

  /** The slide's KPI cards, computed now from the app's data (reactive to actuals and places). */
  kpisOf(slide: BriefingSlide): KpiValue[] {
    const ids = slide.kpiIds.filter(isKpiId);
    if (ids.length === 0) return [];
    const ctx = this.#kpiContext(slide);
    return ids.map((id) => computeKpi(id, ctx));
  }

  /**
   * Opens the drawn zones for the zones KPI; its figures follow every zone edit (in any tab)
   * through the zones' live query. Read only: nothing here writes a zone. The state is the one
   * the zones tab and heatmap share (zones-loader.ts), so it is not disposed here.
   */
  async loadZones(): Promise<void> {
    if (this.#zones) return;
    const { loadZonesState } = await import('./zones-loader.ts');
    const zones = await loadZonesState();
    if (!this.#disposed) this.#zones = zones;
  }

  /** Fetches places.geojson once, for the projects KPI. */
  async loadPlaces(fetchImpl: typeof fetch = fetch): Promise<void> {
    if (this.places) return;
    const url = new URL(`${import.meta.env.BASE_URL}${PLACES_DATA_PATH}`, window.location.href);
    const response = await fetchImpl(url);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const data = (await response.json()) as FeatureCollection<Point, Record<string, unknown>>;
    this.places = data.features.map((f) =>
      placeFromFeature(f as Feature<Point, Record<string, unknown>>),
    );
  }
}
