import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { huzhouCatalogue } from '../indicators/seed-catalogue.fixture.ts';
import { targetMeasures } from '../indicators/target-measures.ts';
import { cityOfRegion, HUZHOU_DEV_ZONE_CODE } from '../regions.ts';
import { computeKpi, suggestedKpis, type KpiContext, type KpiPlace } from './briefing-kpis.ts';
import { readSlideView } from './slide-view.ts';
import { readZoneTargets, zoneProgress, type ZoneForProgress } from '../zones/zone-progress.ts';

const HUZHOU_CODE = cityOfRegion('huzhou').code;
const measures = targetMeasures(huzhouCatalogue(), HUZHOU_CODE, 2023);
const taxPerMu = measures.find((m) => m.id === 'tax_per_mu')!;

function context(query: string, patch: Partial<KpiContext> = {}): KpiContext {
  return {
    view: readSlideView(query),
    boundsLonLat: null,
    measures,
    actualOf: () => null,
    places: null,
    zones: null,
    ...patch,
  };
}

describe('district indicator KPI', () => {
  it('reads the district target, the city figure and the rank from the seed measure', () => {
    const district = taxPerMu.districts.find((d) => d.value !== null)!;
    const kpi = computeKpi(
      'district-indicator',
      context(`?region=huzhou&indicator=tax_per_mu&district=${district.districtCode}`),
    );
    if (!('target' in kpi)) throw new Error(`unavailable: ${JSON.stringify(kpi)}`);
    expect(kpi.target).toBe(district.value);
    expect(kpi.cityValue).toBe(taxPerMu.city!.value);
    expect(kpi.gapToCity).toBeCloseTo(district.value! - taxPerMu.city!.value!);
    const ranked = taxPerMu.districts.filter(
      (d) => d.value !== null && d.districtCode !== HUZHOU_DEV_ZONE_CODE,
    );
    const better = ranked.filter((d) => d.value! > district.value!).length;
    expect(kpi.rank).toBe(better + 1);
    expect(kpi.rankedCount).toBe(ranked.length);
    expect(kpi.sources.map((s) => s.file)).toContain(district.sources[0]!.file);
    expect(kpi.completion).toMatchObject({ rated: false, reason: 'no-actual' });
  });

  it('rates a planner-entered actual against the target', () => {
    const district = taxPerMu.districts.find((d) => (d.value ?? 0) > 0)!;
    const actual = district.value! * 1.1;
    const kpi = computeKpi(
      'district-indicator',
      context(`?indicator=tax_per_mu&district=${district.districtCode}`, {
        actualOf: (id, year, code) =>
          id === 'tax_per_mu' && year === 2023 && code === district.districtCode ? actual : null,
      }),
    );
    expect(kpi).toMatchObject({ actual, completion: { rated: true, met: true } });
    expect('completion' in kpi && kpi.completion?.rated && kpi.completion.rate).toBeCloseTo(1.1);
  });

  it('says what is missing instead of inventing a value', () => {
    expect(computeKpi('district-indicator', context('?region=huzhou'))).toEqual({
      id: 'district-indicator',
      unavailable: 'no-indicator',
    });
    expect(computeKpi('district-indicator', context('?indicator=tax_per_mu'))).toEqual({
      id: 'district-indicator',
      unavailable: 'no-district',
    });
  });
});

describe('projects in view KPI', () => {
  const place = (
    id: string,
    kind: KpiPlace['kind'],
    lon: number,
    lat: number,
    yi?: number,
  ): KpiPlace => ({
    id,
    kind,
    lon,
    lat,
    investmentYiYuan: yi,
    sources: [{ file: '000_a41b79af9300f26d.txt', lines: [[600 + id.length, 600 + id.length]] }],
  });
  const places = [
    place('p1', 'project', 120.0, 30.8, 61),
    place('p22', 'project', 120.1, 30.9, 0.3),
    place('p333', 'project', 120.2, 30.85),
    place('far', 'project', 121.5, 30.8, 100),
    place('ent', 'enterprise', 120.0, 30.8, 5),
  ];

  it('counts the key projects inside the slide bounds and sums what they print', () => {
    const kpi = computeKpi(
      'projects-in-view',
      context('?layers=projects', { boundsLonLat: [119.5, 30.5, 120.5, 31], places }),
    );
    expect(kpi).toMatchObject({ count: 3, withInvestmentCount: 2, totalInvestmentYiYuan: 61.3 });
    expect('sources' in kpi && kpi.sources).toEqual([
      {
        file: '000_a41b79af9300f26d.txt',
        lines: [
          [602, 602],
          [603, 603],
          [604, 604],
        ],
      },
    ]);
  });

  it('waits for the places and needs the captured extent', () => {
    expect(computeKpi('projects-in-view', context('', { boundsLonLat: [1, 1, 2, 2] }))).toEqual({
      id: 'projects-in-view',
      unavailable: 'loading',
    });
    expect(computeKpi('projects-in-view', context('', { places }))).toEqual({
      id: 'projects-in-view',
      unavailable: 'no-bounds',
    });
  });
});

describe('suggested KPIs', () => {
  it('offers the district card for a selected district and the projects card when projects show', () => {
    expect(
      suggestedKpis(
        readSlideView('?indicator=tax_per_mu&district=330502&layers=districts,projects'),
      ),
    ).toEqual(['district-indicator', 'projects-in-view']);
    expect(suggestedKpis(readSlideView('?indicator=tax_per_mu'))).toEqual([]);
  });
});

describe('zones progress KPI', () => {
  const seeds = (file: string) =>
    readFileSync(resolve(import.meta.dirname, '../../../seeds', file), 'utf8');
  const targets = readZoneTargets(
    seeds('huzhou-2023-district-targets.csv'),
    seeds('plan-goals.csv'),
  );
  const WUXING = '330502';
  const zone = (id: string, districtCode: string, landMu: number): ZoneForProgress => ({
    id,
    plannedLandMu: landMu,
    areaMu: 999,
    energySpaceTce: 100,
    districts: [{ districtCode, cityCode: HUZHOU_CODE, share: 1, areaMu: 999 }],
  });
  const report = zoneProgress(
    [zone('a', WUXING, 300), zone('b', WUXING, 200), zone('c', '330503', 50)],
    targets,
  );

  it('sets the selected district against its 2023 target and the city against the 2027 goal', () => {
    const kpi = computeKpi(
      'zones-progress',
      context(`?region=huzhou&indicator=tax_per_mu&district=${WUXING}`, { zones: report }),
    );
    if (!('landMu' in kpi)) throw new Error(`unavailable: ${JSON.stringify(kpi)}`);
    const landTarget = targets.districtLand.get(WUXING)!;
    expect([kpi.scope, kpi.code, kpi.zoneCount]).toEqual(['district', WUXING, 2]);
    expect(kpi.landMu.planned).toBe(500);
    expect(kpi.landMu.ratio).toBeCloseTo(500 / landTarget.value, 9);
    expect(kpi.energyTce.planned).toBe(200);
    // 3 万亩 = 30,000 亩, against all three zones in the city.
    expect(kpi.cityLandGoal.target?.value).toBe(30_000);
    expect(kpi.cityLandGoal.planned).toBe(550);
    expect(kpi.cityLandGoal.target?.seedFile).toBe('plan-goals.csv');
  });

  it('falls back to the city without a selected district, and waits while zones load', () => {
    const kpi = computeKpi('zones-progress', context('?region=huzhou', { zones: report }));
    if (!('landMu' in kpi)) throw new Error(`unavailable: ${JSON.stringify(kpi)}`);
    expect([kpi.scope, kpi.code, kpi.zoneCount, kpi.landMu.planned]).toEqual([
      'city',
      HUZHOU_CODE,
      3,
      550,
    ]);
    expect(kpi.landMu.target).toBe(targets.cityLand.get(HUZHOU_CODE) ?? null);
    expect(computeKpi('zones-progress', context('?region=huzhou'))).toEqual({
      id: 'zones-progress',
      unavailable: 'loading',
    });
  });
});
