import { describe, expect, it } from 'vitest';
import { completionOf } from './completion.ts';
import { targetsFor, type Indicator } from './indicator-catalogue.ts';
import type { IndicatorSemantics } from './indicator-semantics.ts';
import { huzhouCatalogue } from './seed-catalogue.fixture.ts';

const catalogue = huzhouCatalogue();

/** An indicator from the seeds and one district's 2023 target for it. */
function seedTarget(id: string, districtCode: string): { indicator: Indicator; target: number } {
  const indicator = catalogue.indicators.find((i) => i.id === id);
  const targets = indicator && targetsFor(indicator, '330500', 2023);
  const entry = [...(targets?.districts ?? []), targets?.city].find(
    (d) => d?.districtCode === districtCode,
  );
  if (!indicator || entry?.value == null) throw new Error(`no target ${id} ${districtCode}`);
  return { indicator, target: entry.value };
}

describe('completion rate', () => {
  it('of a per-mu level is actual over target', () => {
    const { indicator, target } = seedTarget('tax_per_mu', '330500');
    const actual = target + 3;
    expect(completionOf(actual, target, indicator)).toEqual({
      rated: true,
      rate: actual / target,
      formula: 'actual/target',
      met: true,
      differenceToTarget: 3,
    });
    const short = completionOf(target - 1, target, indicator);
    expect(short.rated && short.rate).toBeLessThan(1);
    expect(short.met).toBe(false);
  });

  it('of an amount (亩 freed) is actual over target, and a negative amount is refused', () => {
    const { indicator, target } = seedTarget('land_freed_mu', '330502');
    expect(indicator.kind).toBe('amount');
    const partial = completionOf(target * 0.8, target, indicator);
    expect(partial).toMatchObject({ rated: true, met: false });
    expect(partial.rated && partial.rate).toBeCloseTo(0.8, 12);
    expect(completionOf(-5, target, indicator)).toEqual({
      rated: false,
      reason: 'actual-out-of-range',
      met: null,
      differenceToTarget: null,
    });
  });

  it('of a growth rate reports a shrinking actual as a negative rate, with the gap in points', () => {
    const { indicator, target } = seedTarget('industrial_value_added_growth', '330500');
    expect(indicator.kind).toBe('growth-rate');
    const half = completionOf(target / 2, target, indicator);
    expect(half.rated && half.rate).toBeCloseTo(0.5, 12);
    expect(half.differenceToTarget).toBeCloseTo(-target / 2, 12);
    const shrank = completionOf(-2, target, indicator);
    expect(shrank.rated && shrank.rate).toBeLessThan(0);
    expect(shrank.met).toBe(false);
  });

  it('of a growth target of zero gives no rate but still says whether it was met', () => {
    const growth = catalogue.indicators.find((i) => i.kind === 'growth-rate');
    if (!growth) throw new Error('no growth indicator');
    expect(completionOf(1.2, 0, growth)).toEqual({
      rated: false,
      reason: 'target-zero',
      met: true,
      differenceToTarget: 1.2,
    });
    expect(completionOf(1, -2, growth)).toMatchObject({ reason: 'target-negative', met: true });
  });

  it('of an energy-intensity cut treats a bigger cut as better, and a rise as negative', () => {
    const { indicator, target } = seedTarget('energy_intensity_reduction', '330522');
    expect(indicator.kind).toBe('reduction-rate');
    const beat = completionOf(target + 0.4, target, indicator);
    expect(beat).toMatchObject({ rated: true, met: true });
    expect(beat.rated && beat.rate).toBeGreaterThan(1);
    const rose = completionOf(-1, target, indicator);
    expect(rose.rated && rose.rate).toBeCloseTo(-1 / target, 12);
  });

  it('needs a target: a blank seed target (待省下达…) gives no rate', () => {
    const standards = catalogue.indicators.find((i) => i.id === 'zhejiang_made_standards');
    const city = standards && targetsFor(standards, '330500', 2023)?.city;
    expect(city?.value).toBeNull();
    expect(completionOf(3, city?.value, standards!)).toEqual({
      rated: false,
      reason: 'no-target',
      met: null,
      differenceToTarget: null,
    });
  });

  it('needs an actual', () => {
    const { indicator, target } = seedTarget('tax_per_mu', '330502');
    expect(completionOf(null, target, indicator)).toMatchObject({
      rated: false,
      reason: 'no-actual',
    });
    expect(completionOf(NaN, target, indicator)).toMatchObject({ reason: 'no-actual' });
  });

  describe('for lower-is-better levels', () => {
    const ceiling: IndicatorSemantics = {
      polarity: 'lower-is-better',
      kind: 'level',
      nonNegative: true,
    };

    it('is target over actual, so beating the ceiling reads above 100%', () => {
      expect(completionOf(0.4, 0.5, ceiling)).toMatchObject({
        rated: true,
        formula: 'target/actual',
        met: true,
      });
      const over = completionOf(0.625, 0.5, ceiling);
      expect(over.rated && over.rate).toBeCloseTo(0.8, 12);
      expect(over.met).toBe(false);
    });

    it('counts an actual of zero as met without inventing an infinite rate', () => {
      expect(completionOf(0, 0.5, ceiling)).toEqual({
        rated: false,
        reason: 'actual-not-positive',
        met: true,
        differenceToTarget: -0.5,
      });
    });
  });
});
