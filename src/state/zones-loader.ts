import type { ZonesState } from './zones.svelte.ts';

let shared: Promise<ZonesState> | null = null;

/**
 * Opens the renewal zones in IndexedDB and starts fetching the district outlines and places
 * their contents and progress need. Loaded on first use, so the database, Turf's clipping and
 * the point index stay out of the first page load. One state serves the zones tab and map, the
 * heatmap's zones measure and the briefings' zones KPI (one live query, one point index, and an
 * edit in the tab shows everywhere at once); it lives as long as the page, so no user disposes it.
 */
export function loadZonesState(): Promise<ZonesState> {
  shared ??= open().catch((error: unknown) => {
    shared = null;
    throw error;
  });
  return shared;
}

async function open(): Promise<ZonesState> {
  const [{ ZonesState }, { MuAtlasDb }] = await Promise.all([
    import('./zones.svelte.ts'),
    import('../persistence/db.ts'),
  ]);
  const state = new ZonesState(new MuAtlasDb());
  void state.loadReferenceData();
  return state;
}
