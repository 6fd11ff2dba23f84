import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ZonePointIndex } from './zone-contents.ts';
import {
  evaluatedPointsOf,
  summarizeZoneEvaluation,
  type EvaluatedPoint,
} from './zone-evaluation.ts';

let nextIndex = 0;
function point(fields: Partial<EvaluatedPoint>): EvaluatedPoint {
  const recordIndex = fields.recordIndex ?? nextIndex++;
  return {
    id: `layer#${recordIndex}`,
    lon: 120.05,
    lat: 30.85,
    recordIndex,
    name: `企业${recordIndex}`,
    evaluationClass: null,
    flagged: false,
    flagRules: [],
    landMu: null,
    taxWanYuan: null,
    ...fields,
  };
}

describe('summarizeZoneEvaluation', () => {
  it('counts classes, unscored and flagged enterprises', () => {
    const summary = summarizeZoneEvaluation([
      point({ evaluationClass: 'A' }),
      point({ evaluationClass: 'A' }),
      point({ evaluationClass: 'B' }),
      point({ evaluationClass: 'D', flagged: true, flagRules: ['below-size-d-class'] }),
      point({ evaluationClass: null, flagged: null }),
      point({ evaluationClass: 'C', flagged: true, flagRules: ['above-size-low-tax'] }),
    ]);
    expect(summary.enterpriseCount).toBe(6);
    expect(summary.countByClass).toEqual({ A: 2, B: 1, C: 1, D: 1 });
    expect(summary.unclassedCount).toBe(1);
    expect(summary.flaggedCount).toBe(2);
  });

  it('adds the land of D-class and flagged enterprises once each, and no missing or negative land', () => {
    const summary = summarizeZoneEvaluation([
      point({ evaluationClass: 'D', flagged: true, landMu: 30 }),
      point({ evaluationClass: 'D', flagged: false, landMu: 12.5 }),
      point({ evaluationClass: 'B', flagged: true, landMu: 40 }),
      point({ evaluationClass: 'A', flagged: false, landMu: 500 }),
      point({ evaluationClass: 'D', flagged: null, landMu: null }),
      point({ evaluationClass: 'D', flagged: false, landMu: -3 }),
    ]);
    expect(summary.dClassLandMu).toBe(42.5);
    expect(summary.flaggedLandMu).toBe(70);
    // 30 + 12.5 + 40: the enterprise both D and flagged is not counted twice; class A frees none.
    expect(summary.renewalLandMu).toBe(82.5);
  });

  it('lists D-class and flagged enterprises with their tax per mu, flagged D first, then by land', () => {
    const a = point({ name: '甲', evaluationClass: 'A', landMu: 900, taxWanYuan: 9000 });
    const d = point({ name: '乙', evaluationClass: 'D', landMu: 20, taxWanYuan: 10 });
    const flaggedC = point({ name: '丙', evaluationClass: 'C', flagged: true, landMu: 80 });
    const both = point({
      name: '丁',
      evaluationClass: 'D',
      flagged: true,
      landMu: 5,
      taxWanYuan: 2,
    });
    const noLand = point({ name: '戊', evaluationClass: 'D', landMu: 0, taxWanYuan: 3 });
    const summary = summarizeZoneEvaluation([a, d, flaggedC, both, noLand]);
    expect(summary.listed.map((l) => l.point.name)).toEqual(['丁', '丙', '乙', '戊']);
    expect(summary.listed.map((l) => l.taxPerMuWanYuan)).toEqual([0.4, null, 0.5, null]);
  });

  it('gives zeros and an empty list for a zone without evaluated enterprises', () => {
    const summary = summarizeZoneEvaluation([]);
    expect(summary).toMatchObject({
      enterpriseCount: 0,
      countByClass: { A: 0, B: 0, C: 0, D: 0 },
      flaggedCount: 0,
      renewalLandMu: 0,
      listed: [],
    });
  });
});

describe('evaluated points inside a zone', () => {
  const zone: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [120, 30.8],
        [120.1, 30.8],
        [120.1, 30.9],
        [120, 30.9],
        [120, 30.8],
      ],
    ],
  };

  it('counts only the enterprises inside the outline', () => {
    const inside = point({ lon: 120.05, lat: 30.85, evaluationClass: 'D', landMu: 10 });
    const outside = point({ lon: 120.2, lat: 30.85, evaluationClass: 'D', landMu: 99 });
    const summary = summarizeZoneEvaluation(new ZonePointIndex([inside, outside]).within(zone));
    expect(summary.countByClass.D).toBe(1);
    expect(summary.renewalLandMu).toBe(10);
  });
});

describe('evaluatedPointsOf', () => {
  /** Three enterprises: D and flagged, B, and A without a position. */
  const columns = {
    recordIndex: Int32Array.from([7, 3, 9]),
    classCode: Uint8Array.from([4, 2, 1]),
    flag: Int8Array.from([1, -1, 0]),
    lon: Float64Array.from([120.1, 120.2, NaN]),
    lat: Float64Array.from([30.9, 30.8, NaN]),
    landMu: Float64Array.from([25, NaN, 4]),
    taxWanYuan: Float64Array.from([5, 1, 2]),
  };
  const listed = new Map([[7, { name: '甲企业', flagRules: ['below-size-d-class' as const] }]]);

  it('reads class, flag, land and tax per enterprise, with the listed names and rules', () => {
    const points = evaluatedPointsOf('L', columns, listed);
    expect(points).toEqual([
      {
        id: 'L#7',
        lon: 120.1,
        lat: 30.9,
        recordIndex: 7,
        name: '甲企业',
        evaluationClass: 'D',
        flagged: true,
        flagRules: ['below-size-d-class'],
        landMu: 25,
        taxWanYuan: 5,
      },
      {
        id: 'L#3',
        lon: 120.2,
        lat: 30.8,
        recordIndex: 3,
        name: '',
        evaluationClass: 'B',
        flagged: null,
        flagRules: [],
        landMu: null,
        taxWanYuan: 1,
      },
    ]);
  });

  it('leaves out an enterprise without a position, so no zone counts it', () => {
    const points = evaluatedPointsOf('L', columns, listed);
    expect(points.map((p) => p.recordIndex)).not.toContain(9);
  });
});
