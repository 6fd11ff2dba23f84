/**
 * Units allowed in the seed tables. Each id names one unit; `zh` lists the labels the seed
 * documents print for it, so a row whose `unit_zh` disagrees with its `unit` is caught.
 * `toBase` converts a value to a coarser-grained unit the app computes in (亩, 万元 …).
 */
export interface SeedUnit {
  en: string;
  zh: readonly string[];
  toBase?: { unit: string; factor: number };
}

export const SEED_UNITS = {
  percent: { en: '%', zh: ['%'] },
  percentage_point: { en: 'percentage points', zh: ['个百分点'] },
  count: { en: 'count', zh: ['', '个', '家', '项', '台', '件', '家（个）'] },
  pieces_per_10k_people: { en: 'per 10,000 people', zh: ['件'] },
  persons: { en: 'persons', zh: ['人', '名'] },
  wan_persons: { en: '10,000 persons', zh: ['万人'], toBase: { unit: 'persons', factor: 10_000 } },
  wan_count: { en: '10,000', zh: ['万家'], toBase: { unit: 'count', factor: 10_000 } },
  mu: { en: 'mu', zh: ['亩'] },
  wan_mu: { en: '10,000 mu', zh: ['万亩'], toBase: { unit: 'mu', factor: 10_000 } },
  wan_sqm: { en: '10,000 m²', zh: ['万平方米'] },
  wan_yuan_per_mu: { en: '10,000 yuan per mu', zh: ['万元/亩'] },
  wan_yuan_per_person: { en: '10,000 yuan per person', zh: ['万元/人'] },
  yi_yuan: { en: '100 million yuan', zh: ['亿元'] },
  yi_usd: { en: '100 million US dollars', zh: ['亿美元'] },
  wan_tce: { en: '10,000 t of standard coal equivalent', zh: ['万吨标煤'] },
  tce_per_wan_yuan: { en: 't of standard coal per 10,000 yuan', zh: ['吨标准煤/万元'] },
  yuan_per_tonne: { en: 'yuan per tonne', zh: ['元/吨'] },
  yuan_per_tce: { en: 'yuan per t of standard coal equivalent', zh: ['元/吨标煤'] },
  wan_kw: { en: '10,000 kW', zh: ['万千瓦'] },
  ratio: { en: 'ratio a:b:c', zh: [''] },
  unitless: { en: 'no unit', zh: [''] },
  category: { en: 'category', zh: ['', 'D类'] },
} as const satisfies Record<string, SeedUnit>;

export type SeedUnitId = keyof typeof SEED_UNITS;

/** True when `id` is one of {@link SEED_UNITS}. */
export function isSeedUnit(id: string): id is SeedUnitId {
  return Object.hasOwn(SEED_UNITS, id);
}

/**
 * Expresses `value` in the unit's base unit (e.g. 1 万亩 → 10,000 亩), so figures stated in
 * different magnitudes can be compared. Units without a base come back unchanged.
 */
export function toBaseUnit(value: number, unit: SeedUnitId): { value: number; unit: string } {
  const spec: SeedUnit = SEED_UNITS[unit];
  return spec.toBase
    ? { value: value * spec.toBase.factor, unit: spec.toBase.unit }
    : { value, unit };
}
