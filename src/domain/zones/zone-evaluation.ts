/**
 * The user's evaluated enterprises inside a renewal zone: how many of each per-mu class
 * (A/B/C/D), how many are flagged 高耗低效 (seed 003 `003_bf8a38d02e4bdcc0.txt` line 138;
 * 湖政办发〔2023〕22号), the land they hold, and the D-class and flagged ones by name — the
 * enterprises a renewal of the zone would look at first.
 *
 * The evaluation reaches the zones only through `EvaluatedPoint`, so it can be computed wherever
 * it is (page or worker) as long as each evaluated record's position, class and flag come along.
 */
import type { EvaluationClass } from '../evaluation/evaluation-settings.ts';
import { CLASS_BY_CODE } from '../evaluation/evaluation-view.ts';
import type { FlagRule } from '../evaluation/high-consumption.flag.ts';
import type { ZonePoint } from './zone-contents.ts';

export type { EvaluationClass, FlagRule };

/** The four classes in the order they are shown. */
export const ZONE_EVALUATION_CLASSES: readonly EvaluationClass[] = ['A', 'B', 'C', 'D'];

/** One evaluated enterprise-year of the chosen layer, where it lies, as zones count it. */
export interface EvaluatedPoint extends ZonePoint {
  /** The record's position in its imported layer (opens its card). */
  recordIndex: number;
  name: string;
  /** Null when the evaluation could not score it. */
  evaluationClass: EvaluationClass | null;
  /** True when flagged 高耗低效; null when the data does not decide it. */
  flagged: boolean | null;
  /** The rules that flag it (empty unless flagged). */
  flagRules: readonly FlagRule[];
  /** Land in 亩, as imported; null when not given. */
  landMu: number | null;
  /** Tax in 万元, as imported; null when not given. */
  taxWanYuan: number | null;
}

/** A D-class or flagged enterprise inside the zone, as listed. */
export interface ListedEnterprise {
  point: EvaluatedPoint;
  /** Tax ÷ land in 万元/亩; null without both (or with no land). */
  taxPerMuWanYuan: number | null;
}

/** What the evaluated enterprises inside a zone add up to. */
export interface ZoneEvaluation {
  enterpriseCount: number;
  countByClass: Record<EvaluationClass, number>;
  /** Enterprises the evaluation could not score. */
  unclassedCount: number;
  flaggedCount: number;
  /** Land of class D enterprises (亩). */
  dClassLandMu: number;
  /** Land of flagged enterprises (亩). */
  flaggedLandMu: number;
  /**
   * Land of the enterprises that are class D or flagged, each counted once (亩): the land a
   * renewal of the zone could free.
   */
  renewalLandMu: number;
  /** The class D or flagged enterprises: flagged D first, then by land, largest first. */
  listed: ListedEnterprise[];
}

/** Usable land: given and positive, else 0 (a missing or zero area frees nothing). */
function landOf(point: EvaluatedPoint): number {
  return point.landMu !== null && point.landMu > 0 ? point.landMu : 0;
}

/** True for the enterprises a zone lists by name: class D or flagged 高耗低效. */
export function isRenewalCandidate(point: EvaluatedPoint): boolean {
  return point.evaluationClass === 'D' || point.flagged === true;
}

/** Counts by class and flag, land, and the list of D-class and flagged enterprises. */
export function summarizeZoneEvaluation(points: readonly EvaluatedPoint[]): ZoneEvaluation {
  const countByClass: Record<EvaluationClass, number> = { A: 0, B: 0, C: 0, D: 0 };
  let unclassedCount = 0;
  let flaggedCount = 0;
  let dClassLandMu = 0;
  let flaggedLandMu = 0;
  let renewalLandMu = 0;
  const listed: ListedEnterprise[] = [];
  for (const point of points) {
    const land = landOf(point);
    if (point.evaluationClass === null) unclassedCount += 1;
    else countByClass[point.evaluationClass] += 1;
    if (point.evaluationClass === 'D') dClassLandMu += land;
    if (point.flagged === true) {
      flaggedCount += 1;
      flaggedLandMu += land;
    }
    if (!isRenewalCandidate(point)) continue;
    renewalLandMu += land;
    listed.push({
      point,
      taxPerMuWanYuan: point.taxWanYuan !== null && land > 0 ? point.taxWanYuan / land : null,
    });
  }
  const both = (p: EvaluatedPoint) => Number(p.evaluationClass === 'D' && p.flagged === true);
  listed.sort(
    (a, b) =>
      both(b.point) - both(a.point) ||
      landOf(b.point) - landOf(a.point) ||
      a.point.recordIndex - b.point.recordIndex,
  );
  return {
    enterpriseCount: points.length,
    countByClass,
    unclassedCount,
    flaggedCount,
    dClassLandMu,
    flaggedLandMu,
    renewalLandMu,
    listed,
  };
}

/**
 * The evaluation's enterprises of the evaluated year as parallel columns (entry `i` of each is
 * one enterprise; numbers not given are NaN), as the evaluation hands them over.
 */
export interface EvaluatedColumns {
  recordIndex: ArrayLike<number>;
  /** Codes of {@link CLASS_BY_CODE}: 0 unclassed, then A–D. */
  classCode: ArrayLike<number>;
  /** -1 undecided, 0 not flagged, 1 flagged 高耗低效. */
  flag: ArrayLike<number>;
  /** WGS-84 position (a shape's centroid); NaN without a geometry. */
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  landMu: ArrayLike<number>;
  taxWanYuan: ArrayLike<number>;
}

/** Name and flag rules of a class-D or flagged enterprise, by record index. */
export type ListedNames = ReadonlyMap<number, { name: string; flagRules: readonly FlagRule[] }>;

const given = (value: number | undefined): number | null =>
  value === undefined || Number.isNaN(value) ? null : value;

/**
 * The evaluated enterprises that have a position, as zone points; names come from `listed`
 * (the only ones a zone shows by name). `layerId` keeps the ids apart from the places'.
 */
export function evaluatedPointsOf(
  layerId: string,
  columns: EvaluatedColumns,
  listed: ListedNames,
): EvaluatedPoint[] {
  const out: EvaluatedPoint[] = [];
  for (let i = 0; i < columns.recordIndex.length; i++) {
    const lon = given(columns.lon[i]);
    const lat = given(columns.lat[i]);
    const recordIndex = columns.recordIndex[i];
    if (lon === null || lat === null || recordIndex === undefined) continue;
    const flag = columns.flag[i];
    const names = listed.get(recordIndex);
    out.push({
      id: `${layerId}#${recordIndex}`,
      lon,
      lat,
      recordIndex,
      name: names?.name ?? '',
      evaluationClass: CLASS_BY_CODE[columns.classCode[i] ?? 0] ?? null,
      flagged: flag === 1 ? true : flag === 0 ? false : null,
      flagRules: flag === 1 ? (names?.flagRules ?? []) : [],
      landMu: given(columns.landMu[i]),
      taxWanYuan: given(columns.taxWanYuan[i]),
    });
  }
  return out;
}
