/**
 * The whole per-mu evaluation of an imported enterprise layer for one year: scores and classes
 * (every year of the layer is scored, because the 高耗低效 rules look back), flags, and district
 * roll-ups.
 */
import type { EnterpriseInputs } from './enterprise-inputs.ts';
import {
  EVALUATION_CLASSES,
  type EvaluationClass,
  type EvaluationSettings,
} from './evaluation-settings.ts';
import { flagHighConsumption, type HighConsumptionFlag } from './high-consumption.flag.ts';
import { scoreYear, type ResolvedBenchmarks, type ScoredEnterprise } from './per-mu-score.ts';

export interface EvaluatedEnterprise extends ScoredEnterprise {
  flag: HighConsumptionFlag;
}

/** One district's figures for the evaluated year. */
export interface DistrictRollup {
  /** Empty when the records give no district. */
  districtCode: string;
  enterpriseCount: number;
  countByClass: Record<EvaluationClass, number>;
  landMuByClass: Record<EvaluationClass, number>;
  unscoredCount: number;
  flaggedCount: number;
  flaggedLandMu: number;
  /** Σ tax ÷ Σ land over the enterprises giving both; null when none do. */
  taxPerMuWanYuan: number | null;
  /** The Σ tax (万元) and Σ land (亩) of that ratio, so wider areas add districts up. */
  taxSumWanYuan: number;
  taxLandSumMu: number;
  /** Land of class D ÷ land of all classed enterprises (0–1): candidate land to free. */
  dClassLandShare: number | null;
}

export interface LayerEvaluation {
  /** The evaluated year; null when the layer gives no years. */
  year: number | null;
  /** Years present in the layer, ascending. */
  years: number[];
  enterprises: EvaluatedEnterprise[];
  benchmarks: ResolvedBenchmarks;
  districts: DistrictRollup[];
  /** Records left out because the layer gives years but these records do not. */
  recordsWithoutYear: number;
  /** Enterprise keys that occur more than once in the evaluated year (history joins the first). */
  duplicateKeys: string[];
}

function byClass(): Record<EvaluationClass, number> {
  return { A: 0, B: 0, C: 0, D: 0 };
}

/** Roll-ups per district, ordered by district code (records without one last). */
export function rollUpDistricts(enterprises: readonly EvaluatedEnterprise[]): DistrictRollup[] {
  const groups = new Map<string, EvaluatedEnterprise[]>();
  for (const e of enterprises) {
    const code = e.inputs.districtCode ?? '';
    const group = groups.get(code) ?? [];
    group.push(e);
    groups.set(code, group);
  }
  const codes = [...groups.keys()].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : a.localeCompare(b),
  );
  return codes.map((districtCode) => {
    const group = groups.get(districtCode) ?? [];
    const countByClass = byClass();
    const landMuByClass = byClass();
    let unscoredCount = 0;
    let flaggedCount = 0;
    let flaggedLandMu = 0;
    let tax = 0;
    let taxLand = 0;
    for (const e of group) {
      const land = e.inputs.figures.landAreaMu;
      const usableLand = land !== null && land > 0 ? land : 0;
      if (e.evaluationClass === null) unscoredCount += 1;
      else {
        countByClass[e.evaluationClass] += 1;
        landMuByClass[e.evaluationClass] += usableLand;
      }
      if (e.flag.flagged === true) {
        flaggedCount += 1;
        flaggedLandMu += usableLand;
      }
      const t = e.inputs.figures.taxWanYuan;
      if (t !== null && usableLand > 0) {
        tax += t;
        taxLand += usableLand;
      }
    }
    const classedLand = EVALUATION_CLASSES.reduce((sum, c) => sum + landMuByClass[c], 0);
    return {
      districtCode,
      enterpriseCount: group.length,
      countByClass,
      landMuByClass,
      unscoredCount,
      flaggedCount,
      flaggedLandMu,
      taxPerMuWanYuan: taxLand > 0 ? tax / taxLand : null,
      taxSumWanYuan: tax,
      taxLandSumMu: taxLand,
      dClassLandShare: classedLand > 0 ? landMuByClass.D / classedLand : null,
    };
  });
}

/**
 * Evaluates the layer's enterprises for `year` (default: the latest year the layer gives).
 * Records without a year are evaluated only when no record gives one.
 */
export function evaluateLayer(
  inputs: readonly EnterpriseInputs[],
  settings: EvaluationSettings,
  year?: number | null,
): LayerEvaluation {
  const years = [...new Set(inputs.flatMap((i) => (i.year === null ? [] : [i.year])))].sort(
    (a, b) => a - b,
  );
  const evaluatedYear = years.length === 0 ? null : (year ?? (years.at(-1) as number));
  const recordsWithoutYear = years.length === 0 ? 0 : inputs.filter((i) => i.year === null).length;

  const inputsByYear = new Map<number | null, EnterpriseInputs[]>();
  for (const i of inputs) {
    const group = inputsByYear.get(i.year) ?? [];
    group.push(i);
    inputsByYear.set(i.year, group);
  }
  const byYear = new Map<number, Map<string, ScoredEnterprise>>();
  let current: { enterprises: ScoredEnterprise[]; benchmarks: ResolvedBenchmarks } | null = null;
  for (const y of years.length === 0 ? [null] : years) {
    const scored = scoreYear(inputsByYear.get(y) ?? [], settings);
    if (y === evaluatedYear) current = scored;
    if (y !== null) {
      const keyed = new Map<string, ScoredEnterprise>();
      for (const row of scored.enterprises) {
        if (!keyed.has(row.inputs.enterpriseKey)) keyed.set(row.inputs.enterpriseKey, row);
      }
      byYear.set(y, keyed);
    }
  }
  const scoredNow = current ?? scoreYear([], settings);
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const row of scoredNow.enterprises) {
    if (seen.has(row.inputs.enterpriseKey)) duplicates.add(row.inputs.enterpriseKey);
    seen.add(row.inputs.enterpriseKey);
  }
  const history = { byYear, averageCache: new Map<string, number | null>() };
  const enterprises = scoredNow.enterprises.map((row) => ({
    ...row,
    flag: flagHighConsumption(row, evaluatedYear, history, settings.highConsumption),
  }));
  return {
    year: evaluatedYear,
    years,
    enterprises,
    benchmarks: scoredNow.benchmarks,
    districts: rollUpDistricts(enterprises),
    recordsWithoutYear,
    duplicateKeys: [...duplicates],
  };
}
