import type { EvaluationState } from './evaluation.svelte.ts';

/**
 * Opens the per-mu evaluation: its state, the imported layers and the stored settings. Loaded
 * on first use, so the evaluation and database code stay out of the first page load.
 */
export async function loadEvaluationState(): Promise<EvaluationState> {
  const [{ EvaluationState }, { MuAtlasDb }, { ImportedLayersRepo }, { SettingsRepo }] =
    await Promise.all([
      import('./evaluation.svelte.ts'),
      import('../persistence/db.ts'),
      import('../persistence/imported-layers.repo.ts'),
      import('../persistence/settings.repo.ts'),
    ]);
  const db = new MuAtlasDb();
  const state = new EvaluationState(new ImportedLayersRepo(db), new SettingsRepo(db));
  await state.loadSettings();
  return state;
}
