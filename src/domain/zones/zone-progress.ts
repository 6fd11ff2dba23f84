/**
 * Adding up renewal zones against the plans: per district, the land (亩) and energy space (tce)
 * the zones plan to free, against the district's 2023 targets (湖政办发〔2023〕22号 附1, in
 * seeds/huzhou-2023-district-targets.csv); per city, the same against the city's 2023 target and
 * the plan's cumulative 2027 goal (seeds/plan-goals.csv). Every target carries where it comes
 * from: the seed file and row, and the policy document's lines.
 */

import { DISTRICTS } from '../regions.ts';
import { parseSeedCsv } from '../seeds/seed-csv.format.ts';
import { readDistrictTargets, readPlanGoals, type SeedSource } from '../seeds/seed-records.ts';
import { toBaseUnit, type SeedUnitId } from '../seeds/seed-units.ts';
import type { DistrictShare } from './zone-contents.ts';

/** 1 万吨标煤 = 10,000 吨标煤 (tce): the seeds state energy space in 万吨标煤, zones in tce. */
export const TCE_PER_WAN_TCE = 10_000;

/** Indicator ids of the two 2023 targets in huzhou-2023-district-targets.csv (rows 93–106). */
export const LAND_FREED_INDICATOR = 'land_freed_mu';
export const ENERGY_FREED_INDICATOR = 'energy_freed_10k_tce';

/**
 * The plan's goal of 3 万亩 (30,000 亩) of inefficient industrial land freed, cumulative, by
 * 2027: seeds/plan-goals.csv row 10, from 003 (湖政办发〔2023〕22号) lines 31–33.
 */
export const LAND_GOAL_2027_ID = 'hz2027_inefficient_land_freed';

const DISTRICT_TARGETS_FILE = 'huzhou-2023-district-targets.csv';
const PLAN_GOALS_FILE = 'plan-goals.csv';

/** A figure from the seeds, converted to the unit zones are counted in, with its source. */
export interface SourcedFigure {
  /** In 亩 for land, in tce for energy space. */
  value: number;
  /** The figure as the seed states it (e.g. 1.5) and its unit (e.g. `wan_tce`, 万吨标煤). */
  statedValue: number;
  statedUnit: SeedUnitId;
  statedUnitZh: string;
  year: number;
  /** The seed table and its spreadsheet row (header = row 1). */
  seedFile: string;
  seedRow: number;
  /** The policy document's text file and lines. */
  source: SeedSource;
}

/** What the zones are added up against, per district and per city. */
export interface ZoneTargets {
  /** District code → 2023 targets; a district without a figure has no entry for it. */
  districtLand: ReadonlyMap<string, SourcedFigure>;
  districtEnergy: ReadonlyMap<string, SourcedFigure>;
  /** City code → the city's 2023 targets (the seeds' 全市 rows) and the 2027 goal. */
  cityLand: ReadonlyMap<string, SourcedFigure>;
  cityEnergy: ReadonlyMap<string, SourcedFigure>;
  cityLandGoal: ReadonlyMap<string, SourcedFigure>;
}

function toTce(value: number, unit: SeedUnitId): number {
  if (unit === 'wan_tce') return value * TCE_PER_WAN_TCE;
  throw new Error(`energy target in unexpected unit '${unit}'`);
}

function toMu(value: number, unit: SeedUnitId): number {
  const base = toBaseUnit(value, unit);
  if (base.unit !== 'mu') throw new Error(`land target in unexpected unit '${unit}'`);
  return base.value;
}

/**
 * Reads the targets from the seed tables' text (Vite `?raw` imports in the app, files in
 * tests). Trusts the files as `npm run seeds:check` validates them.
 */
export function readZoneTargets(districtTargetsCsv: string, planGoalsCsv: string): ZoneTargets {
  const cityCodes = new Set(DISTRICTS.map((d) => d.cityCode));
  const targets = readDistrictTargets(districtTargetsCsv);
  const rows = parseSeedCsv(DISTRICT_TARGETS_FILE, districtTargetsCsv).table.rows;
  const districtLand = new Map<string, SourcedFigure>();
  const districtEnergy = new Map<string, SourcedFigure>();
  const cityLand = new Map<string, SourcedFigure>();
  const cityEnergy = new Map<string, SourcedFigure>();
  targets.forEach((t, i) => {
    const isLand = t.indicatorId === LAND_FREED_INDICATOR;
    if ((!isLand && t.indicatorId !== ENERGY_FREED_INDICATOR) || t.value === null) return;
    const figure: SourcedFigure = {
      value: isLand ? toMu(t.value, t.unit) : toTce(t.value, t.unit),
      statedValue: t.value,
      statedUnit: t.unit,
      statedUnitZh: t.unitZh,
      year: t.year,
      seedFile: DISTRICT_TARGETS_FILE,
      seedRow: rows[i]?.row ?? 0,
      source: t.source,
    };
    const isCity = cityCodes.has(t.districtCode);
    const map = isLand ? (isCity ? cityLand : districtLand) : isCity ? cityEnergy : districtEnergy;
    map.set(t.districtCode, figure);
  });

  const goalRows = parseSeedCsv(PLAN_GOALS_FILE, planGoalsCsv).table.rows;
  const cityLandGoal = new Map<string, SourcedFigure>();
  readPlanGoals(planGoalsCsv).forEach((g, i) => {
    if (g.goalId !== LAND_GOAL_2027_ID || g.value === null) return;
    cityLandGoal.set(g.scopeCode, {
      value: toMu(g.value, g.unit),
      statedValue: g.value,
      statedUnit: g.unit,
      statedUnitZh: g.unitZh,
      year: g.targetYear,
      seedFile: PLAN_GOALS_FILE,
      seedRow: goalRows[i]?.row ?? 0,
      source: g.source,
    });
  });
  return { districtLand, districtEnergy, cityLand, cityEnergy, cityLandGoal };
}

/** The part of a zone the sums read. */
export interface ZoneForProgress {
  id: string;
  /** The zone's own land figure (亩); null means its area. */
  plannedLandMu: number | null;
  areaMu: number;
  energySpaceTce: number | null;
  /** The districts it lies in, with shares summing to 1 (see DistrictAreas.sharesOf). */
  districts: readonly DistrictShare[];
}

/** Planned figures against a target; ratio null when there is no target (or it is zero). */
export interface ProgressFigure {
  planned: number;
  target: SourcedFigure | null;
  /** planned ÷ target (1 = target met). */
  ratio: number | null;
}

export interface DistrictZoneProgress {
  districtCode: string;
  cityCode: string;
  /** Zones with any part in the district. */
  zoneCount: number;
  landMu: ProgressFigure;
  energyTce: ProgressFigure;
}

export interface CityZoneProgress {
  cityCode: string;
  zoneCount: number;
  /** Against the city's 2023 target. */
  landMu: ProgressFigure;
  energyTce: ProgressFigure;
  /** The same land against the plan's cumulative 2027 goal. */
  landMuGoal: ProgressFigure;
}

export interface ZoneProgressReport {
  /** In the order of src/domain/regions.ts: every district with a target or a zone. */
  districts: DistrictZoneProgress[];
  cities: CityZoneProgress[];
  /** Zones lying in no district outline (drawn on a lake, say): counted here, not in a city. */
  unattributed: { zoneCount: number; landMu: number; energyTce: number };
}

function figure(planned: number, target: SourcedFigure | undefined): ProgressFigure {
  return {
    planned,
    target: target ?? null,
    ratio: target && target.value > 0 ? planned / target.value : null,
  };
}

interface Sum {
  zones: Set<string>;
  landMu: number;
  energyTce: number;
}

function addTo(sums: Map<string, Sum>, key: string, id: string, land: number, energy: number) {
  let sum = sums.get(key);
  if (!sum) {
    sum = { zones: new Set(), landMu: 0, energyTce: 0 };
    sums.set(key, sum);
  }
  sum.zones.add(id);
  sum.landMu += land;
  sum.energyTce += energy;
}

/**
 * Sums the zones per district and city. A zone's land is its `plannedLandMu`, or its area when
 * that is empty; a zone spanning districts gives each the share of its area lying there.
 */
export function zoneProgress(
  zones: readonly ZoneForProgress[],
  targets: ZoneTargets,
): ZoneProgressReport {
  const byDistrict = new Map<string, Sum>();
  const byCity = new Map<string, Sum>();
  const unattributed = { zoneCount: 0, landMu: 0, energyTce: 0 };
  for (const zone of zones) {
    const land = zone.plannedLandMu ?? zone.areaMu;
    const energy = zone.energySpaceTce ?? 0;
    if (zone.districts.length === 0) {
      unattributed.zoneCount += 1;
      unattributed.landMu += land;
      unattributed.energyTce += energy;
      continue;
    }
    for (const d of zone.districts) {
      addTo(byDistrict, d.districtCode, zone.id, land * d.share, energy * d.share);
      addTo(byCity, d.cityCode, zone.id, land * d.share, energy * d.share);
    }
  }

  const districts: DistrictZoneProgress[] = [];
  for (const info of DISTRICTS) {
    const sum = byDistrict.get(info.code);
    const land = targets.districtLand.get(info.code);
    const energy = targets.districtEnergy.get(info.code);
    if (!sum && !land && !energy) continue;
    districts.push({
      districtCode: info.code,
      cityCode: info.cityCode,
      zoneCount: sum?.zones.size ?? 0,
      landMu: figure(sum?.landMu ?? 0, land),
      energyTce: figure(sum?.energyTce ?? 0, energy),
    });
  }

  const cityCodes = [...new Set(DISTRICTS.map((d) => d.cityCode))];
  const cities: CityZoneProgress[] = cityCodes.map((cityCode) => {
    const sum = byCity.get(cityCode);
    return {
      cityCode,
      zoneCount: sum?.zones.size ?? 0,
      landMu: figure(sum?.landMu ?? 0, targets.cityLand.get(cityCode)),
      energyTce: figure(sum?.energyTce ?? 0, targets.cityEnergy.get(cityCode)),
      landMuGoal: figure(sum?.landMu ?? 0, targets.cityLandGoal.get(cityCode)),
    };
  });
  return { districts, cities, unattributed };
}
