import { describe, expect, it } from 'vitest';
import { fromRecord } from './enterprise-inputs.ts';
import { aboveSizeWith, enterprise } from './evaluation.fixture.ts';
import { DEFAULT_EVALUATION_SETTINGS, type EvaluationSettings } from './evaluation-settings.ts';
import { computeIndicator, computeIndicators } from './per-mu-indicators.ts';
import { median, missingInputsOf, scoreYear } from './per-mu-score.ts';

const typedBenchmarks: EvaluationSettings = {
  ...DEFAULT_EVALUATION_SETTINGS,
  aboveSizeBenchmarks: {
    taxPerMu: { kind: 'value', value: 20 },
    valueAddedPerMu: { kind: 'value', value: 100 },
    valueAddedPerEnergy: { kind: 'value', value: 2 },
    valueAddedPerEmission: { kind: 'value', value: 50 },
    labourProductivity: { kind: 'value', value: 25 },
    rdShare: { kind: 'value', value: 2 },
  },
};

describe('per-mu indicators', () => {
  it('divides the imported figures in the units their names say', () => {
    const e = enterprise({
      figures: {
        landAreaMu: 12.5,
        taxWanYuan: 500,
        valueAddedWanYuan: 2000,
        energyTce: 800,
        emissionsTonnes: 40,
        employees: 80,
        rdSpendingWanYuan: 90,
        revenueWanYuan: 3000,
        electricityKwh: 2_000_000,
      },
    });
    expect(computeIndicators(e)).toEqual({
      taxPerMu: 40,
      valueAddedPerMu: 160,
      valueAddedPerEnergy: 2.5,
      valueAddedPerEmission: 50,
      labourProductivity: 25,
      rdShare: 3,
      // 500 万元 = 5,000,000 元 over 2,000,000 kWh
      taxPerElectricity: 2.5,
    });
  });

  it('names the missing input and refuses a divisor of zero instead of dividing', () => {
    const e = enterprise({ figures: { taxWanYuan: 100, landAreaMu: 0 } });
    expect(computeIndicator(e, 'taxPerMu')).toEqual({
      value: null,
      problems: [{ input: 'landAreaMu', kind: 'not-positive' }],
    });
    expect(computeIndicator(e, 'valueAddedPerMu')).toEqual({
      value: null,
      problems: [
        { input: 'valueAddedWanYuan', kind: 'missing' },
        { input: 'landAreaMu', kind: 'not-positive' },
      ],
    });
  });
});

describe('scoreYear', () => {
  it('scores Σ weight × min(value ÷ benchmark, cap), worked by hand', () => {
    const e = aboveSizeWith({
      taxPerMu: 30, // 1.5 × 30
      valueAddedPerMu: 80, // 0.8 × 20
      valueAddedPerEnergy: 2, // 1 × 20
      valueAddedPerEmission: 150, // 3, capped at 2, × 10
      labourProductivity: 20, // 0.8 × 10
      rdShare: 3, // 1.5 × 10
    });
    const [scored] = scoreYear([e], typedBenchmarks).enterprises;
    expect(scored?.score).toBeCloseTo(45 + 16 + 20 + 20 + 8 + 15, 9);
    const [lowerCap] = scoreYear([e], { ...typedBenchmarks, ratioCap: 1.5 }).enterprises;
    expect(lowerCap?.score).toBeCloseTo(45 + 16 + 20 + 15 + 8 + 15, 9);
  });

  it('counts a negative ratio as zero, not as a penalty beyond the indicator', () => {
    const e = aboveSizeWith({
      taxPerMu: -10,
      valueAddedPerMu: 100,
      valueAddedPerEnergy: 2,
      valueAddedPerEmission: 50,
      labourProductivity: 25,
      rdShare: 2,
    });
    expect(scoreYear([e], typedBenchmarks).enterprises[0]?.score).toBeCloseTo(70, 9);
  });

  it('gives no score when an input of a weighted indicator is missing, and says which', () => {
    const e = enterprise({
      figures: {
        landAreaMu: 10,
        taxWanYuan: 200,
        valueAddedWanYuan: 1000,
        energyTce: 500,
        employees: 40,
        rdSpendingWanYuan: 20,
        revenueWanYuan: 1000,
      },
    });
    const [scored] = scoreYear([e], typedBenchmarks).enterprises;
    expect(scored?.score).toBeNull();
    expect(scored?.evaluationClass).toBeNull();
    expect(missingInputsOf(scored!)).toEqual(['emissionsTonnes']);

    // With the emissions indicator weighted zero, its input is no longer needed.
    const withoutEmissions: EvaluationSettings = {
      ...typedBenchmarks,
      aboveSizeWeights: {
        ...typedBenchmarks.aboveSizeWeights,
        valueAddedPerEmission: 0,
        taxPerMu: 40,
      },
    };
    // tax/mu 20 → 1 × 40; VA/mu 100 → 1 × 20; VA/tce 2 → 1 × 20; 25/person → 1 × 10; 2 % → 1 × 10
    expect(scoreYear([e], withoutEmissions).enterprises[0]?.score).toBeCloseTo(100, 9);
  });

  it('gives no score without a size class', () => {
    const [scored] = scoreYear([enterprise({ sizeClass: null })], typedBenchmarks).enterprises;
    expect(scored?.unscored).toEqual({ reason: 'size-class-missing' });
    expect(missingInputsOf(scored!)).toEqual(['sizeClass']);
  });

  it('scores 规下 enterprises on tax per mu and per kWh against medians of 规下 only', () => {
    const below = (taxWanYuan: number, landAreaMu: number, electricityKwh: number) =>
      enterprise({ sizeClass: 'below', figures: { taxWanYuan, landAreaMu, electricityKwh } });
    // tax/mu 1, 2, 4 → median 2; yuan/kWh 0.5, 1, 1 → median 1
    const rows = [below(10, 10, 200_000), below(20, 10, 200_000), below(40, 10, 400_000)];
    // A 规上 enterprise with a huge tax per mu must not move the 规下 median.
    const big = aboveSizeWith({
      taxPerMu: 500,
      valueAddedPerMu: 100,
      valueAddedPerEnergy: 2,
      valueAddedPerEmission: 50,
      labourProductivity: 25,
      rdShare: 2,
    });
    const result = scoreYear([...rows, big], DEFAULT_EVALUATION_SETTINGS);
    expect(result.benchmarks.below).toEqual({ taxPerMu: 2, taxPerElectricity: 1 });
    // A benchmark typed for 规上 tax per mu leaves the 规下 one alone.
    const typedAbove = scoreYear([...rows, big], {
      ...DEFAULT_EVALUATION_SETTINGS,
      aboveSizeBenchmarks: {
        ...DEFAULT_EVALUATION_SETTINGS.aboveSizeBenchmarks,
        taxPerMu: { kind: 'value', value: 37 },
      },
    });
    expect(typedAbove.benchmarks.above.taxPerMu).toBe(37);
    expect(typedAbove.benchmarks.below.taxPerMu).toBe(2);
    const scores = result.enterprises.slice(0, 3).map((r) => r.score);
    // 50 × min(1/2, 2) + 50 × 0.5; 50 × 1 + 50 × 1; 50 × 2 + 50 × 1
    expect(scores[0]).toBeCloseTo(50, 9);
    expect(scores[1]).toBeCloseTo(100, 9);
    expect(scores[2]).toBeCloseTo(150, 9);
  });

  it('has no benchmark, and so no score, when the median is not positive', () => {
    const rows = [0, -5, 0].map((tax) =>
      enterprise({
        sizeClass: 'below',
        figures: { taxWanYuan: tax, landAreaMu: 10, electricityKwh: 1000 },
      }),
    );
    const result = scoreYear(rows, DEFAULT_EVALUATION_SETTINGS);
    expect(result.benchmarks.below.taxPerMu).toBeNull();
    expect(result.enterprises[0]?.unscored).toEqual({
      reason: 'benchmark-unavailable',
      indicators: ['taxPerMu', 'taxPerElectricity'],
    });
  });

  it('classes by share, per size class, with ties sharing a class', () => {
    const tenScores = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    const rows = tenScores.map((tax) =>
      enterprise({
        sizeClass: 'below',
        figures: { taxWanYuan: tax, landAreaMu: 1, electricityKwh: 10_000 },
      }),
    );
    const settings: EvaluationSettings = {
      ...DEFAULT_EVALUATION_SETTINGS,
      classSharesPercent: { A: 20, B: 40, C: 30 },
    };
    const classes = scoreYear(rows, settings).enterprises.map((r) => r.evaluationClass);
    expect(classes.join('')).toBe('DCCCBBBBAA');

    const tied = [100, 100, 50, 10].map((tax) =>
      enterprise({
        sizeClass: 'below',
        figures: { taxWanYuan: tax, landAreaMu: 1, electricityKwh: 10_000 },
      }),
    );
    const tiedClasses = scoreYear(tied, {
      ...settings,
      classSharesPercent: { A: 25, B: 25, C: 25 },
    }).enterprises.map((r) => r.evaluationClass);
    expect(tiedClasses).toEqual(['A', 'A', 'C', 'D']);
  });

  it('classes by score cut-offs, a score at a cut-off reaching the class', () => {
    // Score = 50 × tax/mu ÷ 100 + 50 × (元/kWh ÷ 1); at 1 元/kWh a score s needs tax/mu 2s − 100.
    const targetScores = [120, 119, 90, 60, 59];
    const rows = targetScores.map((s) => {
      const taxWanYuan = 2 * s - 100;
      return enterprise({
        sizeClass: 'below',
        figures: { taxWanYuan, landAreaMu: 1, electricityKwh: taxWanYuan * 10_000 },
      });
    });
    const settings: EvaluationSettings = {
      ...DEFAULT_EVALUATION_SETTINGS,
      classMode: 'score',
      classCutoffs: { A: 120, B: 90, C: 60 },
      belowSizeBenchmarks: {
        taxPerMu: { kind: 'value', value: 100 },
        taxPerElectricity: { kind: 'value', value: 1 },
      },
    };
    const result = scoreYear(rows, settings).enterprises;
    result.forEach((r, i) => expect(r.score).toBeCloseTo(targetScores[i] as number, 9));
    expect(result.map((r) => r.evaluationClass)).toEqual(['A', 'B', 'B', 'C', 'D']);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('fromRecord', () => {
  it('reads the mapped fields, keeps a missing figure missing and joins years by credit code', () => {
    const inputs = fromRecord({
      layerId: 'l1',
      index: 7,
      geometry: null,
      fields: {
        name: ' 湖州某纺织有限公司 ',
        creditCode: '91330500ab1234567x',
        districtCode: '330503',
        industry: '纺织',
        sizeClass: '规下',
        year: 2023,
        landAreaMu: '1,234.5',
        taxWanYuan: 88,
        valueAddedWanYuan: '',
        energyQuotaBreached: '否',
      },
    });
    expect(inputs.enterpriseKey).toBe('91330500AB1234567X');
    expect(inputs.name).toBe('湖州某纺织有限公司');
    expect(inputs.sizeClass).toBe('below');
    expect(inputs.year).toBe(2023);
    expect(inputs.energyQuotaBreached).toBe(false);
    expect(inputs.figures.landAreaMu).toBe(1234.5);
    expect(inputs.figures.taxWanYuan).toBe(88);
    expect(inputs.figures.valueAddedWanYuan).toBeNull();
    expect(inputs.figures.energyTce).toBeNull();
  });

  it('leaves an unreadable size class unknown rather than guessing', () => {
    const inputs = fromRecord({
      layerId: 'l1',
      index: 0,
      geometry: null,
      fields: { sizeClass: '中型' },
    });
    expect(inputs.sizeClass).toBeNull();
    expect(inputs.enterpriseKey).toBe('record:0');
  });
});
