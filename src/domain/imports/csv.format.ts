/** CSV (and tab- or semicolon-separated text): encoding detected, delimiter guessed by Papa Parse. */
import Papa from 'papaparse';
import type {
  EncodingBasis,
  ImportOptions,
  ImportProgress,
  TextEncoding,
} from './import-preview.ts';
import { tableToPreview, type TablePreview } from './table-records.ts';
import { decodeText } from './text-encoding.ts';

export interface CsvPreview extends TablePreview {
  encoding: { value: TextEncoding; basis: EncodingBasis };
}

/** How much of the text Papa Parse reads to guess the delimiter. */
const PROBE_CHARS = 64 * 1024;

function splitPlain(text: string, delimiter: string): string[][] {
  return text.split(/\r\n|\n|\r/).map((line) => line.split(delimiter));
}

/** Splits CSV text into rows of cells; blank lines are kept so row numbers match the file's lines. */
export function splitCsv(text: string): string[][] {
  // Without any quote character, CSV is lines split at the delimiter; Papa Parse only guesses
  // the delimiter then, which is several times faster on a large export than a full parse.
  const rows = text.includes('"')
    ? Papa.parse<string[]>(text, { skipEmptyLines: false }).data
    : splitPlain(
        text,
        Papa.parse<string[]>(text.slice(0, PROBE_CHARS), { preview: 20 }).meta.delimiter,
      );
  // A trailing newline leaves one empty row at the end; it is not a data row.
  const last = rows.at(-1);
  if (last && last.length === 1 && last[0] === '') rows.pop();
  return rows;
}

/** Reads a CSV file into a preview. */
export function readCsv(
  bytes: Uint8Array,
  options: ImportOptions = {},
  onProgress?: (progress: ImportProgress) => void,
): CsvPreview {
  onProgress?.({ phase: 'read', done: 0, total: bytes.length });
  const decoded = decodeText(bytes, options.encoding);
  onProgress?.({ phase: 'parse', done: 0, total: bytes.length });
  const rows = splitCsv(decoded.text);
  onProgress?.({ phase: 'parse', done: bytes.length, total: bytes.length });
  const preview = tableToPreview({ rows }, options, onProgress);
  const encodingFinding = {
    id: decoded.basis === 'user' ? ('encodingChosen' as const) : ('encodingDetected' as const),
    severity: 'info' as const,
    params: { encoding: decoded.encoding, basis: decoded.basis },
  };
  return {
    ...preview,
    encoding: { value: decoded.encoding, basis: decoded.basis },
    findings: [encodingFinding, ...preview.findings],
  };
}
