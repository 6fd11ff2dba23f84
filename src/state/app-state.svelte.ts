import { tick } from 'svelte';
import { cityOfRegion, type CityInfo, type RegionId } from '../domain/regions.ts';
import {
  DEFAULT_VIEW_STATE,
  LOCALES,
  withLayerVisibility,
  parseViewState,
  serializeViewState,
  type CameraView,
  type LayerGroup,
  type Locale,
} from '../domain/view-state.ts';
import { loadMessages, messagesFor, type Messages } from '../i18n/index.ts';
import { MapController } from '../map/map-controller.svelte.ts';
import { scheduleUrlUpdate } from './url-writer.ts';

const LOCALE_STORAGE_KEY = 'muatlas.locale';

function rememberedLocale(): Locale {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    return LOCALES.includes(stored as Locale) ? (stored as Locale) : 'zh-CN';
  } catch {
    // Storage can be blocked (privacy settings); the default language still works.
    return 'zh-CN';
  }
}

/** The language the page opens in: the URL's, else the one remembered, else Chinese. */
export function initialLocale(search: string): Locale {
  return parseViewState(search, rememberedLocale()).locale;
}

/**
 * What the user is looking at: region, language, camera and layers. The page URL mirrors it,
 * so a view can be bookmarked or shared; the language is also remembered across visits.
 */
export class AppState {
  region = $state<RegionId>('huzhou');
  locale = $state<Locale>('zh-CN');
  camera = $state.raw<CameraView | null>(null);
  visibleLayers = $state.raw<ReadonlySet<LayerGroup>>(DEFAULT_VIEW_STATE.visibleLayers);
  /**
   * Renewal zones on the map: the layer panel's toggle, turned on by opening the zones tab.
   * Off at first, so the zones' IndexedDB and drawing code load only when asked for.
   */
  zonesLayerOn = $state(false);

  /** The map this state drives. */
  readonly map = new MapController();

  readonly messages: Messages = $derived(messagesFor(this.locale));
  readonly city: CityInfo = $derived(cityOfRegion(this.region));

  constructor(search: string) {
    const view = parseViewState(search, rememberedLocale());
    this.region = view.region;
    this.locale = view.locale;
    this.camera = view.camera;
    this.visibleLayers = view.visibleLayers;
  }

  /** Chooses a region; its default framing replaces the current camera. */
  selectRegion(region: RegionId): void {
    if (region === this.region) return;
    this.region = region;
    this.camera = null;
  }

  /** Switches the language once its words are loaded (English is fetched on first use). */
  async selectLocale(locale: Locale): Promise<void> {
    await loadMessages(locale);
    this.locale = locale;
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Not remembered across visits, but the URL still carries it.
    }
  }

  toggleLayer(group: LayerGroup, visible: boolean): void {
    this.visibleLayers = withLayerVisibility(this.visibleLayers, group, visible);
  }

  #queryAppliers = new Set<(search: string) => void>();

  /**
   * Shows the view a query string describes without reloading (a briefing slide): the page URL
   * becomes that query, region, layers and camera are set here, and every state owner
   * registered with `onApplyQuery` reads its own parameters. The language stays the user's.
   */
  async applyQuery(search: string, flyDurationMs: number): Promise<void> {
    const view = parseViewState(search, this.locale);
    const query = serializeViewState({ ...view, locale: this.locale }, search);
    history.replaceState(history.state, '', `${query}${window.location.hash}`);
    this.region = view.region;
    this.visibleLayers = view.visibleLayers;
    this.camera = view.camera;
    for (const apply of this.#queryAppliers) apply(query);
    // After the region's own framing has started, so the saved camera wins.
    await tick();
    this.map.showView(view.camera, this.city.boundsLonLat, flyDurationMs);
  }

  /** Registers a state owner's reader for `applyQuery`; returns the cleanup. */
  onApplyQuery(apply: (search: string) => void): () => void {
    this.#queryAppliers.add(apply);
    return () => this.#queryAppliers.delete(apply);
  }

  /** Keeps the URL and `<html lang>` in step with the state; returns the cleanup. */
  startSync(): () => void {
    return $effect.root(() => {
      $effect(() => {
        document.documentElement.lang = this.locale;
        document.title = `${this.messages.app.title} · ${this.messages.region[this.region]}`;
      });
      $effect(() => {
        const view = {
          region: this.region,
          locale: this.locale,
          camera: this.camera,
          visibleLayers: this.visibleLayers,
        };
        scheduleUrlUpdate('view', (search) => serializeViewState(view, search));
      });
    });
  }
}
