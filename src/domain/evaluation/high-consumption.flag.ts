/**
 * The 高耗低效 (high energy use, low efficiency) flag, read from seed 003
 * (`003_bf8a38d02e4bdcc0.txt` line 138; 湖政办发〔2023〕22号, Annex 1 section 二(四)). The line
 * names three groups; each becomes a rule here, decided only where the imported data allows:
 *
 * 1. `above-size-low-tax`: a 规上 enterprise whose tax per mu in the evaluated year is below a
 *    fraction of its industry's average tax per mu over the two years before (Σ tax ÷ Σ land of
 *    that industry's 规上 enterprises in those years, as per-mu averages are aggregated).
 * 2. `below-size-d-class` and `below-size-low-tax`: a 规下 enterprise in class D, or with tax per
 *    mu under the floor, in the evaluated year and the year before.
 * 3. `energy-quota-breach`: the data says the enterprise breaches its energy-consumption quota.
 *
 * A rule that cannot be decided (no industry, no earlier year, no tax or land) is listed as
 * undecided with its cause, never taken as "not flagged".
 */
import type { EnterpriseInputs } from './enterprise-inputs.ts';
import type { HighConsumptionSettings } from './evaluation-settings.ts';
import type { ScoredEnterprise } from './per-mu-score.ts';

export type FlagRule =
  'above-size-low-tax' | 'below-size-d-class' | 'below-size-low-tax' | 'energy-quota-breach';

export type UndecidedCause =
  | 'size-class-missing'
  | 'tax-per-mu-missing'
  | 'industry-missing'
  | 'no-industry-history'
  | 'no-previous-year'
  | 'not-classed';

export interface HighConsumptionFlag {
  /** True when a rule applies; false when every rule that concerns it was decided and none did; null when undecided. */
  flagged: boolean | null;
  rules: FlagRule[];
  undecided: { rule: FlagRule; cause: UndecidedCause }[];
  /** The industry average the 规上 rule compared with, and whether it came from the same year. */
  industryAverage: { taxPerMu: number; basis: 'previous-two-years' | 'same-year' } | null;
}

/** The scored enterprise-years of every year, for looking back. */
export interface ScoredHistory {
  /** Scored rows of a year, by enterprise key. */
  byYear: ReadonlyMap<number, ReadonlyMap<string, ScoredEnterprise>>;
  /**
   * Industry averages already computed, by `<first year>|<last year>|<industry>`; every
   * enterprise of an industry asks for the same one, and a layer may hold 200,000 rows.
   */
  averageCache?: Map<string, number | null>;
}

/** Σ tax ÷ Σ land of an industry's 规上 enterprise-years that give both. */
function industryTaxPerMu(rows: Iterable<ScoredEnterprise>, industry: string): number | null {
  let tax = 0;
  let land = 0;
  for (const row of rows) {
    const f = row.inputs.figures;
    if (row.inputs.sizeClass !== 'above' || row.inputs.industry !== industry) continue;
    if (f.taxWanYuan === null || f.landAreaMu === null || f.landAreaMu <= 0) continue;
    tax += f.taxWanYuan;
    land += f.landAreaMu;
  }
  return land > 0 ? tax / land : null;
}

/** Σ tax ÷ Σ land of an industry's 规上 enterprises over the years `from`–`to`, cached. */
function industryTaxPerMuOver(
  history: ScoredHistory,
  industry: string,
  from: number,
  to: number,
): number | null {
  const key = `${from}|${to}|${industry}`;
  const cached = history.averageCache?.get(key);
  if (cached !== undefined) return cached;
  const rows: ScoredEnterprise[] = [];
  for (let y = from; y <= to; y += 1) rows.push(...(history.byYear.get(y)?.values() ?? []));
  const average = industryTaxPerMu(rows, industry);
  history.averageCache?.set(key, average);
  return average;
}

function industryAverage(
  inputs: EnterpriseInputs,
  year: number,
  history: ScoredHistory,
  settings: HighConsumptionSettings,
): HighConsumptionFlag['industryAverage'] {
  const industry = inputs.industry as string;
  const previous = industryTaxPerMuOver(history, industry, year - 2, year - 1);
  if (previous !== null) return { taxPerMu: previous, basis: 'previous-two-years' };
  if (settings.industryAverageFallback === 'same-year') {
    const same = industryTaxPerMuOver(history, industry, year, year);
    if (same !== null) return { taxPerMu: same, basis: 'same-year' };
  }
  return null;
}

/**
 * The flag of one enterprise-year. `year` is the evaluated year (null when the layer gives no
 * years, in which case two-year rules stay undecided).
 */
export function flagHighConsumption(
  row: ScoredEnterprise,
  year: number | null,
  history: ScoredHistory,
  settings: HighConsumptionSettings,
): HighConsumptionFlag {
  const rules: FlagRule[] = [];
  const undecided: HighConsumptionFlag['undecided'] = [];
  let average: HighConsumptionFlag['industryAverage'] = null;
  const { inputs } = row;
  const taxPerMu = row.indicators.taxPerMu;

  if (inputs.energyQuotaBreached === true) rules.push('energy-quota-breach');

  if (inputs.sizeClass === null) {
    undecided.push({ rule: 'above-size-low-tax', cause: 'size-class-missing' });
  } else if (inputs.sizeClass === 'above') {
    if (taxPerMu === undefined) {
      undecided.push({ rule: 'above-size-low-tax', cause: 'tax-per-mu-missing' });
    } else if (inputs.industry === null) {
      undecided.push({ rule: 'above-size-low-tax', cause: 'industry-missing' });
    } else if (year === null) {
      undecided.push({ rule: 'above-size-low-tax', cause: 'no-industry-history' });
    } else {
      average = industryAverage(inputs, year, history, settings);
      if (average === null) {
        undecided.push({ rule: 'above-size-low-tax', cause: 'no-industry-history' });
      } else if (taxPerMu < settings.aboveSizeFractionOfIndustryAverage * average.taxPerMu) {
        rules.push('above-size-low-tax');
      }
    }
  }

  const dClassApplies =
    inputs.sizeClass === 'below' ||
    (inputs.sizeClass === 'above' && settings.dClassRuleScope === 'all');
  const previous =
    year === null ? undefined : history.byYear.get(year - 1)?.get(inputs.enterpriseKey);

  if (dClassApplies) {
    if (row.evaluationClass === null) {
      undecided.push({ rule: 'below-size-d-class', cause: 'not-classed' });
    } else if (row.evaluationClass === 'D') {
      if (previous === undefined) {
        undecided.push({ rule: 'below-size-d-class', cause: 'no-previous-year' });
      } else if (previous.evaluationClass === null) {
        undecided.push({ rule: 'below-size-d-class', cause: 'not-classed' });
      } else if (previous.evaluationClass === 'D') {
        rules.push('below-size-d-class');
      }
    }
  }

  if (inputs.sizeClass === 'below') {
    const floor = settings.belowSizeTaxPerMuFloor;
    if (taxPerMu === undefined) {
      undecided.push({ rule: 'below-size-low-tax', cause: 'tax-per-mu-missing' });
    } else if (taxPerMu < floor) {
      const previousTaxPerMu = previous?.indicators.taxPerMu;
      if (previous === undefined) {
        undecided.push({ rule: 'below-size-low-tax', cause: 'no-previous-year' });
      } else if (previousTaxPerMu === undefined) {
        undecided.push({ rule: 'below-size-low-tax', cause: 'tax-per-mu-missing' });
      } else if (previousTaxPerMu < floor) {
        rules.push('below-size-low-tax');
      }
    }
  }

  const flagged = rules.length > 0 ? true : undecided.length > 0 ? null : false;
  return { flagged, rules, undecided, industryAverage: average };
}
