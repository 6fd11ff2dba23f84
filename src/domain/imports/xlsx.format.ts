/**
 * A small XLSX reader over fflate: the first worksheet's cell texts, with merged ranges filled so
 * a merged header cell labels every column under it. It reads only what an import needs
 * (shared and inline strings, numbers, booleans, merged cells); formulas give their cached value.
 * Written here rather than taken from the npm registry's most-used XLSX package, whose published
 * versions carry known vulnerabilities (prototype pollution, ReDoS) — see docs/dependencies.md.
 */
import { unzipSync, strFromU8 } from 'fflate';

export class XlsxError extends Error {}

export interface XlsxSheet {
  name: string;
  /** Dense rows, row r of the sheet at index r − 1; cells as text. */
  rows: string[][];
  /** Merged ranges, 0-based inclusive. */
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** How many other worksheets the workbook has (only the first is read). */
  otherSheetCount: number;
}

const ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** Decodes XML character references and the five predefined entities. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return match ? decodeXmlText(match[2] ?? match[3] ?? '') : undefined;
}

/** Text of all <t> elements inside an XML fragment (rich-text runs joined; phonetic runs skipped). */
function textOf(fragment: string): string {
  const withoutPhonetic = fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g))
    out += decodeXmlText(m[1] ?? '');
  return out;
}

/** 'B12' → [11, 1] (0-based row, column). */
export function cellIndex(ref: string): [number, number] | undefined {
  const match = /^([A-Z]{1,3})(\d+)$/.exec(ref.toUpperCase());
  if (!match) return undefined;
  let column = 0;
  for (const c of match[1] as string) column = column * 26 + (c.charCodeAt(0) - 64);
  return [Number(match[2]) - 1, column - 1];
}

function fileText(files: Record<string, Uint8Array>, path: string): string | undefined {
  const bytes = files[path];
  return bytes ? strFromU8(bytes) : undefined;
}

function resolveTarget(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/** Rows beyond this are refused: a sheet that large is a sign of a broken file, not data. */
const MAX_ROWS = 2_000_000;
const MAX_COLUMNS = 16_384;
/** Merged ranges beyond this many are not filled (a sheet of real data has far fewer). */
const MAX_MERGES = 100_000;

/** Reads the first worksheet of an XLSX file. Throws XlsxError when the file is not one. */
export function readXlsxSheet(bytes: Uint8Array): XlsxSheet {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => f.name.startsWith('xl/') || f.name === '[Content_Types].xml',
    });
  } catch (error) {
    throw new XlsxError(`zip: ${(error as Error).message}`);
  }
  const workbook = fileText(files, 'xl/workbook.xml');
  if (!workbook) throw new XlsxError('no xl/workbook.xml');
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: attribute(m[0], 'name') ?? '',
    rel: attribute(m[0], 'r:id') ?? attribute(m[0], 'id'),
  }));
  const first = sheets[0];
  if (!first) throw new XlsxError('no worksheet');
  const rels = fileText(files, 'xl/_rels/workbook.xml.rels') ?? '';
  const relTag = [...rels.matchAll(/<Relationship\b[^>]*>/g)].find(
    (m) => attribute(m[0], 'Id') === first.rel,
  );
  const target = relTag ? attribute(relTag[0], 'Target') : undefined;
  const sheetPath = target ? resolveTarget(target) : 'xl/worksheets/sheet1.xml';
  const sheetXml = fileText(files, sheetPath);
  if (!sheetXml) throw new XlsxError(`no ${sheetPath}`);

  const sharedXml = fileText(files, 'xl/sharedStrings.xml') ?? '';
  const shared = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) =>
    textOf(m[1] ?? ''),
  );

  const rows: string[][] = [];
  const cellPattern = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  for (const rowMatch of sheetXml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowAttr = rowMatch[1] ?? '';
    const explicitRow = attribute(` ${rowAttr}`, 'r');
    const rowIndex = explicitRow ? Number(explicitRow) - 1 : rows.length;
    if (!Number.isInteger(rowIndex) || rowIndex < 0 || rowIndex >= MAX_ROWS)
      throw new XlsxError('bad row number');
    const row: string[] = [];
    let nextColumn = 0;
    for (const cellMatch of (rowMatch[2] ?? '').matchAll(cellPattern)) {
      const attrs = ` ${cellMatch[1] ?? ''}`;
      const body = cellMatch[2] ?? '';
      const ref = attribute(attrs, 'r');
      const column = ref ? (cellIndex(ref)?.[1] ?? nextColumn) : nextColumn;
      if (column >= MAX_COLUMNS) throw new XlsxError('bad column');
      nextColumn = column + 1;
      const type = attribute(attrs, 't') ?? 'n';
      const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const text =
        type === 's'
          ? (shared[Number(value)] ?? '')
          : type === 'inlineStr'
            ? textOf(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '')
            : type === 'b'
              ? value === '1'
                ? 'TRUE'
                : 'FALSE'
              : decodeXmlText(value ?? '');
      while (row.length < column) row.push('');
      row[column] = text;
    }
    while (rows.length < rowIndex) rows.push([]);
    rows[rowIndex] = row;
  }

  const merges = [...sheetXml.matchAll(/<mergeCell\b[^>]*>/g)].flatMap((m) => {
    const [from, to] = (attribute(m[0], 'ref') ?? '').split(':');
    const a = from ? cellIndex(from) : undefined;
    const b = to ? cellIndex(to) : a;
    return a && b ? [{ top: a[0], left: a[1], bottom: b[0], right: b[1] }] : [];
  });
  // Merges are filled only within the cells the sheet has: a crafted merge over the whole grid
  // (A1:XFD1048576) would otherwise allocate billions of cells (the Spreadsheet::ParseXLSX
  // denial of service, CVE-2024-22368).
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  for (const merge of merges.slice(0, MAX_MERGES)) {
    const value = rows[merge.top]?.[merge.left] ?? '';
    for (let r = merge.top; r <= Math.min(merge.bottom, rows.length - 1); r++) {
      const row = (rows[r] ??= []);
      for (let c = merge.left; c <= Math.min(merge.right, width - 1); c++) {
        while (row.length < c) row.push('');
        row[c] = value;
      }
    }
  }
  return { name: first.name, rows, merges, otherSheetCount: sheets.length - 1 };
}
