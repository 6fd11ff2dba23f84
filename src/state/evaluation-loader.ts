import type { EvaluationState } from './evaluation.svelte.ts';

let shared: Promise<EvaluationState> | null = null;

/**
 * Opens the per-mu evaluation: its state, the imported layers and the stored settings. Loaded
 * on first use, so the evaluation and database code stay out of the first page load. One state
 * serves the evaluation tab and the heatmap, so a layer, year or weight chosen in the tab is
 * what the heatmap shows; it lives as long as the page.
 */
export function loadEvaluationState(): Promise<EvaluationState> {
  shared ??= open().catch((error: unknown) => {
    shared = null;
    throw error;
  });
  return shared;
}

async function open(): Promise<EvaluationState> {
  const [
    { EvaluationState },
    { MuAtlasDb },
    { ImportedLayersRepo },
    { SettingsRepo },
    { workerEvaluationEngine },
  ] = await Promise.all([
    import('./evaluation.svelte.ts'),
    import('../persistence/db.ts'),
    import('../persistence/imported-layers.repo.ts'),
    import('../persistence/settings.repo.ts'),
    import('./evaluation-worker.ts'),
  ]);
  const db = new MuAtlasDb();
  const state = new EvaluationState(
    new ImportedLayersRepo(db),
    new SettingsRepo(db),
    workerEvaluationEngine(),
  );
  await state.loadSettings();
  return state;
}
