/**
 * Huzhou's per-district plan targets (湖政办发〔2023〕22号 附1) as heatmap measures.
 */
import {
  indicatorsForMap,
  targetsFor,
  type Indicator,
  type IndicatorCatalogue,
  type TargetValue,
} from './indicator-catalogue.ts';
import type { MapMeasure, MeasureValue } from './map-measure.ts';

function measureValue(target: TargetValue): MeasureValue {
  return {
    districtCode: target.districtCode,
    value: target.value,
    note: target.note,
    sources: [target.source],
  };
}

/** One indicator's targets for a city and year as a measure; undefined when there are none. */
export function targetMeasure(
  indicator: Indicator,
  cityCode: string,
  year: number,
): MapMeasure | undefined {
  const targets = targetsFor(indicator, cityCode, year);
  if (!targets) return undefined;
  return {
    id: indicator.id,
    nameZh: indicator.nameZh,
    nameEn: indicator.nameEn,
    group: indicator.group,
    unit: indicator.unit,
    unitZh: indicator.unitZh,
    polarity: indicator.polarity,
    kind: indicator.kind,
    nonNegative: indicator.nonNegative,
    basis: 'target',
    cityCode,
    year,
    districts: targets.districts.map(measureValue),
    city: targets.city ? measureValue(targets.city) : null,
  };
}

/** Every mappable target indicator of a city and year, in the catalogue's order. */
export function targetMeasures(
  catalogue: IndicatorCatalogue,
  cityCode: string,
  year: number,
): MapMeasure[] {
  return indicatorsForMap(catalogue, cityCode, year)
    .mappable.map((indicator) => targetMeasure(indicator, cityCode, year))
    .filter((m): m is MapMeasure => m !== undefined);
}
