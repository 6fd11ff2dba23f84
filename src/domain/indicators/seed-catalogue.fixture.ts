/**
 * Test fixture: the real seed tables, read from disk through the seeds' own parser, so tests
 * assert on the plans' figures rather than on numbers copied into the test.
 */
import { readFileSync } from 'node:fs';
import { parseSeedCsv, type SeedTable } from '../seeds/seed-csv.format.ts';
import { buildIndicatorCatalogue, type IndicatorCatalogue } from './indicator-catalogue.ts';

/** A seed CSV under seeds/, parsed; throws if the parser reports any issue. */
export function readSeedTable(file: string): SeedTable {
  const text = readFileSync(new URL(`../../../seeds/${file}`, import.meta.url), 'utf8');
  const { table, issues } = parseSeedCsv(file, text);
  if (issues.length > 0) throw new Error(`${file}: ${issues.map((i) => i.message).join('; ')}`);
  return table;
}

/** The catalogue built from seeds/huzhou-2023-district-targets.csv, with its sources. */
export function huzhouCatalogue(): IndicatorCatalogue {
  return buildIndicatorCatalogue(readSeedTable('huzhou-2023-district-targets.csv'), {
    sources: readSeedTable('sources.csv'),
    datasets: readSeedTable('datasets.csv'),
  });
}
