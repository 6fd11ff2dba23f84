import { readFileSync } from 'node:fs';
import type { PlaceSeedTexts } from './place-seeds.ts';

/** The real seed CSVs, read from seeds/ for tests in Node. */
export function seedText(file: string): string {
  return readFileSync(new URL(`../../../seeds/${file}`, import.meta.url), 'utf8');
}

export function placeSeedTexts(): PlaceSeedTexts {
  return {
    'huzhou-key-enterprises.csv': seedText('huzhou-key-enterprises.csv'),
    'huzhou-key-projects.csv': seedText('huzhou-key-projects.csv'),
    'named-places.csv': seedText('named-places.csv'),
    'industry-focus-areas.csv': seedText('industry-focus-areas.csv'),
    'shaoxing-leading-enterprises.csv': seedText('shaoxing-leading-enterprises.csv'),
  };
}
