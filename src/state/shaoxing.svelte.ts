/**
 * Shaoxing's data for the app: the pilot plan's city indicators and the district profiles
 * (seed 002), read from the seed CSVs bundled with the build. The data never changes while the
 * app runs, so it is read once, on first use, and needs no reactive state.
 */
import type { MapMeasure } from '../domain/indicators/map-measure.ts';
import {
  groupByCategory,
  readCityIndicators,
  CITY_INDICATORS_FILE,
  type IndicatorCategory,
} from '../domain/shaoxing/city-indicators.ts';
import {
  buildShaoxingProfile,
  FOCUS_AREAS_FILE,
  NAMED_PLACES_FILE,
  shaoxingProfileMeasures,
  type ShaoxingProfile,
} from '../domain/shaoxing/district-profile.ts';
import { parseSeedCsv, type SeedTable } from '../domain/seeds/seed-csv.format.ts';
import datasetsCsv from '../../seeds/datasets.csv?raw';
import focusAreasCsv from '../../seeds/industry-focus-areas.csv?raw';
import namedPlacesCsv from '../../seeds/named-places.csv?raw';
import indicatorsCsv from '../../seeds/shaoxing-indicators.csv?raw';
import sourcesCsv from '../../seeds/sources.csv?raw';

export interface ShaoxingData {
  /** The 18 indicators of the main table, grouped as the table groups them. */
  categories: IndicatorCategory[];
  profile: ShaoxingProfile;
  /** The district profiles as heatmap measures. */
  measures: MapMeasure[];
}

// `npm run seeds:check` validates these files; parse issues (a lost BOM) do not change the rows.
const table = (file: string, text: string): SeedTable => parseSeedCsv(file, text).table;

let data: ShaoxingData | undefined;

/** Shaoxing's indicators, profiles and measures, built on first call. */
export function shaoxingData(): ShaoxingData {
  if (!data) {
    const sourceTables = {
      sources: table('sources.csv', sourcesCsv),
      datasets: table('datasets.csv', datasetsCsv),
    };
    const profile = buildShaoxingProfile({
      focusAreas: table(FOCUS_AREAS_FILE, focusAreasCsv),
      namedPlaces: table(NAMED_PLACES_FILE, namedPlacesCsv),
      ...sourceTables,
    });
    data = {
      categories: groupByCategory(
        readCityIndicators(table(CITY_INDICATORS_FILE, indicatorsCsv), sourceTables),
      ),
      profile,
      measures: shaoxingProfileMeasures(profile),
    };
  }
  return data;
}

/** The Shaoxing district profiles as heatmap measures (basis `profile`). */
export function shaoxingMeasures(): MapMeasure[] {
  return shaoxingData().measures;
}
