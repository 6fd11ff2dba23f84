import type { AppState } from './app-state.svelte.ts';
import type { BriefingsState } from './briefings.svelte.ts';
import type { HeatmapState } from './heatmap.svelte.ts';

/**
 * Opens the briefings store. Loaded on first use, so the briefing and database code stay out
 * of the first page load.
 */
export async function loadBriefingsState(
  app: AppState,
  heatmap: HeatmapState,
): Promise<BriefingsState> {
  const [{ BriefingsState }, { MuAtlasDb }] = await Promise.all([
    import('./briefings.svelte.ts'),
    import('../persistence/db.ts'),
  ]);
  return new BriefingsState(new MuAtlasDb(), app, heatmap);
}
