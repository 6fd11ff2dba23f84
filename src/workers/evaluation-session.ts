/**
 * What the evaluation worker does, as plain code: it reads the evaluated layer's records from
 * IndexedDB itself, evaluates them with the settings the page sends, and answers with the view
 * the page shows (evaluation-view.ts). Reading and evaluating a 200,000-record layer on the page
 * held it for seconds. The records stay here between requests, so a weight change re-evaluates
 * without reading them again and a sort re-sorts without re-evaluating.
 *
 * It runs in the worker (src/workers/evaluation.worker.ts) and, unchanged, in unit tests.
 */
import type { Geometry } from 'geojson';
import { fromRecord, type EnterpriseInputs } from '../domain/evaluation/enterprise-inputs.ts';
import {
  evaluateLayer,
  type EvaluatedEnterprise,
  type LayerEvaluation,
} from '../domain/evaluation/evaluate-layer.ts';
import type { EvaluationSettings } from '../domain/evaluation/evaluation-settings.ts';
import {
  evaluationViewOf,
  sortRows,
  type EvaluationView,
  type SortKey,
} from '../domain/evaluation/evaluation-view.ts';
import type { MuAtlasDb } from '../persistence/db.ts';
import { ImportedLayersRepo } from '../persistence/imported-layers.repo.ts';

/** What to evaluate and how the table is ordered. */
export interface EvaluationRequest {
  layerId: string;
  /** The stored layer's revision: a new one (a backup restored over it) reads it again. */
  revision: number;
  settings: EvaluationSettings;
  /** Null for the layer's latest year. */
  year: number | null;
  sortKey: SortKey;
  descending: boolean;
  /** Rows of the table sent with the view. */
  pageSize: number;
}

interface LoadedLayer {
  layerId: string;
  revision: number;
  inputs: EnterpriseInputs[];
  geometries: (Geometry | null)[];
}

/** The evaluated layer held between requests, with its last evaluation and order. */
export class EvaluationSession {
  #layer: LoadedLayer | null = null;
  #evaluated: { key: string; evaluation: LayerEvaluation } | null = null;
  #sorted: { key: string; rows: EvaluatedEnterprise[] } | null = null;

  /** Evaluates the layer (reading it only when it is not the one held) and builds the view. */
  async evaluate(db: MuAtlasDb, request: EvaluationRequest): Promise<EvaluationView> {
    const layer = await this.#load(db, request.layerId, request.revision);
    const evaluationKey = JSON.stringify([
      layer.layerId,
      layer.revision,
      request.settings,
      request.year,
    ]);
    if (this.#evaluated?.key !== evaluationKey) {
      this.#evaluated = {
        key: evaluationKey,
        evaluation: evaluateLayer(layer.inputs, request.settings, request.year),
      };
      this.#sorted = null;
    }
    const { evaluation } = this.#evaluated;
    const sortKey = JSON.stringify([evaluationKey, request.sortKey, request.descending]);
    if (this.#sorted?.key !== sortKey) {
      this.#sorted = {
        key: sortKey,
        rows: sortRows(evaluation.enterprises, request.sortKey, request.descending),
      };
    }
    return evaluationViewOf(
      evaluation,
      this.#sorted.rows,
      request.pageSize,
      (index) => layer.geometries[index],
    );
  }

  /** Rows `offset` to `offset + count` of the last view's table, in its order. */
  rows(offset: number, count: number): EvaluatedEnterprise[] {
    return this.#sorted?.rows.slice(offset, offset + count) ?? [];
  }

  async #load(db: MuAtlasDb, layerId: string, revision: number): Promise<LoadedLayer> {
    const held = this.#layer;
    if (held && held.layerId === layerId && held.revision === revision) return held;
    this.#layer = null;
    this.#evaluated = null;
    this.#sorted = null;
    const records = await new ImportedLayersRepo(db).records(layerId);
    const geometries: (Geometry | null)[] = [];
    for (const record of records) geometries[record.index] = record.geometry;
    const layer = { layerId, revision, inputs: records.map(fromRecord), geometries };
    this.#layer = layer;
    return layer;
  }
}
