/**
 * Test fixture: the real Shaoxing seed tables and seed document, read from disk, so tests
 * assert on what the plan says rather than on rows copied into the test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseSeedCsv, type SeedTable } from '../seeds/seed-csv.format.ts';

/** A seed CSV under seeds/, parsed; throws if the parser reports any issue. */
export function readSeedTable(file: string): SeedTable {
  const text = readFileSync(new URL(`../../../seeds/${file}`, import.meta.url), 'utf8');
  const { table, issues } = parseSeedCsv(file, text);
  if (issues.length > 0) throw new Error(`${file}: ${issues.map((i) => i.message).join('; ')}`);
  return table;
}

/** seeds/sources.csv and seeds/datasets.csv, which name each figure's document and section. */
export function sourceTables(): { sources: SeedTable; datasets: SeedTable } {
  return { sources: readSeedTable('sources.csv'), datasets: readSeedTable('datasets.csv') };
}

const seedDocUrl = (file: string) => new URL(`../../../../shared/seeds/${file}`, import.meta.url);

/** True when the seed documents sit beside the repository (they do in CI and on dev machines). */
export const seedDocsPresent = existsSync(seedDocUrl('002_82f5de82100c7f04.txt'));

/** The text of a seed document's inclusive line ranges, joined. */
export function seedLines(file: string, lines: readonly (readonly [number, number])[]): string {
  const all = readFileSync(seedDocUrl(file), 'utf8').split(/\r?\n/);
  return lines.map(([from, to]) => all.slice(from - 1, to).join('\n')).join('\n');
}
