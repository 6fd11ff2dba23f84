import type { ZonesState } from './zones.svelte.ts';

/**
 * Opens the renewal zones in IndexedDB and starts fetching the district outlines and places
 * their contents and progress need. Loaded on first use, so the database, Turf's clipping and
 * the point index stay out of the first page load.
 */
export async function loadZonesState(): Promise<ZonesState> {
  const [{ ZonesState }, { MuAtlasDb }] = await Promise.all([
    import('./zones.svelte.ts'),
    import('../persistence/db.ts'),
  ]);
  const state = new ZonesState(new MuAtlasDb());
  void state.loadReferenceData();
  return state;
}
