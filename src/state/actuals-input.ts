/**
 * How typed and pasted actual values meet the indicator catalogue: the validator's rules, the
 * indicator a pasted header names, which layout a pasted block has and which key each of its
 * cells is for. Pure functions, kept apart from the rune module that holds the live state.
 */

import type {
  ActualRules,
  CellResult,
  PasteValidation,
} from '../domain/actuals/actual-cell.validator.ts';
import type { ActualKey, ActualValue } from '../domain/actuals/actual-value.ts';
import {
  parseYearLabel,
  placePastedCells,
  resolveAreaLabel,
  type PasteLayout,
  type PlacedCell,
} from '../domain/actuals/paste-layout.ts';
import { normalisePastedText, type PasteDelimiter } from '../domain/actuals/pasted-block.parser.ts';
import {
  targetsFor,
  type Indicator,
  type IndicatorCatalogue,
} from '../domain/indicators/indicator-catalogue.ts';
import { CITIES, districtByCode } from '../domain/regions.ts';

/**
 * How a pasted block is laid out:
 * - `column`: values only, one per row, in the table's order from `anchorRow` down;
 * - `district-values`: two columns, district then value, for the editor's year (no header);
 * - `districts-by-years` / `districts-by-indicators`: as in paste-layout.ts, with a header row.
 */
export type PasteLayoutKind =
  'column' | 'district-values' | 'districts-by-years' | 'districts-by-indicators';

export const PASTE_LAYOUT_KINDS: readonly PasteLayoutKind[] = [
  'column',
  'district-values',
  'districts-by-years',
  'districts-by-indicators',
];

export interface PasteRequest {
  text: string;
  indicatorId: string;
  cityCode: string;
  year: number;
  /** `auto` picks the layout from the block's first row and column. */
  layout: PasteLayoutKind | 'auto';
  delimiter: PasteDelimiter | 'auto';
  /** Area codes of the table's rows, in screen order, for the `column` layout. */
  areaCodes: readonly string[];
  /** The row a `column` paste starts at (0-based); 0 when pasted outside the table. */
  anchorRow?: number;
}

/** One cell of a paste preview: the validator's verdict, the text as pasted, the value it replaces. */
export type PreviewCell = CellResult & { raw: string; stored: ActualValue | undefined };

/** The area's city: the code itself for a city, the district's city otherwise. */
export function cityOfArea(code: string): string | undefined {
  return CITIES.some((c) => c.code === code) ? code : districtByCode(code)?.cityCode;
}

/** Unit spellings accepted after a pasted number for an indicator. */
function unitTextsOf(indicator: Indicator): string[] {
  const { unit } = indicator;
  // The English label names a restated unit (万元 → yuan); accepting it when the factor is not
  // 1 would store 37 "yuan/mu" as 37 万元/亩, a figure ten thousand times too large.
  const english = unit.enFactor === 1 ? unit.en : '';
  return [...new Set([indicator.unitZh, unit.zh, english].filter((u) => u !== ''))];
}

/**
 * The validator's rules from the catalogue. An area "has a target" for a year when the seed
 * table has a row for it, even a blank one (待省下达…): the planner may still record the figure,
 * and the completion column then says there is no numeric target to compare with.
 */
export function actualRulesOf(catalogue: IndicatorCatalogue): ActualRules {
  const byId = new Map(catalogue.indicators.map((i) => [i.id, i]));
  return {
    isNonNegative: (id) => byId.get(id)?.nonNegative ?? false,
    hasTarget: (id, areaCode, year) => {
      const indicator = byId.get(id);
      const cityCode = cityOfArea(areaCode);
      if (!indicator || cityCode === undefined) return false;
      const targets = targetsFor(indicator, cityCode, year);
      if (!targets) return false;
      return (
        targets.city?.districtCode === areaCode ||
        targets.districts.some((d) => d.districtCode === areaCode)
      );
    },
    unitTexts: (id) => {
      const indicator = byId.get(id);
      return indicator ? unitTextsOf(indicator) : [];
    },
  };
}

function foldLabel(label: string): string {
  return normalisePastedText(label).trim().toLowerCase();
}

/** Drops a trailing unit in brackets (`（万元/亩）` folds to `(万元/亩)`), as spreadsheets print it. */
function withoutUnitSuffix(foldedLabel: string): string {
  return foldedLabel.replace(/\s*\([^()]*\)$/, '');
}

/**
 * The indicator a column header names: its id, Chinese or English name (any case), with or
 * without a unit in brackets after it.
 */
export function indicatorResolverOf(
  catalogue: IndicatorCatalogue,
): (label: string) => string | undefined {
  const byLabel = new Map<string, string>();
  for (const indicator of catalogue.indicators) {
    for (const name of [indicator.id, indicator.nameZh, indicator.nameEn]) {
      byLabel.set(foldLabel(name), indicator.id);
    }
  }
  return (label) => {
    const folded = foldLabel(label);
    return byLabel.get(folded) ?? byLabel.get(withoutUnitSuffix(folded));
  };
}

/**
 * The layout of a parsed block: years across the first row, indicators across it, districts
 * down the first column with values beside them, or else a bare column of values.
 */
export function detectPasteLayout(
  rows: readonly (readonly string[])[],
  cityCode: string,
  resolveIndicator: (label: string) => string | undefined,
): PasteLayoutKind {
  const [first = []] = rows;
  const headers = first.slice(1);
  if (headers.some((h) => parseYearLabel(h) !== undefined)) return 'districts-by-years';
  if (headers.some((h) => resolveIndicator(h) !== undefined)) return 'districts-by-indicators';
  const startsWithArea = resolveAreaLabel(first[0] ?? '', cityCode) !== undefined;
  return startsWithArea && first.length >= 2 ? 'district-values' : 'column';
}

/** Gives every cell of a parsed block its key, in the given layout. */
export function placePaste(
  rows: readonly (readonly string[])[],
  layout: PasteLayoutKind,
  request: PasteRequest,
  resolveIndicator: (label: string) => string | undefined,
): PlacedCell[] {
  const { indicatorId, cityCode, year } = request;
  switch (layout) {
    case 'column': {
      const anchor = request.anchorRow ?? 0;
      const keyAt = (rowOffset: number, columnOffset: number): ActualKey | undefined => {
        const districtCode = columnOffset === 0 ? request.areaCodes[anchor + rowOffset] : undefined;
        return districtCode === undefined ? undefined : { indicatorId, districtCode, year };
      };
      return placePastedCells(rows, { kind: 'anchored', keyAt });
    }
    case 'district-values': {
      // A header-less "district | value" block is the districts-by-years layout with the
      // editor's year as its one column; the header is supplied here and not counted.
      const byYears: PasteLayout = { kind: 'districts-by-years', cityCode, indicatorId };
      return placePastedCells([['', String(year)], ...rows], byYears).map((cell) => ({
        ...cell,
        row: cell.row - 1,
        target:
          cell.column > 2
            ? { ok: false, reason: { id: 'actuals.outsideTable', params: {} } }
            : cell.target,
      }));
    }
    case 'districts-by-years':
      return placePastedCells(rows, { kind: 'districts-by-years', cityCode, indicatorId });
    case 'districts-by-indicators':
      return placePastedCells(rows, {
        kind: 'districts-by-indicators',
        cityCode,
        year,
        resolveIndicator,
      });
  }
}

/** The validator's results with each cell's pasted text and the value it would replace. */
export function previewCells(
  placed: readonly PlacedCell[],
  validation: PasteValidation,
  storedValue: (key: ActualKey) => ActualValue | undefined,
): PreviewCell[] {
  const rawAt = new Map(placed.map((c) => [`${c.row}:${c.column}`, c.raw]));
  return validation.results.map((result) => ({
    ...result,
    raw: rawAt.get(`${result.row}:${result.column}`) ?? '',
    stored: result.valid ? storedValue(result.key) : undefined,
  }));
}

/** `indicatorId|year`, the outer key of `indexActuals`. */
export function indicatorYearKey(indicatorId: string, year: number): string {
  return `${indicatorId}|${year}`;
}

/** Stored values by indicator and year, then by area code. */
export function indexActuals(
  actuals: readonly ActualValue[],
): ReadonlyMap<string, ReadonlyMap<string, ActualValue>> {
  const index = new Map<string, Map<string, ActualValue>>();
  for (const actual of actuals) {
    const key = indicatorYearKey(actual.indicatorId, actual.year);
    let byArea = index.get(key);
    if (!byArea) {
      byArea = new Map();
      index.set(key, byArea);
    }
    byArea.set(actual.districtCode, actual);
  }
  return index;
}
