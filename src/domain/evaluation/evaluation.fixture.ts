/**
 * Enterprise-years for the evaluation's tests, built field by field so each test shows the
 * figures its hand computation uses. Fictional enterprises, not seed data.
 */
import type { EnterpriseInputs, InputId } from './enterprise-inputs.ts';

const NO_FIGURES: Record<InputId, number | null> = {
  landAreaMu: null,
  taxWanYuan: null,
  valueAddedWanYuan: null,
  energyTce: null,
  emissionsTonnes: null,
  electricityKwh: null,
  employees: null,
  rdSpendingWanYuan: null,
  revenueWanYuan: null,
};

let nextIndex = 0;

/** An enterprise-year with the given figures; everything not given is missing. */
export function enterprise(
  overrides: Partial<Omit<EnterpriseInputs, 'figures'>> & {
    figures?: Partial<Record<InputId, number | null>>;
  } = {},
): EnterpriseInputs {
  const recordIndex = overrides.recordIndex ?? nextIndex++;
  const name = overrides.name ?? `企业${recordIndex}`;
  return {
    recordIndex,
    enterpriseKey: overrides.enterpriseKey ?? `name:${name}`,
    name,
    creditCode: null,
    districtCode: '330502',
    industry: '纺织',
    sizeClass: 'above',
    year: 2023,
    energyQuotaBreached: null,
    ...overrides,
    figures: { ...NO_FIGURES, ...overrides.figures },
  };
}

/**
 * A 规上 enterprise-year with all six indicators at the given values, from land 10 亩 and
 * revenue 1,000 万元 (so tax per mu 30 means tax 300 万元).
 */
export function aboveSizeWith(
  values: {
    taxPerMu: number;
    valueAddedPerMu: number;
    valueAddedPerEnergy: number;
    valueAddedPerEmission: number;
    labourProductivity: number;
    rdShare: number;
  },
  overrides: Partial<Omit<EnterpriseInputs, 'figures'>> = {},
): EnterpriseInputs {
  const land = 10;
  const valueAdded = values.valueAddedPerMu * land;
  return enterprise({
    ...overrides,
    sizeClass: 'above',
    figures: {
      landAreaMu: land,
      taxWanYuan: values.taxPerMu * land,
      valueAddedWanYuan: valueAdded,
      energyTce: valueAdded / values.valueAddedPerEnergy,
      emissionsTonnes: valueAdded / values.valueAddedPerEmission,
      employees: valueAdded / values.labourProductivity,
      rdSpendingWanYuan: values.rdShare * 10,
      revenueWanYuan: 1000,
    },
  });
}
