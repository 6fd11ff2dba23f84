import { describe, expect, it } from 'vitest';
import { NANTAIHU_CODE } from '../regions.ts';
import { districtTargetValues, targetsFor } from './indicator-catalogue.ts';
import { buildRankingBoard, competitionRanks } from './ranking.ts';
import { huzhouCatalogue } from './seed-catalogue.fixture.ts';

const catalogue = huzhouCatalogue();

function seed(id: string) {
  const indicator = catalogue.indicators.find((i) => i.id === id);
  const targets = indicator && targetsFor(indicator, '330500', 2023);
  if (!indicator || !targets) throw new Error(`no targets for ${id}`);
  return { indicator, targets, values: districtTargetValues(targets) };
}

const values = (...numbers: Array<number | null>) =>
  numbers.map((value, i) => ({ districtCode: `d${i}`, value }));

describe('competition ranks', () => {
  it('share a rank among equal values and skip the places they take (1, 2, 2, 4)', () => {
    const ranks = competitionRanks(values(10, 20, 20, 30), 'higher-is-better');
    expect([...ranks.entries()]).toEqual([
      ['d0', 4],
      ['d1', 2],
      ['d2', 2],
      ['d3', 1],
    ]);
  });

  it('rank the smallest value first for lower-is-better', () => {
    const ranks = competitionRanks(values(10, 20, 20, 30), 'lower-is-better');
    expect(ranks.get('d0')).toBe(1);
    expect(ranks.get('d1')).toBe(2);
    expect(ranks.get('d3')).toBe(4);
  });

  it('rank the tax-per-mu targets with 南太湖新区 taking part', () => {
    const { indicator, values: tax } = seed('tax_per_mu');
    const ranks = competitionRanks(tax, indicator.polarity);
    expect(ranks.size).toBe(tax.length);
    expect(ranks.has(NANTAIHU_CODE)).toBe(true);
    const best = tax.reduce((a, b) => ((b.value ?? -Infinity) > (a.value ?? -Infinity) ? b : a));
    expect(ranks.get(best.districtCode)).toBe(1);
    // However many districts share a value, the next distinct value is ranked after all of them.
    const byRank = [...ranks.values()].sort((a, b) => a - b);
    byRank.forEach((rank, position) => {
      if (position > 0 && rank !== byRank[position - 1]) expect(rank).toBe(position + 1);
    });
    const shared = tax.find((t, i) => tax.findIndex((u) => u.value === t.value) !== i)?.value;
    const sharers = tax.filter((t) => t.value === shared).map((t) => ranks.get(t.districtCode));
    expect(sharers.length).toBeGreaterThan(1);
    expect(new Set(sharers).size).toBe(1);
  });
});

describe('ranking board', () => {
  it('measures each district against the city-wide target, in the unit and as a share', () => {
    const { indicator, targets, values: tax } = seed('tax_per_mu');
    const city = targets.city?.value ?? NaN;
    const board = buildRankingBoard(tax, { polarity: indicator.polarity, cityValue: city });
    for (const row of board) {
      const value = row.value ?? NaN;
      expect(row.gapToCity).toBeCloseTo(value - city, 9);
      expect(row.gapToCityRatio).toBeCloseTo((value - city) / city, 9);
      expect(row.versusCity).toBe(value > city ? 'better' : value < city ? 'worse' : 'equal');
    }
  });

  it('says which side of the city figure is better for lower-is-better indicators', () => {
    const board = buildRankingBoard(values(5, 15), {
      polarity: 'lower-is-better',
      cityValue: 10,
    });
    expect(board.map((r) => [r.districtCode, r.versusCity, r.gapToCity])).toEqual([
      ['d0', 'better', -5],
      ['d1', 'worse', 5],
    ]);
  });

  it('gives no share of a zero city figure, and no gap without one', () => {
    const [zero] = buildRankingBoard(values(3), { polarity: 'higher-is-better', cityValue: 0 });
    expect(zero?.gapToCity).toBe(3);
    expect(zero?.gapToCityRatio).toBeNull();
    const [none] = buildRankingBoard(values(3), { polarity: 'higher-is-better' });
    expect(none?.gapToCity).toBeNull();
    expect(none?.versusCity).toBeNull();
  });

  it('sorts either way, ties in input order and districts without a figure last', () => {
    const input = values(10, null, 20, 20, 30);
    const best = buildRankingBoard(input, { polarity: 'higher-is-better' });
    expect(best.map((r) => r.districtCode)).toEqual(['d4', 'd2', 'd3', 'd0', 'd1']);
    expect(best.map((r) => r.tied)).toEqual([false, true, true, false, false]);
    const worst = buildRankingBoard(input, { polarity: 'higher-is-better', order: 'worst-first' });
    expect(worst.map((r) => r.districtCode)).toEqual(['d0', 'd2', 'd3', 'd4', 'd1']);
    expect(worst.at(-1)?.rank).toBeNull();
  });

  it('keeps a district with no target on the board, unranked, and no city gap when the city has none', () => {
    const { indicator, targets, values: energy } = seed('energy_intensity_reduction');
    expect(targets.city?.value).toBeNull();
    const board = buildRankingBoard(energy, {
      polarity: indicator.polarity,
      cityValue: targets.city?.value,
    });
    expect(board).toHaveLength(energy.length);
    expect(board.at(-1)).toMatchObject({ districtCode: NANTAIHU_CODE, rank: null, value: null });
    expect(board.every((r) => r.gapToCity === null)).toBe(true);
    const best = energy.reduce((a, b) => ((b.value ?? -Infinity) > (a.value ?? -Infinity) ? b : a));
    expect(board[0]?.districtCode).toBe(best.districtCode);
  });
});
