/**
 * What the district heatmap draws: one figure per district (and optionally the whole city),
 * each with its note and source. Huzhou's plan targets and Shaoxing's district profiles
 * (counts of the industries and places the seeds name per district) both become measures,
 * so one classification, legend, card and ranking board serve both cities.
 */
import type { DistrictValue } from '../classification/classify.ts';
import type { IndicatorKind, Polarity } from './indicator-semantics.ts';
import type { SourceRef } from './indicator-catalogue.ts';
import type { UnitDisplay } from './unit-display.ts';

/** One district's figure in a measure. */
export interface MeasureValue {
  districtCode: string;
  /** Null when the source gives no number; `note` then says why. */
  value: number | null;
  /** The source's remark on the figure, or a short explanation; empty when none. */
  note: string;
  /** Where the figure comes from; several for a count assembled from several seed lines. */
  sources: SourceRef[];
}

export interface MapMeasure {
  id: string;
  nameZh: string;
  nameEn: string;
  /** Picker group id; the UI words it through the i18n dictionaries. */
  group: string;
  unit: UnitDisplay;
  /** The unit as the source prints it, for exports. */
  unitZh: string;
  polarity: Polarity;
  kind: IndicatorKind;
  /** True when no valid figure can be below zero. */
  nonNegative: boolean;
  /**
   * `target`: a plan's target for the year; `profile`: a description drawn from the seeds;
   * `zones`: the user's drawn renewal zones measured against a plan target (their own figure);
   * `imported`: figures computed from the user's imported data (the per-mu evaluation).
   */
  basis: 'target' | 'profile' | 'zones' | 'imported';
  cityCode: string;
  /** The year the figures are for; null for profiles that have no single year. */
  year: number | null;
  districts: MeasureValue[];
  /** The whole-city figure, when the source gives one. */
  city: MeasureValue | null;
}

/** A measure's district figures as classification and ranking input. */
export function measureValues(measure: MapMeasure): DistrictValue[] {
  return measure.districts.map((d) => ({ districtCode: d.districtCode, value: d.value }));
}
