/**
 * Decides, cell by cell, whether pasted or typed actual values can be stored. It takes what it
 * needs to know about indicators as functions (`ActualRules`), so it does not depend on the
 * indicator catalogue; the state layer builds the rules from the catalogue.
 */

import { actualKeyId, isActualYear, isKnownAreaCode, type ActualKey } from './actual-value.ts';
import { parseNumberCell } from './number-cell.parser.ts';
import { normalisePastedText } from './pasted-block.parser.ts';
import type { CellRejection } from './paste-messages.ts';
import type { PlacedCell } from './paste-layout.ts';

/** What the validator needs to know about indicators and areas. */
export interface ActualRules {
  /** True when the indicator cannot be negative (areas in 亩, energy in 万吨标煤, counts). */
  isNonNegative(indicatorId: string): boolean;
  /** True when the seeds hold a target for this indicator, area and year. */
  hasTarget(indicatorId: string, districtCode: string, year: number): boolean;
  /**
   * Unit spellings a planner may write after a number for this indicator, e.g. `['万元/亩']`,
   * `['%']`. A number followed by anything else is refused rather than guessed at.
   */
  unitTexts(indicatorId: string): readonly string[];
  /** Known district or city codes; defaults to those of `regions.ts`. */
  isKnownArea?(code: string): boolean;
}

export type CellResult =
  | { valid: true; row: number; column: number; key: ActualKey; value: number }
  | { valid: false; row: number; column: number; reason: CellRejection };

export interface PasteValidation {
  /** One result per non-empty data cell, in paste order. */
  results: CellResult[];
  /** Blank or placeholder cells, skipped: they neither store nor clear a value. */
  emptyCount: number;
  /** True when there is at least one value and no cell was refused. */
  allValid: boolean;
}

/** Longest stretch of a refused cell's text quoted back to the planner. */
const QUOTED_TEXT_MAX_CHARS = 40;

function quote(text: string): string {
  return text.length > QUOTED_TEXT_MAX_CHARS ? `${text.slice(0, QUOTED_TEXT_MAX_CHARS)}…` : text;
}

function foldUnit(unit: string): string {
  return normalisePastedText(unit).replace(/\s+/g, '');
}

/**
 * Checks a value for a key against the rules; undefined when it may be stored. The repository
 * runs this on every write too, so nothing reaches the database unchecked.
 */
export function checkActualValue(
  key: ActualKey,
  value: number,
  rules: ActualRules,
): CellRejection | undefined {
  const isKnownArea = rules.isKnownArea ?? isKnownAreaCode;
  if (!isKnownArea(key.districtCode)) {
    return { id: 'actuals.unknownDistrict', params: { district: key.districtCode } };
  }
  if (!isActualYear(key.year)) {
    return { id: 'actuals.badYear', params: { year: String(key.year) } };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { id: 'actuals.notANumber', params: { text: quote(String(value)) } };
  }
  if (!rules.hasTarget(key.indicatorId, key.districtCode, key.year)) {
    return {
      id: 'actuals.noTargetForYear',
      params: { indicatorId: key.indicatorId, year: key.year },
    };
  }
  if (value < 0 && rules.isNonNegative(key.indicatorId)) {
    return { id: 'actuals.negative', params: { value } };
  }
  return undefined;
}

/** Validates one placed cell; undefined for a blank cell. */
export function validateCell(cell: PlacedCell, rules: ActualRules): CellResult | undefined {
  const { row, column } = cell;
  const parsed = parseNumberCell(cell.raw);
  if (parsed.kind === 'empty') return undefined;
  if (!cell.target.ok) return { valid: false, row, column, reason: cell.target.reason };
  const { key } = cell.target;
  if (parsed.kind === 'text') {
    return {
      valid: false,
      row,
      column,
      reason: { id: 'actuals.notANumber', params: { text: quote(parsed.text) } },
    };
  }
  if (parsed.unitText !== '') {
    const accepted = rules.unitTexts(key.indicatorId);
    if (!accepted.some((unit) => foldUnit(unit) === parsed.unitText)) {
      return {
        valid: false,
        row,
        column,
        reason: {
          id: 'actuals.unitMismatch',
          params: { unit: parsed.unitText, expected: accepted.join(' / ') },
        },
      };
    }
  }
  const rejection = checkActualValue(key, parsed.value, rules);
  return rejection
    ? { valid: false, row, column, reason: rejection }
    : { valid: true, row, column, key, value: parsed.value };
}

/**
 * Validates every data cell of a paste. Two cells for the same key are refused, the later one
 * pointing at the first, since storing either would silently drop the other.
 */
export function validatePastedCells(
  cells: readonly PlacedCell[],
  rules: ActualRules,
): PasteValidation {
  const results: CellResult[] = [];
  const firstCellOfKey = new Map<string, { row: number; column: number }>();
  let emptyCount = 0;
  for (const cell of cells) {
    const result = validateCell(cell, rules);
    if (!result) {
      emptyCount += 1;
      continue;
    }
    if (result.valid) {
      const id = actualKeyId(result.key);
      const first = firstCellOfKey.get(id);
      if (first) {
        results.push({
          valid: false,
          row: result.row,
          column: result.column,
          reason: { id: 'actuals.duplicateCell', params: { ...first } },
        });
        continue;
      }
      firstCellOfKey.set(id, { row: result.row, column: result.column });
    }
    results.push(result);
  }
  return {
    results,
    emptyCount,
    allValid: results.length > 0 && results.every((r) => r.valid),
  };
}
