import type { IndicatorCatalogue } from '../domain/indicators/indicator-catalogue.ts';
import type { ActualsState } from './actuals.svelte.ts';

/**
 * Opens the planners' actual values in IndexedDB. Loaded on first use, so the database code
 * stays out of the first page load of a user who only reads the map.
 */
export async function loadActualsState(catalogue: IndicatorCatalogue): Promise<ActualsState> {
  const [{ ActualsState }, { MuAtlasDb }] = await Promise.all([
    import('./actuals.svelte.ts'),
    import('../persistence/db.ts'),
  ]);
  return new ActualsState(new MuAtlasDb(), catalogue);
}
