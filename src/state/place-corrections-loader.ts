import type { PlaceCorrectionsState } from './place-corrections.svelte.ts';

/**
 * Opens users' place corrections in IndexedDB. Loaded on first use, so the database code stays
 * out of the first page load; the places layer draws the seeds' points until it resolves.
 */
export async function loadPlaceCorrectionsState(): Promise<PlaceCorrectionsState> {
  const [{ PlaceCorrectionsState }, { MuAtlasDb }] = await Promise.all([
    import('./place-corrections.svelte.ts'),
    import('../persistence/db.ts'),
  ]);
  return new PlaceCorrectionsState(new MuAtlasDb());
}
