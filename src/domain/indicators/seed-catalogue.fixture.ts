/**
 * Test fixture: the real seed tables, read from disk through the seeds' own readers, so tests
 * assert on the plans' figures rather than on numbers copied into the test.
 */
import { readFileSync } from 'node:fs';
import { parseSeedCsv, type SeedTable } from '../seeds/seed-csv.format.ts';
import { readDistrictTargets, type DistrictTarget } from '../seeds/seed-records.ts';
import {
  buildIndicatorCatalogue,
  DISTRICT_TARGETS_FILE,
  type IndicatorCatalogue,
} from './indicator-catalogue.ts';

function readSeedText(file: string): string {
  return readFileSync(new URL(`../../../seeds/${file}`, import.meta.url), 'utf8');
}

/** A seed CSV under seeds/, parsed; throws if the parser reports any issue. */
export function readSeedTable(file: string): SeedTable {
  const { table, issues } = parseSeedCsv(file, readSeedText(file));
  if (issues.length > 0) throw new Error(`${file}: ${issues.map((i) => i.message).join('; ')}`);
  return table;
}

/** The Huzhou district-target records as the app reads them. */
export function huzhouDistrictTargets(): DistrictTarget[] {
  return readDistrictTargets(readSeedText(DISTRICT_TARGETS_FILE));
}

/** The catalogue built from seeds/huzhou-2023-district-targets.csv, with its sources. */
export function huzhouCatalogue(): IndicatorCatalogue {
  return buildIndicatorCatalogue(huzhouDistrictTargets(), {
    sources: readSeedTable('sources.csv'),
    datasets: readSeedTable('datasets.csv'),
  });
}
