/**
 * Actual values: figures a planner typed or pasted for a per-district indicator and year, to set
 * beside the seeds' targets. The seeds hold only targets; actuals are the user's own data and are
 * never mixed with seed figures, which is why every record says `origin: 'user'`.
 */

import { CITIES, DISTRICTS } from '../regions.ts';

/** What identifies one actual value: an indicator, an area and a year. */
export interface ActualKey {
  indicatorId: string;
  /** A district code from `regions.ts`, or a city code for the city-wide figure. */
  districtCode: string;
  year: number;
}

/** One stored actual value, with who entered it and when. */
export interface ActualValue extends ActualKey {
  /** In the indicator's own unit (万元/亩, 亩, %, …); never rescaled. */
  value: number;
  /** The planner's note on the figure; empty when none. */
  note: string;
  /** The name the planner chose for themselves; empty when they gave none. */
  enteredBy: string;
  /** ISO 8601 time of the write. */
  enteredAt: string;
  /**
   * Changes on every write. A write must name the revision it was based on, so an edit made in
   * a second tab is refused rather than overwritten.
   */
  revision: number;
  /** Actuals are user data only; seed targets are never stored as actuals. */
  origin: 'user';
}

/** Years an actual may be entered for; anything outside is a typing slip, not a plan year. */
export const ACTUAL_YEAR_MIN = 2000;
export const ACTUAL_YEAR_MAX = 2100;

/** One string per key, for maps and duplicate checks. */
export function actualKeyId(key: ActualKey): string {
  return `${key.indicatorId}|${key.districtCode}|${key.year}`;
}

/** True for a district code or a city (city-wide figure) code that MuAtlas covers. */
export function isKnownAreaCode(code: string): boolean {
  return DISTRICTS.some((d) => d.code === code) || CITIES.some((c) => c.code === code);
}

/** True for a whole-number year in the range actuals may be entered for. */
export function isActualYear(year: number): boolean {
  return Number.isInteger(year) && year >= ACTUAL_YEAR_MIN && year <= ACTUAL_YEAR_MAX;
}
