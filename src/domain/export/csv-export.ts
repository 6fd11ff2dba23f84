/**
 * CSV that opens safely in Excel: UTF-8 with a BOM (without it Excel misreads Chinese), CRLF
 * line ends, RFC 4180 quoting, and formula-injection neutralisation.
 *
 * Injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (and
 * a leading tab or CR can smuggle one in), so a text cell that starts with any of them gets a
 * leading apostrophe and is shown as text. A number stays a number: cells of a `number`
 * column are written from a finite JavaScript number by this module (`String(-3.5)` is
 * `-3.5`), so their text can hold nothing but a numeral. Anything else reaching a number
 * column, such as a string, is treated as text and neutralised like any other.
 */

export type CsvValue = string | number | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  /** `number` cells are written as bare numerals; `text` cells are neutralised. */
  kind: 'text' | 'number';
  value: (row: Row) => CsvValue;
}

const BOM = '\uFEFF';
const CRLF = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell made inert: a leading apostrophe when it would start a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a field holding a quote, comma or line break, doubling its quotes. */
function quote(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** The written form of one cell. */
export function csvCell(value: CsvValue, kind: 'text' | 'number'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    // A number in a text column is still text (a code, a label) and is written as such.
    return kind === 'number' ? String(value) : quote(neutraliseFormula(String(value)));
  }
  return quote(neutraliseFormula(value));
}

/** The whole file: BOM, header line, one line per row, every line ended by CRLF. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [
    columns.map((c) => csvCell(c.header, 'text')).join(','),
    ...rows.map((row) => columns.map((c) => csvCell(c.value(row), c.kind)).join(',')),
  ];
  return BOM + lines.map((line) => line + CRLF).join('');
}
