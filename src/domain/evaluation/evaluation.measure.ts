/**
 * The evaluated imported layer as heatmap measures, per district: Σ tax ÷ Σ land (万元/亩) with
 * the seeds' 2023 亩均税收 target beside it, and counts of class-D and 高耗低效 enterprises. The
 * figures are the user's data, never the plans': the measures have the `imported` basis, their
 * names carry the layer's name (and 示例数据 when the layer is the synthetic demo), and their
 * source is the layer, not a seed line. The target beside them keeps its own seed source.
 */

import {
  targetsFor,
  type IndicatorCatalogue,
  type SourceRef,
} from '../indicators/indicator-catalogue.ts';
import type { MapMeasure, MeasureValue } from '../indicators/map-measure.ts';
import { UNIT_DISPLAY, unitDisplayFor } from '../indicators/unit-display.ts';
import { districtsOfCity } from '../regions.ts';
import type { LayerEvaluation } from './evaluate-layer.ts';

/** The measures' ids in the heatmap's list and in the URL. */
export const EVALUATION_MEASURE_IDS = {
  taxPerMu: 'eval_tax_per_mu',
  dClassCount: 'eval_d_class_count',
  flaggedCount: 'eval_flagged_count',
} as const;

/** Their picker group; worded by the i18n `heatmap.groups` entries. */
export const EVALUATION_MEASURE_GROUP = 'user_evaluation';

/** True for the id of one of these measures. */
export function isEvaluationMeasureId(id: string | null): boolean {
  return Object.values(EVALUATION_MEASURE_IDS).some((m) => m === id);
}

/** The seeds' indicator the tax figure is shown beside (seeds/huzhou-2023-district-targets.csv rows 23–29). */
const TAX_TARGET_INDICATOR = 'tax_per_mu';

/** The evaluated layer as the measures need it. */
export interface EvaluatedLayerFigures {
  layerName: string;
  sourceFileName: string;
  recordCount: number;
  /** The synthetic demo (demo-dataset.ts): every name says 示例数据. */
  synthetic: boolean;
  /** Null while the layer is being read; the roll-ups are all the measures read. */
  evaluation: Pick<LayerEvaluation, 'year' | 'districts'> | null;
}

function layerSource(layer: EvaluatedLayerFigures): SourceRef {
  return {
    file: layer.sourceFileName,
    lines: [[1, Math.max(1, layer.recordCount)]],
    document: null,
    sectionZh: layer.layerName,
  };
}

function label(layer: EvaluatedLayerFigures, zh: string, en: string) {
  const tag = layer.synthetic && !layer.layerName.includes('示例数据') ? '示例数据 · ' : '';
  // Before the evaluation is opened the layer is not known yet.
  const nameZh = layer.layerName || '导入数据';
  const nameEn = layer.layerName || 'imported data';
  return { nameZh: `${zh}（${tag}${nameZh}）`, nameEn: `${en} (${tag}${nameEn})` };
}

/**
 * The three measures for the city (Huzhou's districts in regions.ts order), or none when no
 * layer is evaluated. Districts without enterprises in the layer are null with a note; the
 * city figure is the whole layer's (Σ over its districts).
 */
export function evaluationMeasures(
  catalogue: IndicatorCatalogue,
  layer: EvaluatedLayerFigures | null,
  cityCode: string,
  targetYear: number,
): MapMeasure[] {
  if (!layer) return [];
  const evaluation = layer.evaluation;
  const source = layerSource(layer);
  const rollups = new Map(evaluation?.districts.map((d) => [d.districtCode, d]));
  const codes = districtsOfCity(cityCode).map((d) => d.code);
  const taxIndicator = catalogue.indicators.find((i) => i.id === TAX_TARGET_INDICATOR);
  const taxTargets = taxIndicator ? targetsFor(taxIndicator, cityCode, targetYear) : undefined;
  const targetOf = new Map(taxTargets?.districts.map((t) => [t.districtCode, t]));
  const noData = evaluation ? '导入数据中无此区县的企业' : '';

  const inCity = new Set(codes);
  const cityTotals = { tax: 0, land: 0, d: 0, flagged: 0, any: false };
  // Σ tax ÷ Σ land over the city's enterprises: the districts' sums added up.
  for (const d of evaluation?.districts ?? []) {
    if (!inCity.has(d.districtCode)) continue;
    cityTotals.any = true;
    cityTotals.d += d.countByClass.D;
    cityTotals.flagged += d.flaggedCount;
    cityTotals.tax += d.taxSumWanYuan;
    cityTotals.land += d.taxLandSumMu;
  }

  const values = (
    pick: (d: NonNullable<ReturnType<typeof rollups.get>>) => number | null,
    withTarget: boolean,
  ): MeasureValue[] =>
    codes.map((code) => {
      const rollup = rollups.get(code);
      const target = withTarget ? targetOf.get(code) : undefined;
      const targetNote =
        target && target.value !== null ? `2023 目标 ${target.value} 万元/亩（规上）` : '';
      return {
        districtCode: code,
        value: rollup ? pick(rollup) : null,
        note: rollup ? targetNote : [noData, targetNote].filter((n) => n).join('；'),
        sources: target ? [source, target.source] : [source],
      };
    });
  const cityValue = (value: number | null): MeasureValue | null =>
    cityTotals.any ? { districtCode: cityCode, value, note: '', sources: [source] } : null;

  const common = {
    group: EVALUATION_MEASURE_GROUP,
    basis: 'imported' as const,
    cityCode,
    year: evaluation?.year ?? null,
    nonNegative: true,
  };
  return [
    {
      ...common,
      id: EVALUATION_MEASURE_IDS.taxPerMu,
      ...label(layer, '亩均税收 Σ税收÷Σ用地', 'Tax per mu, Σ tax ÷ Σ land'),
      unit: UNIT_DISPLAY.wan_yuan_per_mu,
      unitZh: '万元/亩',
      polarity: 'higher-is-better',
      kind: 'level',
      districts: values((d) => d.taxPerMuWanYuan, true),
      city: cityValue(cityTotals.land > 0 ? cityTotals.tax / cityTotals.land : null),
    },
    {
      ...common,
      id: EVALUATION_MEASURE_IDS.dClassCount,
      ...label(layer, 'D 类企业数', 'Class D enterprises'),
      unit: unitDisplayFor('count', '家'),
      unitZh: '家',
      polarity: 'lower-is-better',
      kind: 'amount',
      districts: values((d) => d.countByClass.D, false),
      city: cityValue(cityTotals.d),
    },
    {
      ...common,
      id: EVALUATION_MEASURE_IDS.flaggedCount,
      ...label(layer, '高耗低效企业数', 'High-use, low-efficiency enterprises'),
      unit: unitDisplayFor('count', '家'),
      unitZh: '家',
      polarity: 'lower-is-better',
      kind: 'amount',
      districts: values((d) => d.flaggedCount, false),
      city: cityValue(cityTotals.flagged),
    },
  ];
}
