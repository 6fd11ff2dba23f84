import { describe, expect, it } from 'vitest';
import { evaluateLayer } from './evaluate-layer.ts';
import { enterprise } from './evaluation.fixture.ts';
import {
  DEFAULT_EVALUATION_SETTINGS,
  settingsFromStored,
  validateEvaluationSettings,
  type EvaluationSettings,
} from './evaluation-settings.ts';

/** A 规上 enterprise-year scored on tax per mu alone, so its score follows its tax directly. */
const taxOnly: EvaluationSettings = {
  ...DEFAULT_EVALUATION_SETTINGS,
  aboveSizeWeights: {
    taxPerMu: 100,
    valueAddedPerMu: 0,
    valueAddedPerEnergy: 0,
    valueAddedPerEmission: 0,
    labourProductivity: 0,
    rdShare: 0,
  },
};

const above = (name: string, year: number, taxWanYuan: number, industry = '纺织') =>
  enterprise({
    name,
    year,
    industry,
    sizeClass: 'above',
    figures: { taxWanYuan, landAreaMu: 10 },
  });

const below = (name: string, year: number, taxWanYuan: number, electricityKwh = 100_000) =>
  enterprise({
    name,
    year,
    sizeClass: 'below',
    figures: { taxWanYuan, landAreaMu: 10, electricityKwh },
  });

describe('高耗低效, 规上: tax per mu against the industry average of the two years before', () => {
  // Industry 纺织, 2021 and 2022: Σ tax 200 + 600 over Σ land 10 + 10 → 40 万元/亩.
  const history = [above('甲', 2021, 200), above('乙', 2022, 600), above('丙', 2022, 5, '化工')];

  it('flags below 10 % of the average (4 万元/亩) by default, and not at or above it', () => {
    const result = evaluateLayer(
      [...history, above('低', 2023, 39), above('齐', 2023, 40)],
      taxOnly,
    );
    expect(result.year).toBe(2023);
    const [low, level] = result.enterprises;
    expect(low?.flag.flagged).toBe(true);
    expect(low?.flag.rules).toEqual(['above-size-low-tax']);
    expect(low?.flag.industryAverage).toEqual({ taxPerMu: 40, basis: 'previous-two-years' });
    expect(level?.flag.flagged).toBe(false);
  });

  it('reads "10 % below the average" when the fraction is set to 0.9', () => {
    const settings: EvaluationSettings = {
      ...taxOnly,
      highConsumption: { ...taxOnly.highConsumption, aboveSizeFractionOfIndustryAverage: 0.9 },
    };
    // 35 < 0.9 × 40 = 36 is flagged; 36 is not.
    const result = evaluateLayer(
      [...history, above('低', 2023, 350), above('平', 2023, 360)],
      settings,
    );
    expect(result.enterprises.map((e) => e.flag.flagged)).toEqual([true, false]);
  });

  it('leaves the rule undecided without the industry’s earlier years, unless told to use the same year', () => {
    const rows = [above('甲', 2023, 1000), above('乙', 2023, 30)];
    const strict = evaluateLayer(rows, taxOnly);
    expect(strict.enterprises[1]?.flag).toMatchObject({
      flagged: null,
      undecided: [{ rule: 'above-size-low-tax', cause: 'no-industry-history' }],
    });
    const lenient = evaluateLayer(rows, {
      ...taxOnly,
      highConsumption: { ...taxOnly.highConsumption, industryAverageFallback: 'same-year' },
    });
    // Same-year average: 1030 ÷ 20 = 51.5 → 10 % is 5.15; 乙 has 3.
    expect(lenient.enterprises[1]?.flag).toMatchObject({
      flagged: true,
      industryAverage: { taxPerMu: 51.5, basis: 'same-year' },
    });
  });

  it('needs the enterprise’s industry', () => {
    const rows = [
      ...history,
      enterprise({ year: 2023, industry: null, figures: { taxWanYuan: 1, landAreaMu: 10 } }),
    ];
    expect(evaluateLayer(rows, taxOnly).enterprises[0]?.flag.undecided).toEqual([
      { rule: 'above-size-low-tax', cause: 'industry-missing' },
    ]);
  });
});

describe('高耗低效, 规下: class D or tax under 1 万元/亩, two years running', () => {
  // Four 规下 enterprises a year, shares 25/25/25 so exactly the lowest score is D.
  const settings: EvaluationSettings = {
    ...DEFAULT_EVALUATION_SETTINGS,
    classSharesPercent: { A: 25, B: 25, C: 25 },
  };
  const year = (y: number, weakTax: number) => [
    below('弱', y, weakTax),
    below('一', y, 100),
    below('二', y, 120),
    below('三', y, 140),
  ];

  it('flags D in both years, with tax per mu above the floor', () => {
    const result = evaluateLayer([...year(2022, 30), ...year(2023, 30)], settings);
    const weak = result.enterprises[0];
    expect(weak?.evaluationClass).toBe('D');
    expect(weak?.flag.rules).toEqual(['below-size-d-class']);
    expect(result.enterprises[1]?.flag.flagged).toBe(false);
  });

  it('flags tax per mu under 1 万元/亩 in both years, and not when only this year', () => {
    const both = evaluateLayer([...year(2022, 5), ...year(2023, 5)], settings);
    expect(both.enterprises[0]?.flag.rules).toEqual(['below-size-d-class', 'below-size-low-tax']);
    const onlyNow = evaluateLayer(
      [...year(2022, 30), below('弱', 2023, 5), ...year(2023, 5).slice(1)],
      {
        ...settings,
        classMode: 'score',
        classCutoffs: { A: 300, B: 200, C: 1 },
      },
    );
    expect(onlyNow.enterprises[0]?.flag.flagged).toBe(false);
  });

  it('cannot decide the two-year rules from one year', () => {
    const result = evaluateLayer(year(2023, 5), settings);
    expect(result.enterprises[0]?.flag).toMatchObject({
      flagged: null,
      undecided: [
        { rule: 'below-size-d-class', cause: 'no-previous-year' },
        { rule: 'below-size-low-tax', cause: 'no-previous-year' },
      ],
    });
  });

  it('flags an energy-quota breach the data reports, whatever the rest says', () => {
    const rows = [enterprise({ year: 2023, energyQuotaBreached: true })];
    expect(evaluateLayer(rows, settings).enterprises[0]?.flag).toMatchObject({
      flagged: true,
      rules: ['energy-quota-breach'],
    });
  });
});

describe('district roll-ups', () => {
  it('counts classes and their land, D-class land share and Σ tax ÷ Σ land per district', () => {
    const settings: EvaluationSettings = {
      ...taxOnly,
      classMode: 'score',
      classCutoffs: { A: 150, B: 100, C: 50 },
      aboveSizeBenchmarks: {
        ...taxOnly.aboveSizeBenchmarks,
        taxPerMu: { kind: 'value', value: 10 },
      },
    };
    const at = (districtCode: string, taxWanYuan: number, landAreaMu: number) =>
      enterprise({ districtCode, year: 2023, figures: { taxWanYuan, landAreaMu } });
    const rows = [
      at('330502', 200, 10), // 20/mu → 200 → A
      at('330502', 40, 10), // 4/mu → 40 → D
      at('330502', 10, 30), // 0.33/mu → D
      at('330503', 120, 10), // 12/mu → 120 → B
      enterprise({ districtCode: '330503', year: 2023, figures: { taxWanYuan: 5 } }), // no land
    ];
    const [wuxing, nanxun] = evaluateLayer(rows, settings).districts;
    expect(wuxing).toMatchObject({
      districtCode: '330502',
      enterpriseCount: 3,
      countByClass: { A: 1, B: 0, C: 0, D: 2 },
      landMuByClass: { A: 10, B: 0, C: 0, D: 40 },
      unscoredCount: 0,
      dClassLandShare: 40 / 50,
    });
    expect(wuxing?.taxPerMuWanYuan).toBeCloseTo(250 / 50, 9);
    // The sums behind the ratio, so a city's figure adds its districts up.
    expect([wuxing?.taxSumWanYuan, wuxing?.taxLandSumMu]).toEqual([250, 50]);
    expect(nanxun).toMatchObject({
      enterpriseCount: 2,
      countByClass: { A: 0, B: 1, C: 0, D: 0 },
      unscoredCount: 1,
      taxPerMuWanYuan: 12,
      dClassLandShare: 0,
    });
  });

  it('evaluates the latest year by default, leaving out records without a year', () => {
    const result = evaluateLayer(
      [above('甲', 2022, 100), above('甲', 2023, 100), enterprise({ year: null })],
      taxOnly,
    );
    expect(result.years).toEqual([2022, 2023]);
    expect(result.year).toBe(2023);
    expect(result.enterprises).toHaveLength(1);
    expect(result.recordsWithoutYear).toBe(1);
    expect(
      evaluateLayer([above('甲', 2022, 100), above('甲', 2023, 100)], taxOnly, 2022).year,
    ).toBe(2022);
  });
});

describe('settings', () => {
  it('accepts the preset', () => {
    expect(validateEvaluationSettings(DEFAULT_EVALUATION_SETTINGS).valid).toBe(true);
  });

  it('says which weights do not sum to 100, which benchmark is not positive, and unordered cut-offs', () => {
    const bad: EvaluationSettings = {
      ...DEFAULT_EVALUATION_SETTINGS,
      aboveSizeWeights: { ...DEFAULT_EVALUATION_SETTINGS.aboveSizeWeights, rdShare: 0 },
      belowSizeWeights: { taxPerMu: -10, taxPerElectricity: 110 },
      aboveSizeBenchmarks: {
        ...DEFAULT_EVALUATION_SETTINGS.aboveSizeBenchmarks,
        valueAddedPerMu: { kind: 'value', value: 0 },
      },
      classCutoffs: { A: 90, B: 90, C: 60 },
      classSharesPercent: { A: 50, B: 40, C: 20 },
      ratioCap: 0.5,
    };
    const result = validateEvaluationSettings(bad);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ['aboveSizeWeights', 'weights-sum'],
      ['belowSizeWeights.taxPerMu', 'weight-invalid'],
      ['aboveSizeBenchmarks.valueAddedPerMu', 'benchmark-not-positive'],
      ['ratioCap', 'cap-too-small'],
      ['classSharesPercent', 'shares-invalid'],
      ['classCutoffs', 'cutoffs-unordered'],
    ]);
    expect(result.problems[0]?.params).toEqual({ sum: 90, expected: 100 });
  });

  it('loads stored settings over the preset, so a missing newer key keeps its default', () => {
    const loaded = settingsFromStored({ ratioCap: 3, classCutoffs: { A: 200 }, junk: 1 });
    expect(loaded.ratioCap).toBe(3);
    expect(loaded.classCutoffs).toEqual({ A: 200, B: 90, C: 60 });
    expect(loaded.aboveSizeWeights).toEqual(DEFAULT_EVALUATION_SETTINGS.aboveSizeWeights);
    expect('junk' in loaded).toBe(false);
    expect(settingsFromStored('nonsense')).toEqual(DEFAULT_EVALUATION_SETTINGS);
  });
});
