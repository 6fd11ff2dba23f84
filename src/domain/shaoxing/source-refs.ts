/**
 * Citations for rows of the Shaoxing seed tables: the seed file and lines a row gives, with the
 * document (seeds/sources.csv) and the section its table was taken from (seeds/datasets.csv),
 * so each figure on screen can be cited as "document, section, file, lines".
 */
import type { SourceDocument, SourceRef, SourceTables } from '../indicators/indicator-catalogue.ts';
import type { SeedRow } from '../seeds/seed-csv.format.ts';
import { parseLineSpec } from '../seeds/seed-validate.ts';

/** A cell's text; blank when the column is missing. */
export function cellText(row: SeedRow, column: string): string {
  return row.cells[column] ?? '';
}

/**
 * A function that cites a row of one seed CSV. The document and section are looked up once;
 * a file missing from the tables gets a null document and an empty section, not a guess.
 *
 * @param datasetFile the CSV's name in seeds/datasets.csv, e.g. `named-places.csv`.
 */
export function sourceCiter(
  tables: SourceTables,
  datasetFile: string,
): (row: SeedRow) => SourceRef {
  const documents = new Map<string, SourceDocument>();
  for (const row of tables.sources?.rows ?? []) {
    documents.set(cellText(row, 'source_file'), {
      docNumber: cellText(row, 'doc_number'),
      titleZh: cellText(row, 'title_zh'),
      titleEn: cellText(row, 'title_en'),
    });
  }
  const dataset = tables.datasets?.rows.find((r) => cellText(r, 'dataset_file') === datasetFile);
  const sectionZh = dataset ? cellText(dataset, 'section_zh') : '';
  return (row) => {
    const file = cellText(row, 'source_file');
    return {
      file,
      lines: parseLineSpec(cellText(row, 'source_lines')) ?? [],
      document: documents.get(file) ?? null,
      sectionZh,
    };
  };
}

/** The same citation (file and lines) once, in first-seen order. */
export function uniqueSources(sources: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.file}:${s.lines.map(([a, b]) => `${a}-${b}`).join(';')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
