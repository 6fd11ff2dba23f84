/**
 * Feeds the user's evaluated enterprises into the zones' contents: the evaluation state's chosen
 * enterprise layer (shared with the evaluation tab and the heatmap, see evaluation-loader.ts)
 * becomes `EvaluatedPoint`s the zones state counts inside each zone. The evaluation is read
 * through `EvaluationSource` only, so where it is computed can change behind it.
 */
import {
  evaluatedPointsOf,
  type EvaluatedColumns,
  type ListedNames,
} from '../domain/zones/zone-evaluation.ts';
import type { ZoneEvaluatedLayer, ZonesState } from './zones.svelte.ts';

/** What the zones read of the evaluation state (evaluation.svelte.ts), as narrow as it is used. */
export interface EvaluationSource {
  readonly layerId: string | null;
  readonly layer: { name: string; kind: string } | null;
  readonly isDemo: boolean;
  readonly recordsLoaded: boolean;
  /** Per enterprise of the evaluated year: index, class, flag, position, land and tax. */
  readonly evaluatedRecords: EvaluatedColumns;
  /** Names and flag rules of the class-D and flagged enterprises. */
  readonly listed: ListedNames;
  /** Keeps the evaluation following the layer; returns its cleanup. */
  watchRecords(): () => void;
}

/**
 * The evaluated enterprises of the source's layer, placed; null without an enterprise layer or
 * before its records are read (so a zone never shows a count of nothing as zero).
 */
export function evaluatedLayerOf(source: EvaluationSource): ZoneEvaluatedLayer | null {
  const { layerId, layer } = source;
  if (layerId === null || !layer || layer.kind !== 'enterprises' || !source.recordsLoaded) {
    return null;
  }
  return {
    layerId,
    layerName: layer.name,
    synthetic: source.isDemo,
    points: evaluatedPointsOf(layerId, source.evaluatedRecords, source.listed),
  };
}

/**
 * Keeps the zones' evaluated layer in step with the source (a layer, year or setting changed in
 * the evaluation tab shows in the zone at once); the cleanup takes it off again.
 */
export function followEvaluation(zones: ZonesState, source: EvaluationSource): () => void {
  const stop = $effect.root(() => {
    $effect(() => source.watchRecords());
    $effect(() => zones.setEvaluatedLayer(evaluatedLayerOf(source)));
  });
  return () => {
    stop();
    zones.setEvaluatedLayer(null);
  };
}

/**
 * Opens the shared evaluation state (loaded on first use) and follows it; resolves with the
 * cleanup.
 */
export async function followSharedEvaluation(zones: ZonesState): Promise<() => void> {
  const { loadEvaluationState } = await import('./evaluation-loader.ts');
  return followEvaluation(zones, await loadEvaluationState());
}
