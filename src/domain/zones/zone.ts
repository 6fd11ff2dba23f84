/**
 * A renewal zone (连片整治区块 and the like) that a land official draws: its shape and the
 * planning facts of seed 003's project lists. Pure data; storage adds `revision`.
 */
import type { Polygon } from 'geojson';

/** What kind of land the zone is; words in the i18n `zones.kind.*` entries. */
export const ZONE_KINDS = [
  'contiguousRenewal', // 连片整治区块
  'inefficientLand', // 低效工业用地
  'oldIndustrialArea', // 老旧工业区
  'villageCluster', // 村级工业集聚点
  'other',
] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

/** The four project lists of seed 003 (谋划 / 前期 / 新建 / 续建), in the order work moves. */
export const ZONE_PHASES = ['planning', 'preparation', 'newBuild', 'continuing'] as const;
export type ZonePhase = (typeof ZONE_PHASES)[number];

/** A zone as the user made it. */
export interface Zone {
  /** Random, stable across edits, backups and tabs. */
  id: string;
  name: string;
  kind: ZoneKind;
  phase: ZonePhase;
  /** WGS-84, one outer ring, closed, counter-clockwise (RFC 7946). */
  geometry: Polygon;
  /** Land to free in 亩; null means "the zone's own area". */
  plannedLandMu: number | null;
  /** Energy space to free in 吨标煤 (tce); null when not given. */
  energySpaceTce: number | null;
  /** Number of enterprises to rectify (整治企业数); null when not given. */
  enterprisesToRectify: number | null;
  responsibleUnit: string;
  /** Year the zone is to be done; null when not given. */
  targetYear: number | null;
  note: string;
  /** Who last changed it (the shared 谁 name) and when (ISO). */
  enteredBy: string;
  createdAt: string;
  updatedAt: string;
}
