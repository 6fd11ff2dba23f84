/**
 * How a value in each seed unit is written for a reader: the label after the number in
 * Chinese and in English, and how many decimals are worth showing.
 *
 * Chinese keeps the plans' own 万/亿-based units (37 万元/亩), so a figure on screen can be
 * found in the source document as printed. English has no 万, so English text restates the
 * value in a plain unit (370,000 yuan/mu) rather than inventing "10k yuan" counters; the
 * factor is exact, and CSV exports carry the raw seed value either way.
 */
import type { SeedUnitId } from '../seeds/seed-units.ts';

export interface UnitDisplay {
  /** Label after a Chinese number. Empty for counts: the indicator's own counter word (家, 项…) is used. */
  zh: string;
  /** Label after an English number, naming the unit the value is restated in. */
  en: string;
  /** Multiplier from the seed unit to the unit `en` names (万元 → yuan is 10,000). */
  enFactor: number;
  /** Most decimals shown in Chinese, on the seed value. */
  zhFractionDigits: number;
  /** Most decimals shown in English, on the restated value. */
  enFractionDigits: number;
  /** False for labels that hug the number, like `%`. */
  spaced: boolean;
}

const plain = (zh: string, en: string, fractionDigits: number): UnitDisplay => ({
  zh,
  en,
  enFactor: 1,
  zhFractionDigits: fractionDigits,
  enFractionDigits: fractionDigits,
  spaced: true,
});

/** Display rules for every unit the seed schema allows; typecheck fails when one is missing. */
export const UNIT_DISPLAY: Readonly<Record<SeedUnitId, UnitDisplay>> = {
  percent: { ...plain('%', '%', 2), spaced: false },
  percentage_point: plain('个百分点', 'percentage points', 2),
  count: plain('', '', 0),
  pieces_per_10k_people: plain('件', 'per 10,000 people', 2),
  persons: plain('人', 'people', 0),
  wan_persons: { ...plain('万人', 'people', 1), enFactor: 10_000, enFractionDigits: 0 },
  wan_count: { ...plain('万家', '', 1), enFactor: 10_000, enFractionDigits: 0 },
  mu: plain('亩', 'mu', 1),
  wan_mu: { ...plain('万亩', 'mu', 1), enFactor: 10_000, enFractionDigits: 0 },
  wan_sqm: { ...plain('万平方米', 'm²', 1), enFactor: 10_000, enFractionDigits: 0 },
  wan_yuan_per_mu: { ...plain('万元/亩', 'yuan/mu', 1), enFactor: 10_000, enFractionDigits: 0 },
  wan_yuan_per_person: {
    ...plain('万元/人', 'yuan/person', 1),
    enFactor: 10_000,
    enFractionDigits: 0,
  },
  yi_yuan: { ...plain('亿元', 'billion yuan', 1), enFactor: 0.1, enFractionDigits: 2 },
  yi_usd: { ...plain('亿美元', 'billion US dollars', 1), enFactor: 0.1, enFractionDigits: 2 },
  wan_tce: { ...plain('万吨标煤', 'tce', 2), enFactor: 10_000, enFractionDigits: 0 },
  tce_per_wan_yuan: plain('吨标准煤/万元', 'tce per 10,000 yuan', 3),
  yuan_per_tonne: plain('元/吨', 'yuan/t', 1),
  yuan_per_tce: plain('元/吨标煤', 'yuan/tce', 1),
  // 1 万千瓦 = 10,000 kW = 10 MW.
  wan_kw: { ...plain('万千瓦', 'MW', 1), enFactor: 10, enFractionDigits: 0 },
  ratio: plain('', '', 2),
  unitless: plain('', '', 2),
  category: plain('', '', 0),
};

/**
 * English counter words for counts, keyed by the Chinese counter the seeds print (150 家 →
 * 150 enterprises). A counter not listed here is left unlabelled in English rather than guessed.
 */
export const COUNT_WORDS_EN: Readonly<Record<string, string>> = {
  家: 'enterprises',
  项: 'items',
  台: 'units',
  件: 'items',
  个: '',
  '家（个）': '',
};

/**
 * The display rules for one indicator's unit. Counts take their labels from the counter word
 * the seed row prints (`unitZh`), since 家 and 项 share the unit id `count`.
 */
export function unitDisplayFor(unit: SeedUnitId, unitZh: string): UnitDisplay {
  const base = UNIT_DISPLAY[unit];
  return unit === 'count' ? { ...base, zh: unitZh, en: COUNT_WORDS_EN[unitZh] ?? '' } : base;
}
