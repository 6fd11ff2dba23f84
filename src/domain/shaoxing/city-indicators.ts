/**
 * The Shaoxing pilot plan's main indicator table (seed 002, from line 70): 18 city-wide
 * indicators, each with its 2016 actual and its 2020 and 2025 targets, read from
 * seeds/shaoxing-indicators.csv as one series per indicator.
 *
 * A cell the table prints as text stays text: ratios such as 60:30:10 are kept as written,
 * and "—" (no 2016 figure) is a point without a number, never a zero. A year the table marks
 * in a cell, such as the R&D shares given for 2015 in the 2016 column, is kept as that year.
 */
import type { SourceRef, SourceTables } from '../indicators/indicator-catalogue.ts';
import { unitDisplayFor, type UnitDisplay } from '../indicators/unit-display.ts';
import type { SeedTable } from '../seeds/seed-csv.format.ts';
import { cellNumber } from '../seeds/seed-validate.ts';
import { isSeedUnit, type SeedUnitId } from '../seeds/seed-units.ts';
import { cellText, sourceCiter } from './source-refs.ts';

export const CITY_INDICATORS_FILE = 'shaoxing-indicators.csv';

export type PointKind = 'actual' | 'target';

/** One cell of the table: an indicator's actual or target figure for a year. */
export interface IndicatorPoint {
  kind: PointKind;
  year: number;
  /** Null when the cell holds no number (a ratio, or "—"); `valueText` then says what it holds. */
  value: number | null;
  /** The cell as printed when it is text or qualifies the number (60:30:10, 年均新增500项). */
  valueText: string;
  /** The seed extractor's remark on the cell; empty when none. */
  note: string;
  source: SourceRef;
}

/** One indicator of the table with its figures in year order. */
export interface IndicatorSeries {
  /** The table's row number (序号), 1–18. */
  number: number;
  id: string;
  nameZh: string;
  nameEn: string;
  categoryId: string;
  categoryZh: string;
  unitId: SeedUnitId;
  /** The unit as the table prints it (万元/亩, 家…); empty for ratios. */
  unitZh: string;
  unit: UnitDisplay;
  /** Ascending by year; an actual before a target of the same year. */
  points: IndicatorPoint[];
}

/** The table's categories (产业层次, 创新能力…) in the table's order. */
export interface IndicatorCategory {
  id: string;
  nameZh: string;
  series: IndicatorSeries[];
}

const kindOrder: Readonly<Record<PointKind, number>> = { actual: 0, target: 1 };

/**
 * Reads seeds/shaoxing-indicators.csv into one series per indicator, in the table's order.
 * A row with an unknown unit or kind throws; the rest of the file is trusted, since
 * `npm run seeds:check` validates it against the seed document.
 *
 * @param table the CSV as parsed by parseSeedCsv.
 * @param sourceTables seeds/sources.csv and seeds/datasets.csv, to name each cell's document
 *   and section.
 */
export function readCityIndicators(
  table: SeedTable,
  sourceTables: SourceTables = {},
): IndicatorSeries[] {
  const cite = sourceCiter(sourceTables, CITY_INDICATORS_FILE);
  const series = new Map<string, IndicatorSeries>();
  for (const row of table.rows) {
    const at = `${CITY_INDICATORS_FILE}:${row.row}`;
    const id = cellText(row, 'indicator_id');
    const kind = cellText(row, 'kind');
    if (kind !== 'actual' && kind !== 'target') throw new Error(`${at}: unknown kind ${kind}`);
    let indicator = series.get(id);
    if (!indicator) {
      const unitId = cellText(row, 'unit');
      if (!isSeedUnit(unitId)) throw new Error(`${at}: unknown unit ${unitId}`);
      const unitZh = cellText(row, 'unit_zh');
      indicator = {
        number: Number(cellText(row, 'number')),
        id,
        nameZh: cellText(row, 'indicator_name_zh'),
        nameEn: cellText(row, 'indicator_name_en'),
        categoryId: cellText(row, 'category_id'),
        categoryZh: cellText(row, 'category_zh'),
        unitId,
        unitZh,
        unit: unitDisplayFor(unitId, unitZh),
        points: [],
      };
      series.set(id, indicator);
    }
    indicator.points.push({
      kind,
      year: Number(cellText(row, 'year')),
      value: cellNumber(row, 'value') ?? null,
      valueText: cellText(row, 'value_text'),
      note: cellText(row, 'value_note'),
      source: cite(row),
    });
  }
  const all = [...series.values()];
  for (const s of all) {
    s.points.sort((a, b) => a.year - b.year || kindOrder[a.kind] - kindOrder[b.kind]);
  }
  return all.sort((a, b) => a.number - b.number);
}

/** The series grouped by category, categories in order of their first indicator. */
export function groupByCategory(series: readonly IndicatorSeries[]): IndicatorCategory[] {
  const categories = new Map<string, IndicatorCategory>();
  for (const s of series) {
    let category = categories.get(s.categoryId);
    if (!category) {
      category = { id: s.categoryId, nameZh: s.categoryZh, series: [] };
      categories.set(s.categoryId, category);
    }
    category.series.push(s);
  }
  return [...categories.values()];
}

/** True when the series has at least one number to plot; ratio series are text only. */
export function hasNumbers(series: IndicatorSeries): boolean {
  return series.points.some((p) => p.value !== null);
}

/** One cell of the printed table: a point, or several years the table gives one figure for. */
export interface TableCell {
  kind: PointKind;
  /** Ascending; more than one when the table prints one figure across several year columns. */
  years: number[];
  value: number | null;
  valueText: string;
  note: string;
  source: SourceRef;
}

/**
 * The series as the table prints it. The table gives some targets as one figure across the
 * 2020 and 2025 columns ("年均新增500项"), which the CSV records once per year with the same
 * lines; those points become one cell, so a reader is not told two targets were set where the
 * plan set one.
 */
export function tableCells(series: IndicatorSeries): TableCell[] {
  const cells: TableCell[] = [];
  const sameCell = (c: TableCell, p: IndicatorPoint) =>
    c.kind === p.kind &&
    c.value === p.value &&
    c.valueText === p.valueText &&
    c.source.file === p.source.file &&
    JSON.stringify(c.source.lines) === JSON.stringify(p.source.lines);
  for (const point of series.points) {
    const { year, ...figure } = point;
    const cell = cells.find((c) => sameCell(c, point));
    if (cell) cell.years.push(year);
    else cells.push({ ...figure, years: [year] });
  }
  return cells;
}

/**
 * The citations of a whole series, one per seed file, with the points' line ranges merged
 * (82–84, 82–85 and 82–86 become 82–86), for a single source line under an indicator.
 */
export function seriesSources(series: IndicatorSeries): SourceRef[] {
  const byFile = new Map<string, { source: SourceRef; ranges: Array<[number, number]> }>();
  for (const point of series.points) {
    const entry = byFile.get(point.source.file) ?? { source: point.source, ranges: [] };
    entry.ranges.push(...point.source.lines.map(([from, to]): [number, number] => [from, to]));
    byFile.set(point.source.file, entry);
  }
  return [...byFile.values()].map(({ source, ranges }) => {
    ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged: Array<[number, number]> = [];
    for (const [from, to] of ranges) {
      const last = merged.at(-1);
      if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    return { ...source, lines: merged };
  });
}
