import { describe, expect, it } from 'vitest';
import type { EvaluatedRow } from '../domain/zones/zone-evaluation.ts';
import { evaluatedLayerOf, type EvaluationSource } from './zones-evaluation.svelte.ts';

const ROW: EvaluatedRow = {
  inputs: { recordIndex: 4, name: '甲企业', figures: { landAreaMu: 30, taxWanYuan: 12 } },
  evaluationClass: 'D',
  flag: { flagged: true, rules: ['below-size-d-class'] },
};

function source(fields: Partial<EvaluationSource> = {}): EvaluationSource {
  return {
    layerId: 'layer-1',
    layer: { name: '企业名单 2023', kind: 'enterprises' },
    isDemo: false,
    recordsLoaded: true,
    records: [{ index: 4, geometry: { type: 'Point', coordinates: [120.1, 30.8] } }],
    evaluation: { enterprises: [ROW] },
    watchRecords: () => () => {},
    ...fields,
  };
}

describe('evaluatedLayerOf', () => {
  it('places the evaluated rows at their records and names the layer', () => {
    expect(evaluatedLayerOf(source({ isDemo: true }))).toEqual({
      layerId: 'layer-1',
      layerName: '企业名单 2023',
      synthetic: true,
      points: [
        expect.objectContaining({ recordIndex: 4, lon: 120.1, lat: 30.8, evaluationClass: 'D' }),
      ],
    });
  });

  it('gives nothing for a parcels layer, no layer, or records not read yet', () => {
    expect(evaluatedLayerOf(source({ layer: { name: '地块', kind: 'parcels' } }))).toBeNull();
    expect(evaluatedLayerOf(source({ layerId: null, layer: null }))).toBeNull();
    expect(evaluatedLayerOf(source({ recordsLoaded: false }))).toBeNull();
  });
});
