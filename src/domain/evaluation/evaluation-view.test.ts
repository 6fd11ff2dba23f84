import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { evaluateLayer } from './evaluate-layer.ts';
import { enterprise } from './evaluation.fixture.ts';
import { DEFAULT_EVALUATION_SETTINGS, type EvaluationSettings } from './evaluation-settings.ts';
import { evaluationViewOf, RecordClasses, sortRows } from './evaluation-view.ts';

/** Scored on tax per mu alone, four classes of one enterprise each. */
const settings: EvaluationSettings = {
  ...DEFAULT_EVALUATION_SETTINGS,
  aboveSizeWeights: {
    taxPerMu: 100,
    valueAddedPerMu: 0,
    valueAddedPerEnergy: 0,
    valueAddedPerEmission: 0,
    labourProductivity: 0,
    rdShare: 0,
  },
  classSharesPercent: { A: 25, B: 25, C: 25 },
};

// Records 10–13 (not 0–3, so an index is never mistaken for a position); 13 gives no land.
const inputs = [
  enterprise({ recordIndex: 10, name: '甲', figures: { taxWanYuan: 400, landAreaMu: 10 } }),
  enterprise({ recordIndex: 11, name: '乙', figures: { taxWanYuan: 100, landAreaMu: 10 } }),
  enterprise({ recordIndex: 12, name: '丙', figures: { taxWanYuan: 300, landAreaMu: 10 } }),
  enterprise({ recordIndex: 13, name: '丁', figures: { taxWanYuan: 200, landAreaMu: null } }),
  enterprise({ recordIndex: 14, name: '戊', figures: { taxWanYuan: 200, landAreaMu: 10 } }),
];
const square: Geometry = {
  type: 'Polygon',
  coordinates: [
    [
      [120, 30],
      [120.2, 30],
      [120.2, 30.2],
      [120, 30.2],
      [120, 30],
    ],
  ],
};
const geometries = new Map<number, Geometry | null>([
  [10, { type: 'Point', coordinates: [120.1, 30.9] }],
  [11, square],
  [12, null],
]);

describe('evaluationViewOf', () => {
  const evaluation = evaluateLayer(inputs, settings, 2023);
  const sorted = sortRows(evaluation.enterprises, 'score', true);
  const view = evaluationViewOf(evaluation, sorted, 2, (i) => geometries.get(i));

  it('sends the first rows of the table in its order, and how many there are', () => {
    expect(view.rows.map((r) => r.inputs.name)).toEqual(['甲', '丙']);
    expect(view.rowCount).toBe(5);
    expect(view.evaluation.counts).toEqual({ total: 5, scored: 4, unscored: 1, flagged: 0 });
    expect('enterprises' in view.evaluation).toBe(false);
  });

  it('gives each enterprise its class, position, land and tax by record index', () => {
    const classes = new RecordClasses(view.records);
    expect(classes.size).toBe(5);
    expect(classes.get(10)?.evaluationClass).toBe('A');
    expect(classes.get(11)?.evaluationClass).toBe('D');
    expect(classes.get(13)?.evaluationClass).toBeNull();
    expect(classes.get(0)).toBeUndefined();
    const entry = (index: number) => [...view.records.recordIndex].indexOf(index);
    // A point where it is, a square by its middle, nothing without a geometry.
    expect([view.records.lon[entry(10)], view.records.lat[entry(10)]]).toEqual([120.1, 30.9]);
    expect(view.records.lon[entry(11)]).toBeCloseTo(120.1, 9);
    expect(view.records.lat[entry(11)]).toBeCloseTo(30.1, 9);
    expect(view.records.lon[entry(12)]).toBeNaN();
    expect(view.records.landMu[entry(13)]).toBeNaN();
    expect(view.records.taxWanYuan[entry(13)]).toBe(200);
  });

  it('lists the class-D enterprises by name for the zones', () => {
    expect([...view.listed]).toEqual([[11, { name: '乙', flagRules: [] }]]);
  });
});
