/**
 * The zones' progress as the tab shows it: completion classes and their colours for the
 * district map and its legend, and each target's source in words (seed table and row, then the
 * policy document's number and lines).
 */
import { parseSeedCsv } from '../../domain/seeds/seed-csv.format.ts';
import type { SourcedFigure, ZoneProgressReport } from '../../domain/zones/zone-progress.ts';
import { format } from '../../i18n/index.ts';

/** One step of the progress map: ratios from `from` (inclusive) up to the next step's. */
export interface ProgressClass {
  from: number;
  colour: string;
}

/**
 * Completion of the 2023 land target in quarters, then met. Sequential yellow–green (ColorBrewer
 * YlGn), light for little and dark green for met, apart from the zones' phase colours.
 */
export const PROGRESS_CLASSES: readonly ProgressClass[] = [
  { from: 0, colour: '#ffffcc' },
  { from: 0.25, colour: '#c2e699' },
  { from: 0.5, colour: '#78c679' },
  { from: 0.75, colour: '#31a354' },
  { from: 1, colour: '#006837' },
];

/** The class a ratio falls in; null when there is no target to measure against. */
export function progressClassOf(ratio: number | null): ProgressClass | null {
  if (ratio === null || !Number.isFinite(ratio)) return null;
  return PROGRESS_CLASSES.findLast((c) => ratio >= c.from) ?? PROGRESS_CLASSES[0] ?? null;
}

/**
 * District code → fill colour by the share of the 2023 land target the zones plan to free.
 * Districts without a land target are left out (the map leaves them unfilled).
 */
export function progressFillsOf(report: ZoneProgressReport): Map<string, string> {
  const fills = new Map<string, string>();
  for (const d of report.districts) {
    const cls = progressClassOf(d.landMu.ratio);
    if (cls) fills.set(d.districtCode, cls.colour);
  }
  return fills;
}

/** A policy document as seeds/sources.csv names it. */
export interface SourceDocument {
  docNumber: string;
  titleZh: string;
}

/** Source file (e.g. `003_bf8a38d02e4bdcc0.txt`) → its document, from seeds/sources.csv. */
export function readSourceDocuments(sourcesCsv: string): Map<string, SourceDocument> {
  const documents = new Map<string, SourceDocument>();
  for (const row of parseSeedCsv('sources.csv', sourcesCsv).table.rows) {
    const file = row.cells['source_file'];
    if (!file) continue;
    documents.set(file, {
      docNumber: row.cells['doc_number'] ?? '',
      titleZh: row.cells['title_zh'] ?? '',
    });
  }
  return documents;
}

/** Inclusive line ranges as `258` or `31–33`, several joined by commas. */
export function lineRangesText(lines: readonly (readonly [number, number])[]): string {
  return lines.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`)).join(', ');
}

/**
 * Where a target comes from, in the tab's words: `{file} {row}; {docNumber} {lines}`. A document
 * without a number is named by its title, and one missing from sources.csv by its file.
 */
export function targetSourceText(
  figure: SourcedFigure,
  documents: ReadonlyMap<string, SourceDocument>,
  template: string,
): string {
  const doc = documents.get(figure.source.file);
  return format(template, {
    file: figure.seedFile,
    row: figure.seedRow,
    docNumber: doc?.docNumber || doc?.titleZh || figure.source.file,
    lines: lineRangesText(figure.source.lines),
  });
}
