/**
 * The heatmap's part of a shareable view, in the page URL: which figure is mapped, how it is
 * classified and which district is selected. Unknown values fall back to defaults.
 */
import type { ClassificationMethod } from './classification/classify.ts';

export type HeatmapMode = 'target' | 'actual' | 'completion';
export const HEATMAP_MODES: readonly HeatmapMode[] = ['target', 'actual', 'completion'];

export const CLASSIFICATION_METHODS: readonly ClassificationMethod[] = [
  'natural-breaks',
  'quantile',
  'equal-interval',
  'manual',
  'reference',
];

/** Class counts offered: at least two classes, and no more than six districts can fill. */
export const CLASS_COUNT_RANGE = [2, 6] as const;

export interface HeatmapView {
  /** Measure id; null shows the plain basemap. */
  measureId: string | null;
  mode: HeatmapMode;
  method: ClassificationMethod;
  classCount: number;
  /** Thresholds for the manual method, ascending. */
  manualBreaks: number[];
  selectedDistrictCode: string | null;
}

export const DEFAULT_HEATMAP_VIEW: HeatmapView = {
  measureId: null,
  mode: 'target',
  method: 'natural-breaks',
  classCount: 4,
  manualBreaks: [],
  selectedDistrictCode: null,
};

function parseBreaks(text: string | null): number[] {
  if (!text) return [];
  const numbers = text.split(',').map((t) => Number(t.trim()));
  if (numbers.some((n) => !Number.isFinite(n))) return [];
  return [...new Set(numbers)].sort((a, b) => a - b);
}

/** Reads the heatmap view from a query string. */
export function parseHeatmapView(search: string): HeatmapView {
  const params = new URLSearchParams(search);
  const mode = params.get('mode') as HeatmapMode;
  const method = params.get('classify') as ClassificationMethod;
  const classCount = Number(params.get('classes'));
  return {
    measureId: params.get('indicator') || null,
    mode: HEATMAP_MODES.includes(mode) ? mode : DEFAULT_HEATMAP_VIEW.mode,
    method: CLASSIFICATION_METHODS.includes(method) ? method : DEFAULT_HEATMAP_VIEW.method,
    classCount:
      Number.isInteger(classCount) &&
      classCount >= CLASS_COUNT_RANGE[0] &&
      classCount <= CLASS_COUNT_RANGE[1]
        ? classCount
        : DEFAULT_HEATMAP_VIEW.classCount,
    manualBreaks: parseBreaks(params.get('breaks')),
    selectedDistrictCode: params.get('district') || null,
  };
}

/** Writes the heatmap view into a query string, keeping other parameters; defaults are omitted. */
export function serializeHeatmapView(view: HeatmapView, existingSearch: string): string {
  const params = new URLSearchParams(existingSearch);
  const set = (key: string, value: string | null, fallback: string | null) => {
    if (value === null || value === fallback) params.delete(key);
    else params.set(key, value);
  };
  const d = DEFAULT_HEATMAP_VIEW;
  set('indicator', view.measureId, null);
  set('mode', view.mode, d.mode);
  set('classify', view.method, d.method);
  set('classes', String(view.classCount), String(d.classCount));
  set('breaks', view.method === 'manual' ? view.manualBreaks.join(',') || null : null, null);
  set('district', view.selectedDistrictCode, null);
  return `?${params.toString().replaceAll('%2C', ',').replaceAll('%2F', '/')}`;
}
