import Papa from 'papaparse';

/** One problem found in a seed file, located the way a spreadsheet user finds it. */
export interface SeedIssue {
  file: string;
  /** Spreadsheet row: the header is row 1, the first record row 2. */
  row?: number;
  column?: string;
  message: string;
}

/** One data record of a seed CSV, keyed by header name. */
export interface SeedRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  cells: Readonly<Record<string, string>>;
}

export interface SeedTable {
  file: string;
  header: readonly string[];
  rows: readonly SeedRow[];
}

const BOM = '\uFEFF';

/** `file:row:column: message`, the form the CLI prints and editors can jump to. */
export function formatSeedIssue(issue: SeedIssue): string {
  const where = [issue.file, issue.row, issue.column].filter((p) => p !== undefined).join(':');
  return `${where}: ${issue.message}`;
}

/** Excel's column letter for a zero-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Parses one seed CSV. The files must open cleanly in Excel, so a missing UTF-8 BOM, a bare
 * LF line end or a ragged row is reported as an issue rather than silently accepted.
 */
export function parseSeedCsv(
  file: string,
  text: string,
): { table: SeedTable; issues: SeedIssue[] } {
  const issues: SeedIssue[] = [];
  if (!text.startsWith(BOM)) {
    issues.push({ file, message: 'missing UTF-8 BOM (Excel would misread the Chinese text)' });
  }
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const bareLf = body.search(/(?<!\r)\n/);
  if (bareLf >= 0) {
    const row = body.slice(0, bareLf).split('\n').length;
    issues.push({ file, row, message: 'line ends with LF; seed files use CRLF line endings' });
  }
  // Parse with one kind of line end, so a file with mixed endings still splits into its rows.
  const parsed = Papa.parse<string[]>(body.replace(/\r\n?/g, '\n'), {
    newline: '\n',
    skipEmptyLines: 'greedy',
  });
  for (const error of parsed.errors) {
    issues.push({ file, row: (error.row ?? 0) + 1, message: `CSV syntax: ${error.message}` });
  }
  const [header = [], ...records] = parsed.data;
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (seen.has(name)) {
      issues.push({ file, row: 1, column: name, message: `duplicate column (${columnLetter(i)})` });
    }
    seen.add(name);
  });
  const rows = records.map((record, i): SeedRow => {
    const row = i + 2;
    if (record.length !== header.length) {
      issues.push({
        file,
        row,
        message: `has ${record.length} cells, the header has ${header.length}`,
      });
    }
    const cells: Record<string, string> = {};
    header.forEach((name, c) => {
      cells[name] = (record[c] ?? '').trim();
    });
    return { row, cells };
  });
  return { table: { file, header, rows }, issues };
}

/**
 * Writes rows the way the seed files are stored: UTF-8 BOM, CRLF, RFC 4180 quoting,
 * so a file saved by a script looks the same as one saved by Excel's "CSV UTF-8".
 */
export function serializeSeedCsv(
  header: readonly string[],
  rows: readonly Readonly<Record<string, string>>[],
): string {
  const data = rows.map((r) => header.map((h) => r[h] ?? ''));
  return `${BOM}${Papa.unparse({ fields: [...header], data }, { newline: '\r\n' })}\r\n`;
}
