/**
 * Gives each cell of a pasted grid the indicator, area and year it is a value for. Three shapes
 * of paste are understood:
 * - `anchored`: pasted into a table on screen; the table says which key each offset from the
 *   anchor cell holds (no headers in the paste).
 * - `districts-by-years`: one indicator; first row holds years (`2023`, `2023年`), first column
 *   holds districts (code, 吴兴区, 吴兴, Wuxing, or 全市/湖州市 for the city-wide figure).
 * - `districts-by-indicators`: one year; first row holds indicators, resolved by the caller
 *   (the indicator catalogue lives elsewhere), first column holds districts.
 */

import { CITIES, DISTRICTS } from '../regions.ts';
import { isActualYear, type ActualKey } from './actual-value.ts';
import { normalisePastedText } from './pasted-block.parser.ts';
import type { CellRejection } from './paste-messages.ts';

export type PasteLayout =
  | {
      kind: 'anchored';
      /** The key at a 0-based offset from the anchor cell; undefined past the table's edge. */
      keyAt(rowOffset: number, columnOffset: number): ActualKey | undefined;
    }
  | { kind: 'districts-by-years'; cityCode: string; indicatorId: string }
  | {
      kind: 'districts-by-indicators';
      cityCode: string;
      year: number;
      /** The indicator id a header names, or undefined when it names none. */
      resolveIndicator(label: string): string | undefined;
    };

/** One data cell of a paste, with where it sits (1-based, as a spreadsheet counts). */
export interface PlacedCell {
  row: number;
  column: number;
  raw: string;
  /** The key the cell is for, or why its row/column header does not name one. */
  target: { ok: true; key: ActualKey } | { ok: false; reason: CellRejection };
}

/** The city-wide label of the seed tables. */
const CITY_WIDE_LABEL = '全市';

/**
 * The area code a row label names within one city: a code, a full or short Chinese name, an
 * English name (any case), or the city itself (全市, 湖州市, Huzhou).
 */
export function resolveAreaLabel(label: string, cityCode: string): string | undefined {
  const text = normalisePastedText(label).trim();
  const lower = text.toLowerCase();
  const city = CITIES.find((c) => c.code === cityCode);
  if (!city) return undefined;
  if (
    text === city.code ||
    text === city.nameZh ||
    text === CITY_WIDE_LABEL ||
    lower === city.nameEn.toLowerCase()
  ) {
    return city.code;
  }
  const district = DISTRICTS.find(
    (d) =>
      d.cityCode === cityCode &&
      (text === d.code ||
        text === d.nameZh ||
        text === d.shortNameZh ||
        lower === d.nameEn.toLowerCase()),
  );
  return district?.code;
}

/** A year header as a number (`2023`, `2023年`), or undefined. */
export function parseYearLabel(label: string): number | undefined {
  const match = /^(\d{4})\s*年?$/.exec(normalisePastedText(label).trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  return isActualYear(year) ? year : undefined;
}

function placeAnchored(
  rows: readonly (readonly string[])[],
  keyAt: (rowOffset: number, columnOffset: number) => ActualKey | undefined,
): PlacedCell[] {
  const cells: PlacedCell[] = [];
  rows.forEach((cellsOfRow, r) =>
    cellsOfRow.forEach((raw, c) => {
      const key = keyAt(r, c);
      cells.push({
        row: r + 1,
        column: c + 1,
        raw,
        target: key
          ? { ok: true, key }
          : { ok: false, reason: { id: 'actuals.outsideTable', params: {} } },
      });
    }),
  );
  return cells;
}

function placeHeadered(
  rows: readonly (readonly string[])[],
  cityCode: string,
  keyOf: (
    header: string,
    districtCode: string,
  ) => { ok: true; key: ActualKey } | { ok: false; reason: CellRejection },
): PlacedCell[] {
  const [headers = [], ...body] = rows;
  const cells: PlacedCell[] = [];
  body.forEach((cellsOfRow, r) => {
    const [label = '', ...values] = cellsOfRow;
    const districtCode = resolveAreaLabel(label, cityCode);
    values.forEach((raw, c) => {
      const header = headers[c + 1] ?? '';
      cells.push({
        row: r + 2,
        column: c + 2,
        raw,
        target:
          districtCode === undefined
            ? { ok: false, reason: { id: 'actuals.unknownDistrict', params: { district: label } } }
            : keyOf(header, districtCode),
      });
    });
  });
  return cells;
}

/**
 * Places every data cell of a parsed paste (header cells are not data). Empty cells are placed
 * too; the validator skips them.
 */
export function placePastedCells(
  rows: readonly (readonly string[])[],
  layout: PasteLayout,
): PlacedCell[] {
  switch (layout.kind) {
    case 'anchored':
      return placeAnchored(rows, layout.keyAt);
    case 'districts-by-years':
      return placeHeadered(rows, layout.cityCode, (header, districtCode) => {
        const year = parseYearLabel(header);
        return year === undefined
          ? { ok: false, reason: { id: 'actuals.badYear', params: { year: header } } }
          : { ok: true, key: { indicatorId: layout.indicatorId, districtCode, year } };
      });
    case 'districts-by-indicators':
      return placeHeadered(rows, layout.cityCode, (header, districtCode) => {
        const indicatorId = layout.resolveIndicator(header);
        return indicatorId === undefined
          ? { ok: false, reason: { id: 'actuals.unknownIndicator', params: { indicator: header } } }
          : { ok: true, key: { indicatorId, districtCode, year: layout.year } };
      });
  }
}
