import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildIndicatorCatalogue,
  formatSourceCitation,
} from '../indicators/indicator-catalogue.ts';
import { parseSeedCsv } from '../seeds/seed-csv.format.ts';
import { readDistrictTargets } from '../seeds/seed-records.ts';
import { readZoneTargets, zoneProgress, type ZoneForProgress } from './zone-progress.ts';
import {
  ZONES_LAND_PROGRESS_MEASURE_ID,
  zonesLandProgressMeasure,
} from './zones-progress.measure.ts';

const seeds = (file: string) =>
  readFileSync(resolve(import.meta.dirname, '../../../seeds', file), 'utf8');
const targetsCsv = seeds('huzhou-2023-district-targets.csv');
const CATALOGUE = buildIndicatorCatalogue(readDistrictTargets(targetsCsv), {
  sources: parseSeedCsv('sources.csv', seeds('sources.csv')).table,
  datasets: parseSeedCsv('datasets.csv', seeds('datasets.csv')).table,
});
const TARGETS = readZoneTargets(targetsCsv, seeds('plan-goals.csv'));
const HUZHOU = '330500';
const WUXING = '330502';
const NANXUN = '330503';

/** The seed's 2023 land-freed target of a district (亩), read from the table, not restated. */
const landTarget = (code: string) => TARGETS.districtLand.get(code)!.value;

function zone(id: string, plannedLandMu: number, districtCode: string): ZoneForProgress {
  return {
    id,
    plannedLandMu,
    areaMu: plannedLandMu,
    energySpaceTce: null,
    districts: [{ districtCode, cityCode: HUZHOU, areaMu: plannedLandMu, share: 1 }],
  };
}

const measureOf = (zones: ZoneForProgress[]) =>
  zonesLandProgressMeasure(CATALOGUE, zoneProgress(zones, TARGETS), HUZHOU, 2023)!;

describe('zonesLandProgressMeasure', () => {
  it('maps planned land in zones as a percentage of each district’s 2023 target', () => {
    const half = landTarget(WUXING) / 2;
    const measure = measureOf([zone('a', half, WUXING)]);
    expect(measure).toMatchObject({
      id: ZONES_LAND_PROGRESS_MEASURE_ID,
      basis: 'zones',
      year: 2023,
      polarity: 'higher-is-better',
    });
    expect(measure.unit.en).toBe('%');
    const value = (code: string) => measure.districts.find((d) => d.districtCode === code)?.value;
    expect(value(WUXING)).toBeCloseTo(50, 9);
    // A district with a target and no zones is at 0%, not missing.
    expect(value(NANXUN)).toBe(0);
    // The city's figure is against the city's own target, not a sum of percentages.
    const cityTarget = TARGETS.cityLand.get(HUZHOU)!.value;
    expect(measure.city?.value).toBeCloseTo((half / cityTarget) * 100, 9);
  });

  it('follows the zones: adding one in a district raises only that district', () => {
    const before = measureOf([zone('a', 100, WUXING)]);
    const after = measureOf([zone('a', 100, WUXING), zone('b', 300, NANXUN)]);
    const at = (m: typeof before, code: string) =>
      m.districts.find((d) => d.districtCode === code)?.value;
    expect(at(after, WUXING)).toBe(at(before, WUXING));
    expect(at(after, NANXUN)).toBeCloseTo((300 / landTarget(NANXUN)) * 100, 9);
  });

  it('cites the target’s seed row and the document’s line for each district', () => {
    const measure = measureOf([zone('a', 100, WUXING)]);
    const wuxing = measure.districts.find((d) => d.districtCode === WUXING)!;
    const row = TARGETS.districtLand.get(WUXING)!.seedRow;
    expect(wuxing.sources[0]).toMatchObject({
      file: 'huzhou-2023-district-targets.csv',
      lines: [[row, row]],
    });
    expect(formatSourceCitation(wuxing.sources[0]!, 'zh-CN')).toContain(
      `huzhou-2023-district-targets.csv 第 ${row} 行`,
    );
    expect(wuxing.sources[1]).toMatchObject({
      file: TARGETS.districtLand.get(WUXING)!.source.file,
    });
  });

  it('cites every row of the target table on the city figure', () => {
    const measure = measureOf([]);
    const rows = [
      TARGETS.cityLand.get(HUZHOU)!.seedRow,
      ...[...TARGETS.districtLand.values()].map((f) => f.seedRow),
    ];
    const cited = measure.city!.sources[0]!.lines.flatMap(([from, to]) =>
      Array.from({ length: to - from + 1 }, (_, i) => from + i),
    );
    expect(cited.sort((a, b) => a - b)).toEqual([...new Set(rows)].sort((a, b) => a - b));
  });

  it('lists the districts with no values while the zones are loading', () => {
    const measure = zonesLandProgressMeasure(CATALOGUE, null, HUZHOU, 2023)!;
    expect(measure.districts.length).toBeGreaterThan(0);
    expect(measure.districts.every((d) => d.value === null)).toBe(true);
    expect(measure.city?.value).toBeNull();
  });

  it('is not offered where there is no land-freed target (Shaoxing, another year)', () => {
    expect(zonesLandProgressMeasure(CATALOGUE, null, '330600', 2023)).toBeUndefined();
    expect(zonesLandProgressMeasure(CATALOGUE, null, HUZHOU, 2019)).toBeUndefined();
  });
});
