import { describe, expect, it } from 'vitest';
import { NANTAIHU_CODE } from '../regions.ts';
import { districtTargetValues, targetsFor } from '../indicators/indicator-catalogue.ts';
import { huzhouCatalogue } from '../indicators/seed-catalogue.fixture.ts';
import {
  classifyValues,
  type Classification,
  type ClassificationRequest,
  type DistrictValue,
} from './classify.ts';

const catalogue = huzhouCatalogue();

function seedTargets(id: string) {
  const indicator = catalogue.indicators.find((i) => i.id === id);
  const targets = indicator && targetsFor(indicator, '330500', 2023);
  if (!targets) throw new Error(`no targets for ${id}`);
  return targets;
}

const taxTargets = seedTargets('tax_per_mu');
const tax = districtTargetValues(taxTargets);
const taxCity = taxTargets.city?.value ?? NaN;

function valueOf(values: readonly DistrictValue[], code: string): number | null {
  return values.find((v) => v.districtCode === code)?.value ?? null;
}

/** Districts whose value equals another district's, grouped by value. */
function tieGroups(values: readonly DistrictValue[]): string[][] {
  const byValue = new Map<number, string[]>();
  for (const { districtCode, value } of values) {
    if (value === null) continue;
    byValue.set(value, [...(byValue.get(value) ?? []), districtCode]);
  }
  return [...byValue.values()].filter((g) => g.length > 1);
}

function sumOfSquares(groups: readonly number[][]): number {
  let total = 0;
  for (const g of groups) {
    const mean = g.reduce((a, b) => a + b, 0) / g.length;
    total += g.reduce((a, v) => a + (v - mean) ** 2, 0);
  }
  return total;
}

/** Smallest within-class sum of squares over every split of the sorted values into k runs. */
function bestSumOfSquares(sorted: readonly number[], k: number): number {
  if (k === 1) return sumOfSquares([[...sorted]]);
  let best = Infinity;
  for (let cut = 1; cut <= sorted.length - k + 1; cut++) {
    const head = sorted.slice(0, cut);
    best = Math.min(best, sumOfSquares([head]) + bestSumOfSquares(sorted.slice(cut), k - 1));
  }
  return best;
}

function classValues(result: Classification, values: readonly DistrictValue[]): number[][] {
  return result.classes.map((c) => c.districtCodes.map((code) => valueOf(values, code) ?? NaN));
}

describe('natural breaks on the 2023 tax-per-mu targets', () => {
  it('never asks for more classes than there are distinct values, and says so', () => {
    const distinct = new Set(tax.map((t) => t.value)).size;
    const result = classifyValues(tax, { method: 'natural-breaks', classCount: distinct + 1 });
    expect(result.classes).toHaveLength(distinct);
    expect(result.notes).toContainEqual({
      code: 'class-count-clamped',
      requested: distinct + 1,
      used: distinct,
      distinctValueCount: distinct,
    });
  });

  it('keeps the districts with equal targets in one class', () => {
    const ties = tieGroups(tax);
    expect(ties.length).toBeGreaterThan(0);
    for (const k of [2, 3, 4]) {
      const result = classifyValues(tax, { method: 'natural-breaks', classCount: k });
      for (const group of ties) {
        const classes = new Set(group.map((code) => result.classIndexByDistrict[code]));
        expect(classes.size, `k=${k}`).toBe(1);
      }
    }
  });

  it('finds the grouping with the least within-class spread', () => {
    const sorted = tax.map((t) => t.value ?? NaN).sort((a, b) => a - b);
    for (const k of [2, 3]) {
      const result = classifyValues(tax, { method: 'natural-breaks', classCount: k });
      expect(sumOfSquares(classValues(result, tax))).toBeCloseTo(bestSumOfSquares(sorted, k), 9);
    }
  });

  it('gives each class its count and data extent, as a legend line needs', () => {
    const result = classifyValues(tax, { method: 'natural-breaks', classCount: 3 });
    expect(result.classes.reduce((n, c) => n + c.count, 0)).toBe(tax.length);
    for (const c of result.classes) {
      const values = c.districtCodes.map((code) => valueOf(tax, code) ?? NaN);
      expect(c.count).toBe(values.length);
      expect(c.minValue).toBe(Math.min(...values));
      expect(c.maxValue).toBe(Math.max(...values));
    }
  });
});

describe('quantile classes', () => {
  it('merge a class emptied by ties instead of showing it', () => {
    const result = classifyValues(tax, { method: 'quantile', classCount: 3 });
    expect(result.classes.every((c) => c.count > 0)).toBe(true);
    for (const group of tieGroups(tax)) {
      expect(new Set(group.map((code) => result.classIndexByDistrict[code])).size).toBe(1);
    }
    // Half the districts share one value, so three equal-count classes cannot exist.
    expect(result.classes.length).toBeLessThan(3);
    expect(result.notes.some((n) => n.code === 'empty-class-removed')).toBe(true);
  });
});

describe('equal-interval classes', () => {
  it('drop the intervals no district falls in, with a note for each', () => {
    // Width 2 over 0–10: [0,2) [2,4) [4,6) [6,8) [8,10], the middle two empty.
    const values = [0, 1, 2, 3, 10].map((value, i) => ({ districtCode: `d${i}`, value }));
    const result = classifyValues(values, { method: 'equal-interval', classCount: 5 });
    expect(result.classes.map((c) => c.count)).toEqual([2, 2, 1]);
    const removed = result.notes.filter((n) => n.code === 'empty-class-removed');
    expect(removed).toHaveLength(2);
    expect(removed.every((n) => n.reason === 'no-values-between')).toBe(true);
  });
});

describe('manual breaks', () => {
  it('never present a class outside the data as data', () => {
    const max = Math.max(...tax.map((t) => t.value ?? NaN));
    const min = Math.min(...tax.map((t) => t.value ?? NaN));
    const inside = (min + max) / 2;
    const result = classifyValues(tax, {
      method: 'manual',
      thresholds: [min - 20, min - 10, inside, max + 10],
    });
    expect(result.classes).toHaveLength(2);
    expect(result.classes.every((c) => c.count > 0)).toBe(true);
    const outside = result.notes.filter(
      (n) => n.code === 'empty-class-removed' && n.reason === 'outside-data',
    );
    expect(outside.map((n) => (n.code === 'empty-class-removed' ? n.threshold : NaN))).toEqual(
      expect.arrayContaining([min - 20, min - 10, max + 10]),
    );
    expect(result.breaks).toEqual([min, inside, max]);
  });

  it('reject a threshold that is not a number', () => {
    expect(() => classifyValues(tax, { method: 'manual', thresholds: [NaN] })).toThrow(RangeError);
  });
});

describe('reference thresholds', () => {
  it('split at the city-wide figure, a district at the figure counting as reaching it', () => {
    const result = classifyValues(tax, {
      method: 'reference',
      references: [{ value: taxCity, kind: 'city' }],
    });
    expect(result.classes).toHaveLength(2);
    const [below, atOrAbove] = result.classes;
    for (const { districtCode, value } of tax) {
      const expected = (value ?? NaN) >= taxCity ? atOrAbove : below;
      expect(expected?.districtCodes, districtCode).toContain(districtCode);
    }
    expect(result.references).toEqual([{ value: taxCity, kind: 'city' }]);
  });

  it('with upper closure count a district at the figure with those below', () => {
    const result = classifyValues(tax, {
      method: 'reference',
      references: [{ value: taxCity, kind: 'city' }],
      closure: 'upper',
    });
    const atCity = tax.filter((t) => t.value === taxCity).map((t) => t.districtCode);
    expect(atCity.length).toBeGreaterThan(0);
    expect(result.classes[0]?.districtCodes).toEqual(expect.arrayContaining(atCity));
  });

  it('can give the districts exactly at the figure a class of their own', () => {
    const result = classifyValues(tax, {
      method: 'reference',
      references: [{ value: taxCity, kind: 'city' }],
      isolateEqual: true,
    });
    const atCity = tax.filter((t) => t.value === taxCity).map((t) => t.districtCode);
    const middle = result.classes.find((c) => c.minValue === taxCity);
    expect(middle?.districtCodes.sort()).toEqual([...atCity].sort());
    expect(middle?.maxValue).toBe(taxCity);
    expect(result.classes).toHaveLength(3);
  });

  it('say when a reference lies beyond every district', () => {
    const max = Math.max(...tax.map((t) => t.value ?? NaN));
    const result = classifyValues(tax, {
      method: 'reference',
      references: [{ value: max + 1, kind: 'province' }],
    });
    expect(result.classes).toHaveLength(1);
    expect(result.notes).toContainEqual({
      code: 'empty-class-removed',
      threshold: max + 1,
      reason: 'outside-data',
    });
  });
});

describe('districts without a figure', () => {
  it('are listed apart and never classed', () => {
    const energy = districtTargetValues(seedTargets('energy_intensity_reduction'));
    const result = classifyValues(energy, { method: 'natural-breaks', classCount: 3 });
    expect(result.noDataDistrictCodes).toEqual([NANTAIHU_CODE]);
    expect(result.classIndexByDistrict[NANTAIHU_CODE]).toBeUndefined();
    expect(result.notes).toContainEqual({ code: 'no-data', districtCodes: [NANTAIHU_CODE] });
    expect(result.classes.reduce((n, c) => n + c.count, 0)).toBe(energy.length - 1);
  });

  it('leave no classes at all when nobody has a figure', () => {
    const standards = districtTargetValues(seedTargets('zhejiang_made_standards'));
    const result = classifyValues(standards, { method: 'quantile', classCount: 4 });
    expect(result.classes).toEqual([]);
    expect(result.breaks).toEqual([]);
    expect(result.notes[0]).toEqual({ code: 'no-values' });
  });

  it('one value shared by all makes a single class', () => {
    const labour = districtTargetValues(seedTargets('labour_productivity'));
    expect(new Set(labour.map((l) => l.value)).size).toBe(1);
    const result = classifyValues(labour, { method: 'natural-breaks', classCount: 5 });
    expect(result.classes).toHaveLength(1);
    expect(result.classes[0]?.count).toBe(labour.length);
  });
});

it('rejects a class count that is not a whole number of at least one', () => {
  expect(() => classifyValues(tax, { method: 'quantile', classCount: 0 })).toThrow(RangeError);
  expect(() => classifyValues(tax, { method: 'quantile', classCount: 2.5 })).toThrow(RangeError);
});

/** Mulberry32: a small seeded generator, so a failing case can be replayed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('on random inputs', () => {
  const random = seededRandom(20230403);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const cases = Array.from({ length: 400 }, (_, caseNo) => {
    const n = 1 + Math.floor(random() * 12);
    const tiePool = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
      Math.round(random() * 100),
    );
    const values: DistrictValue[] = Array.from({ length: n }, (_, i) => ({
      districtCode: `c${i}`,
      value:
        random() < 0.1 ? null : random() < 0.5 ? pick(tiePool) : Math.round(random() * 2000) / 10,
    }));
    const classCount = 1 + Math.floor(random() * 7);
    const closure = pick(['lower', 'upper'] as const);
    const thresholds = Array.from({ length: Math.floor(random() * 5) }, () =>
      random() < 0.3 ? pick(tiePool) : Math.round(random() * 3000) / 10 - 50,
    );
    const request = pick<ClassificationRequest>([
      { method: 'natural-breaks', classCount, closure },
      { method: 'quantile', classCount, closure },
      { method: 'equal-interval', classCount, closure },
      { method: 'manual', thresholds, closure },
      {
        method: 'reference',
        references: thresholds.map((value) => ({ value, kind: 'target' as const })),
        closure,
        isolateEqual: random() < 0.5,
      },
    ]);
    return { caseNo, values, request };
  });

  it.each(cases)('case $caseNo keeps every class honest', ({ values, request }) => {
    const result = classifyValues(values, request);
    const present = values.filter((v) => v.value !== null);
    const distinct = new Set(present.map((v) => v.value)).size;

    // Every district with a value is in exactly one class; the others in none.
    const seen = result.classes.flatMap((c) => c.districtCodes);
    expect(seen.sort()).toEqual(present.map((v) => v.districtCode).sort());
    expect(result.noDataDistrictCodes.length + seen.length).toBe(values.length);
    expect(result.classes.reduce((n, c) => n + c.count, 0)).toBe(present.length);

    // Breaks ascend; classes are non-empty, ordered and never split a tie.
    for (let i = 1; i < result.breaks.length; i++) {
      expect(result.breaks[i]).toBeGreaterThanOrEqual(result.breaks[i - 1]!);
    }
    expect(result.classes.length).toBeLessThanOrEqual(distinct);
    if ('classCount' in request) {
      expect(result.classes.length).toBeLessThanOrEqual(request.classCount);
    }
    result.classes.forEach((c, i) => {
      expect(c.count).toBeGreaterThan(0);
      expect(c.count).toBe(c.districtCodes.length);
      expect(c.lower).toBe(result.breaks[i]);
      expect(c.upper).toBe(result.breaks[i + 1]);
      const next = result.classes[i + 1];
      if (next) expect(c.maxValue).toBeLessThan(next.minValue);
      for (const code of c.districtCodes) {
        const v = valueOf(values, code) ?? NaN;
        expect(result.classIndexByDistrict[code]).toBe(i);
        expect(c.lowerInclusive ? v >= c.lower : v > c.lower).toBe(true);
        expect(c.upperInclusive ? v <= c.upper : v < c.upper).toBe(true);
      }
    });
  });
});
