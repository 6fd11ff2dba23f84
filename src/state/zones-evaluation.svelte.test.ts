import { describe, expect, it } from 'vitest';
import { evaluatedLayerOf, type EvaluationSource } from './zones-evaluation.svelte.ts';

function source(fields: Partial<EvaluationSource> = {}): EvaluationSource {
  return {
    layerId: 'layer-1',
    layer: { name: '企业名单 2023', kind: 'enterprises' },
    isDemo: false,
    recordsLoaded: true,
    evaluatedRecords: {
      recordIndex: [4],
      classCode: [4],
      flag: [1],
      lon: [120.1],
      lat: [30.8],
      landMu: [30],
      taxWanYuan: [12],
    },
    listed: new Map([[4, { name: '甲企业', flagRules: ['below-size-d-class'] }]]),
    watchRecords: () => () => {},
    ...fields,
  };
}

describe('evaluatedLayerOf', () => {
  it('turns the evaluated enterprises into zone points and names the layer', () => {
    expect(evaluatedLayerOf(source({ isDemo: true }))).toEqual({
      layerId: 'layer-1',
      layerName: '企业名单 2023',
      synthetic: true,
      points: [
        expect.objectContaining({
          recordIndex: 4,
          name: '甲企业',
          lon: 120.1,
          lat: 30.8,
          evaluationClass: 'D',
          flagged: true,
        }),
      ],
    });
  });

  it('gives nothing for a parcels layer, no layer, or records not read yet', () => {
    expect(evaluatedLayerOf(source({ layer: { name: '地块', kind: 'parcels' } }))).toBeNull();
    expect(evaluatedLayerOf(source({ layerId: null, layer: null }))).toBeNull();
    expect(evaluatedLayerOf(source({ recordsLoaded: false }))).toBeNull();
  });
});
