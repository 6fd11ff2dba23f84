/**
 * The ranking board of the plans' district contest (赛马): districts and functional zones
 * (南太湖新区 takes part like any district) ranked on one indicator, each with its gap to the
 * city-wide figure.
 */
import { hasValue, type DistrictValue } from '../classification/classify.ts';
import type { Polarity } from './indicator-semantics.ts';

/** How a district compares with the city-wide figure, by the indicator's polarity. */
export type VersusCity = 'better' | 'equal' | 'worse';

export interface BoardRow {
  districtCode: string;
  value: number | null;
  /** Competition rank (1, 2, 2, 4), 1 being the best; null without a value. */
  rank: number | null;
  /** True when another district shares the rank. */
  tied: boolean;
  /** value − city figure, in the indicator's unit; null when either is missing. */
  gapToCity: number | null;
  /**
   * The gap as a share of the city figure (0.297 = 29.7% above it); null when either is
   * missing or the city figure is 0, where a share means nothing.
   */
  gapToCityRatio: number | null;
  /** Null when either value is missing. */
  versusCity: VersusCity | null;
}

/** `best-first` puts rank 1 on top; `worst-first` the last-ranked. No-data rows stay at the bottom. */
export type BoardOrder = 'best-first' | 'worst-first';

export interface RankingOptions {
  polarity: Polarity;
  /** The city-wide figure to measure gaps against; null or omitted when there is none. */
  cityValue?: number | null;
  order?: BoardOrder;
}

/**
 * Competition ranks ("1224"): equal values share the better rank and the next rank skips as
 * many places as were shared. Exact equality decides ties, so two targets printed alike tie.
 * Districts without a value get no rank.
 */
export function competitionRanks(
  values: readonly DistrictValue[],
  polarity: Polarity,
): Map<string, number> {
  const better = (a: number, b: number) => (polarity === 'higher-is-better' ? a > b : a < b);
  const present = values.filter(hasValue);
  return new Map(
    present.map(({ districtCode, value }) => [
      districtCode,
      1 + present.filter((other) => better(other.value, value)).length,
    ]),
  );
}

/**
 * The board rows for one indicator: value, rank and gap to the city figure per district,
 * sorted by rank in the requested order; districts tied on a rank keep their input order
 * (regions.ts order when the input comes from the catalogue).
 */
export function buildRankingBoard(
  values: readonly DistrictValue[],
  options: RankingOptions,
): BoardRow[] {
  const { polarity, order = 'best-first' } = options;
  const city = options.cityValue ?? null;
  const ranks = competitionRanks(values, polarity);
  const rankCounts = new Map<number, number>();
  for (const r of ranks.values()) rankCounts.set(r, (rankCounts.get(r) ?? 0) + 1);

  const rows = values.map((d): BoardRow => {
    const rank = ranks.get(d.districtCode) ?? null;
    const value = hasValue(d) ? d.value : null;
    const gap = value !== null && city !== null ? value - city : null;
    let versusCity: VersusCity | null = null;
    if (gap !== null) {
      const signed = polarity === 'higher-is-better' ? gap : -gap;
      versusCity = signed > 0 ? 'better' : signed < 0 ? 'worse' : 'equal';
    }
    return {
      districtCode: d.districtCode,
      value,
      rank,
      tied: rank !== null && (rankCounts.get(rank) ?? 0) > 1,
      gapToCity: gap,
      gapToCityRatio: gap !== null && city !== 0 && city !== null ? gap / Math.abs(city) : null,
      versusCity,
    };
  });
  const direction = order === 'best-first' ? 1 : -1;
  // Array.prototype.sort is stable, so ties keep their input order.
  return rows.sort((a, b) => {
    if (a.rank === null || b.rank === null)
      return (a.rank === null ? 1 : 0) - (b.rank === null ? 1 : 0);
    return direction * (a.rank - b.rank);
  });
}
