/**
 * Renewal zones' progress as a heatmap measure: per district, the land the user-drawn zones plan
 * to free (亩) as a percentage of the district's 2023 target for land freed (湖政办发〔2023〕22号
 * 附1, seeds/huzhou-2023-district-targets.csv rows 93–106). The numerator is the user's own
 * drawing, not an official figure; the heatmap says so with the measure's `zones` basis, and
 * every value cites the target's seed row as well as the document's lines.
 */

import {
  targetsFor,
  type IndicatorCatalogue,
  type SourceRef,
  type TargetValue,
} from '../indicators/indicator-catalogue.ts';
import type { MapMeasure, MeasureValue } from '../indicators/map-measure.ts';
import { UNIT_DISPLAY } from '../indicators/unit-display.ts';
import {
  LAND_FREED_INDICATOR,
  type ProgressFigure,
  type ZoneProgressReport,
} from './zone-progress.ts';

/** The measure's id in the heatmap's list and in the URL. */
export const ZONES_LAND_PROGRESS_MEASURE_ID = 'zones_land_progress';

/** Its picker group; worded by the i18n `heatmap.groups` entries. */
export const ZONES_PROGRESS_GROUP = 'zones_progress';

/** The target's seed row as a source, besides the document lines the catalogue cites. */
function seedRowSource(target: TargetValue, figure: ProgressFigure | undefined): SourceRef[] {
  const sourced = figure?.target;
  if (!sourced) return [target.source];
  const row: SourceRef = {
    ...target.source,
    file: sourced.seedFile,
    lines: [[sourced.seedRow, sourced.seedRow]],
  };
  return [row, target.source];
}

function valueOf(
  target: TargetValue,
  figure: ProgressFigure | undefined,
  sources: SourceRef[] = seedRowSource(target, figure),
): MeasureValue {
  return {
    districtCode: target.districtCode,
    value: figure?.ratio == null ? null : figure.ratio * 100,
    // The target's own remark (含南太湖新区 …) still qualifies the denominator.
    note: target.note,
    sources,
  };
}

/** Sorted rows as inclusive ranges: 93, 94, 95, 99 → [93, 95], [99, 99]. */
function rowRanges(rows: readonly number[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const row of [...new Set(rows)].sort((a, b) => a - b)) {
    const last = ranges.at(-1);
    if (last && row === last[1] + 1) last[1] = row;
    else ranges.push([row, row]);
  }
  return ranges;
}

/**
 * The city figure cites every row of the target table the measure divides by (districts and
 * the city), so the legend can name the whole denominator in one line.
 */
function citySources(target: TargetValue, figures: readonly (ProgressFigure | undefined)[]) {
  const sourced = figures.flatMap((f) => (f?.target ? [f.target] : []));
  const first = sourced[0];
  if (!first) return [target.source];
  const rows: SourceRef = {
    ...target.source,
    file: first.seedFile,
    lines: rowRanges(sourced.map((s) => s.seedRow)),
  };
  return [rows, target.source];
}

/**
 * The measure for a city and target year, or undefined when the catalogue has no land-freed
 * targets for them. `report` is null while the zones are loading: every value is then null.
 * Districts are the target's (in regions.ts order), so the map is the same with or without
 * zones; a district without zones is at 0%.
 */
export function zonesLandProgressMeasure(
  catalogue: IndicatorCatalogue,
  report: ZoneProgressReport | null,
  cityCode: string,
  year: number,
): MapMeasure | undefined {
  const indicator = catalogue.indicators.find((i) => i.id === LAND_FREED_INDICATOR);
  const targets = indicator && targetsFor(indicator, cityCode, year);
  if (!indicator || !targets) return undefined;
  const byDistrict = new Map(report?.districts.map((d) => [d.districtCode, d.landMu]));
  const city = report?.cities.find((c) => c.cityCode === cityCode)?.landMu;
  return {
    id: ZONES_LAND_PROGRESS_MEASURE_ID,
    nameZh: indicator.nameZh,
    nameEn: indicator.nameEn,
    group: ZONES_PROGRESS_GROUP,
    unit: UNIT_DISPLAY.percent,
    unitZh: '%',
    polarity: 'higher-is-better',
    // A share of each district's own target: districts compare as levels, and the city's
    // figure is its own share, not their sum.
    kind: 'level',
    nonNegative: true,
    basis: 'zones',
    cityCode,
    year,
    districts: targets.districts.map((t) => valueOf(t, byDistrict.get(t.districtCode))),
    city: targets.city
      ? valueOf(
          targets.city,
          city,
          citySources(targets.city, [
            city,
            ...targets.districts.map((t) => byDistrict.get(t.districtCode)),
          ]),
        )
      : null,
  };
}
