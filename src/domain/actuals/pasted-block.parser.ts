/**
 * Splits a block pasted from a spreadsheet (or typed) into rows of cells.
 *
 * What is accepted, and why:
 * - Excel, WPS and LibreOffice put tab-separated text on the clipboard, so a block with a tab is
 *   read as TSV, and any comma inside a cell is left to the number parser (thousands separator).
 * - A block without a tab is read as CSV. Full-width punctuation (，＂) counts as its ASCII form,
 *   because Chinese input methods type it.
 * - Without tabs a comma between a digit and exactly three digits (`12,345`) could be either a
 *   separator or a thousands separator. Guessing would store a wrong figure silently, so such a
 *   block is refused as ambiguous in `auto` mode; the caller asks and parses again with an
 *   explicit delimiter.
 * - Quotes follow RFC 4180 (`"a,b"`, `""` for a quote), as spreadsheets write them.
 * - Trailing blank lines (spreadsheets end a copy with a newline) are dropped; blank lines inside
 *   the block are kept, so row numbers match what the planner copied.
 */

import type { PasteRejection } from './paste-messages.ts';

export type PasteDelimiter = 'tab' | 'comma';

export interface ParsedPaste {
  ok: true;
  /** `none` when the block has a single column. */
  delimiter: PasteDelimiter | 'none';
  /** Cells, trimmed, row by row; rows may differ in length. */
  rows: string[][];
}

export type PasteParseResult = ParsedPaste | { ok: false; reason: PasteRejection };

/** Text as an input method or spreadsheet may write it, folded to the ASCII forms parsed here. */
export function normalisePastedText(text: string): string {
  // NFKC folds full-width digits, commas, quotes and spaces; U+2212 is the typographic minus.
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .replace(/\u2212/g, '-');
}

const AMBIGUOUS_COMMA = /\d,\d{3}(?!\d)/;

/** 1-based line of the first comma that could be a thousands separator, outside quotes. */
function firstAmbiguousCommaLine(text: string): number | undefined {
  const lines = text.split(/\r\n|\n|\r/);
  for (const [index, line] of lines.entries()) {
    const unquoted = line.replace(/"(?:[^"]|"")*"/g, '""');
    if (AMBIGUOUS_COMMA.test(unquoted)) return index + 1;
  }
  return undefined;
}

function splitRows(
  text: string,
  delimiter: string | undefined,
): { rows: string[][] } | { unclosedQuoteLine: number } {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let line = 1;
  let i = 0;
  const endCell = () => {
    row.push(cell.trim());
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const char = text[i];
    if (char === '"' && cell.trim() === '') {
      const quoteLine = line;
      cell = '';
      i += 1;
      let closed = false;
      while (i < text.length) {
        const inner = text[i];
        if (inner === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          closed = true;
          i += 1;
          break;
        }
        if (inner === '\n' || (inner === '\r' && text[i + 1] !== '\n')) line += 1;
        cell += inner;
        i += 1;
      }
      if (!closed) return { unclosedQuoteLine: quoteLine };
      continue;
    }
    if (delimiter !== undefined && char === delimiter) {
      endCell();
      i += 1;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRow();
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      continue;
    }
    cell += char;
    i += 1;
  }
  endRow();
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c === '')) rows.pop();
  return { rows };
}

/**
 * Reads a pasted block into rows of trimmed cells.
 *
 * @param delimiter `auto` decides as described above; `tab` or `comma` force a reading (use them
 *   after the planner answered an ambiguity).
 */
export function parsePastedBlock(
  text: string,
  delimiter: PasteDelimiter | 'auto' = 'auto',
): PasteParseResult {
  const normalised = normalisePastedText(text);
  let chosen: PasteDelimiter | 'none';
  if (delimiter !== 'auto') {
    chosen = delimiter;
  } else if (normalised.includes('\t')) {
    chosen = 'tab';
  } else if (normalised.includes(',')) {
    const line = firstAmbiguousCommaLine(normalised);
    if (line !== undefined)
      return { ok: false, reason: { id: 'actuals.pasteAmbiguousComma', params: { line } } };
    chosen = 'comma';
  } else {
    chosen = 'none';
  }
  const split = splitRows(
    normalised,
    chosen === 'tab' ? '\t' : chosen === 'comma' ? ',' : undefined,
  );
  if ('unclosedQuoteLine' in split) {
    return {
      ok: false,
      reason: { id: 'actuals.pasteUnclosedQuote', params: { line: split.unclosedQuoteLine } },
    };
  }
  return { ok: true, delimiter: chosen, rows: split.rows };
}
