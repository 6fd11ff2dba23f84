/**
 * Everything the district heatmap shows for one figure, computed in one pure step: classes,
 * their colours, each district's fill, the legend and the ranking board. The map, legend and
 * board all read this one result, so they can never disagree.
 */
import {
  classifyValues,
  type Classification,
  type ClassificationMethod,
  type ClassificationRequest,
  type DistrictValue,
} from '../classification/classify.ts';
import { divergingClassColours, sequentialClassColours } from '../classification/class-colours.ts';
import {
  NO_DATA_STYLE,
  type DivergingSchemeId,
  type SequentialSchemeId,
} from '../classification/colour-schemes.ts';
import type { Polarity } from './indicator-semantics.ts';
import { buildRankingBoard, type BoardOrder, type BoardRow } from './ranking.ts';

export interface HeatmapModelInput {
  /** The figures of the districts in view; null where there is none. */
  values: readonly DistrictValue[];
  polarity: Polarity;
  /** The whole-city figure, for gaps and the reference split; null when there is none. */
  cityValue: number | null;
  method: ClassificationMethod;
  classCount: number;
  manualBreaks: readonly number[];
  order: BoardOrder;
  sequentialScheme?: SequentialSchemeId;
  divergingScheme?: DivergingSchemeId;
}

export interface LegendEntry {
  colour: string;
  /** Data extent of the class; null for the no-data entry. */
  minValue: number | null;
  maxValue: number | null;
  count: number;
  hatched: boolean;
}

export interface HeatmapModel {
  classification: Classification;
  fillByDistrict: ReadonlyMap<string, string>;
  legend: LegendEntry[];
  board: BoardRow[];
  /** Why the request could not be honoured as asked; the UI words it. */
  problem: 'no-reference' | null;
}

/** Picks the classification request the settings describe, falling back when one is impossible. */
function requestOf(input: HeatmapModelInput): {
  request: ClassificationRequest;
  problem: HeatmapModel['problem'];
} {
  switch (input.method) {
    case 'manual':
      return { request: { method: 'manual', thresholds: input.manualBreaks }, problem: null };
    case 'reference':
      if (input.cityValue === null) {
        return {
          request: { method: 'natural-breaks', classCount: input.classCount },
          problem: 'no-reference',
        };
      }
      return {
        request: {
          method: 'reference',
          references: [{ value: input.cityValue, kind: 'city' }],
          isolateEqual: true,
        },
        problem: null,
      };
    default:
      return { request: { method: input.method, classCount: input.classCount }, problem: null };
  }
}

/** Computes the heatmap for one figure and one set of classification settings. */
export function buildHeatmapModel(input: HeatmapModelInput): HeatmapModel {
  const { request, problem } = requestOf(input);
  const classification = classifyValues(input.values, request);
  const colours =
    request.method === 'reference' && input.cityValue !== null
      ? divergingClassColours(
          classification.classes,
          input.cityValue,
          input.divergingScheme ?? 'RdBu',
          input.polarity,
        ).colours
      : classification.classes.length > 0
        ? sequentialClassColours(
            classification.classes.length,
            input.sequentialScheme ?? 'YlOrRd',
            input.polarity,
          )
        : [];
  const fillByDistrict = new Map<string, string>();
  for (const [code, index] of Object.entries(classification.classIndexByDistrict)) {
    fillByDistrict.set(code, colours[index] ?? NO_DATA_STYLE.colour);
  }
  for (const code of classification.noDataDistrictCodes) {
    fillByDistrict.set(code, NO_DATA_STYLE.colour);
  }
  const legend: LegendEntry[] = classification.classes.map((cls, i) => ({
    colour: colours[i] ?? NO_DATA_STYLE.colour,
    minValue: cls.minValue,
    maxValue: cls.maxValue,
    count: cls.count,
    hatched: false,
  }));
  if (classification.noDataDistrictCodes.length > 0) {
    legend.push({
      colour: NO_DATA_STYLE.colour,
      minValue: null,
      maxValue: null,
      count: classification.noDataDistrictCodes.length,
      hatched: NO_DATA_STYLE.hatched,
    });
  }
  const board = buildRankingBoard(input.values, {
    polarity: input.polarity,
    cityValue: input.cityValue,
    order: input.order,
  });
  return { classification, fillByDistrict, legend, board, problem };
}
