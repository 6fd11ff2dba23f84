/**
 * KPI cards of a slide, computed from the data the app already shows, never typed in: a
 * district's figure against the city and its target, the key projects inside the slide's
 * view, and the renewal zones' planned land and energy space against the 2023 targets and the
 * 2027 goal (added up by src/domain/zones/zone-progress.ts from the user's drawn zones). Each
 * value carries its sources so a card can say where every number comes from.
 */
import { completionOf, type Completion } from '../indicators/completion.ts';
import { buildHeatmapModel } from '../indicators/heatmap-model.ts';
import type { SourceRef } from '../indicators/indicator-catalogue.ts';
import type { MapMeasure } from '../indicators/map-measure.ts';
import type { UnitDisplay } from '../indicators/unit-display.ts';
import type { Place, PlaceSource } from '../places/place.ts';
import { HUZHOU_DEV_ZONE_CODE, type BoundsLonLat } from '../regions.ts';
import type { ProgressFigure, ZoneProgressReport } from '../zones/zone-progress.ts';
import type { SlideView } from './slide-view.ts';

/** Every KPI a slide can show, in the order the editor offers them. */
export const KPI_IDS = ['district-indicator', 'projects-in-view', 'zones-progress'] as const;
export type KpiId = (typeof KPI_IDS)[number];

/** True for the id of a KPI this version computes. */
export function isKpiId(id: string): id is KpiId {
  return (KPI_IDS as readonly string[]).includes(id);
}

/** The place fields the project KPI reads. */
export type KpiPlace = Pick<Place, 'id' | 'kind' | 'lon' | 'lat' | 'investmentYiYuan' | 'sources'>;

/** What a KPI is computed from: the slide's view and the app's data. */
export interface KpiContext {
  view: SlideView;
  boundsLonLat: BoundsLonLat | null;
  /** The measures the heatmap offers in the slide's region. */
  measures: readonly MapMeasure[];
  /** A planner's actual figure for a district, or null when none was entered. */
  actualOf: (measureId: string, year: number, districtCode: string) => number | null;
  /** The seeds' places; null while they load. */
  places: readonly KpiPlace[] | null;
  /** The drawn zones added up per district and city; null while they load. */
  zones: ZoneProgressReport | null;
}

/** Why a KPI has no value on a slide; the UI words each. */
export type KpiUnavailableReason =
  /** The slide maps no indicator. */
  | 'no-indicator'
  /** The slide has no district selected. */
  | 'no-district'
  /** The data it needs is still loading. */
  | 'loading'
  /** The slide was captured before the map drew, so its extent is unknown. */
  | 'no-bounds';

export interface DistrictIndicatorKpi {
  id: 'district-indicator';
  measureId: string;
  nameZh: string;
  nameEn: string;
  unit: UnitDisplay;
  /** The year of the plan targets; null for profiles. */
  year: number | null;
  districtCode: string;
  /** The district's plan figure (target, or the profile's count). */
  target: number | null;
  /** The planner-entered actual, when one exists. */
  actual: number | null;
  /** The whole-city figure for level indicators; null for amounts (the city's is their sum). */
  cityValue: number | null;
  /** The district's figure (actual when shown, else target) minus the city's. */
  gapToCity: number | null;
  /** Rank among the districts on the slide's figure; null without a value. */
  rank: number | null;
  rankedCount: number;
  /** Actual against target; null for profiles. */
  completion: Completion | null;
  sources: SourceRef[];
}

export interface ProjectsInViewKpi {
  id: 'projects-in-view';
  /** Key projects whose point lies in the slide's view. */
  count: number;
  /** Of those, how many print an investment. */
  withInvestmentCount: number;
  /** Their total investment, 亿元. */
  totalInvestmentYiYuan: number;
  /** The seed files and lines the projects come from. */
  sources: PlaceSource[];
}

/**
 * Renewal zones against the plans, for the slide's selected district (when it has a target or
 * a zone) or else its city; the city's land is also set against the 2027 goal.
 */
export interface ZonesProgressKpi {
  id: 'zones-progress';
  /** The district or city the first two figures are for. */
  scope: 'district' | 'city';
  code: string;
  /** Zones with any part in it. */
  zoneCount: number;
  /** Planned land (亩) against the 2023 target. */
  landMu: ProgressFigure;
  /** Planned energy space (tce) against the 2023 target. */
  energyTce: ProgressFigure;
  cityCode: string;
  /** The whole city's planned land against the plan's cumulative 2027 goal. */
  cityLandGoal: ProgressFigure;
}

export type KpiValue =
  | DistrictIndicatorKpi
  | ProjectsInViewKpi
  | ZonesProgressKpi
  | { id: KpiId; unavailable: KpiUnavailableReason };

/** The KPIs that make sense for a slide's view, for the editor's defaults. */
export function suggestedKpis(view: SlideView): KpiId[] {
  const ids: KpiId[] = [];
  if (view.heatmap.measureId && view.heatmap.selectedDistrictCode) ids.push('district-indicator');
  const showsProjects = view.visibleLayers.has('projects');
  if (showsProjects) ids.push('projects-in-view');
  return ids;
}

function districtIndicator(ctx: KpiContext): KpiValue {
  const { measureId, selectedDistrictCode: code, mode } = ctx.view.heatmap;
  const measure = ctx.measures.find((m) => m.id === measureId);
  if (!measure) return { id: 'district-indicator', unavailable: 'no-indicator' };
  const target = measure.districts.find((d) => d.districtCode === code);
  if (!code || !target) return { id: 'district-indicator', unavailable: 'no-district' };
  const isTarget = measure.basis === 'target';
  const year = measure.year;
  const actualOf = (districtCode: string) =>
    isTarget && year !== null ? ctx.actualOf(measure.id, year, districtCode) : null;
  const useActual = isTarget && mode === 'actual';
  // The same districts and city figure as the heatmap state uses, so the card and the
  // ranking board on the map agree.
  const values = measure.districts
    .filter((d) => d.districtCode !== HUZHOU_DEV_ZONE_CODE)
    .map((d) => ({
      districtCode: d.districtCode,
      value: useActual ? actualOf(d.districtCode) : d.value,
    }));
  const cityValue = measure.kind === 'amount' ? null : (measure.city?.value ?? null);
  const model = buildHeatmapModel({
    values,
    polarity: measure.polarity,
    cityValue,
    method: 'natural-breaks',
    classCount: 4,
    manualBreaks: [],
    order: 'best-first',
  });
  const row = model.board.find((r) => r.districtCode === code);
  const actual = actualOf(code);
  return {
    id: 'district-indicator',
    measureId: measure.id,
    nameZh: measure.nameZh,
    nameEn: measure.nameEn,
    unit: measure.unit,
    year,
    districtCode: code,
    target: target.value,
    actual,
    cityValue,
    gapToCity: row?.gapToCity ?? null,
    rank: row?.rank ?? null,
    rankedCount: model.board.filter((r) => r.rank !== null).length,
    completion: isTarget
      ? completionOf(actual, target.value, {
          polarity: measure.polarity,
          kind: measure.kind,
          nonNegative: measure.nonNegative,
        })
      : null,
    sources: [...target.sources, ...(cityValue !== null ? (measure.city?.sources ?? []) : [])],
  };
}

/** True when a point lies inside west/south/east/north bounds (edges included). */
export function insideBounds(lon: number, lat: number, [w, s, e, n]: BoundsLonLat): boolean {
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

/** Merges sources by file, keeping each file's line ranges in order without repeats. */
function mergeSources(sources: readonly PlaceSource[]): PlaceSource[] {
  const byFile = new Map<string, Map<string, [number, number]>>();
  for (const { file, lines } of sources) {
    const ranges = byFile.get(file) ?? new Map<string, [number, number]>();
    for (const range of lines) ranges.set(range.join('-'), range);
    byFile.set(file, ranges);
  }
  return [...byFile].map(([file, ranges]) => ({
    file,
    lines: [...ranges.values()].sort((a, b) => a[0] - b[0]),
  }));
}

function projectsInView(ctx: KpiContext): KpiValue {
  if (!ctx.boundsLonLat) return { id: 'projects-in-view', unavailable: 'no-bounds' };
  if (!ctx.places) return { id: 'projects-in-view', unavailable: 'loading' };
  const bounds = ctx.boundsLonLat;
  const projects = ctx.places.filter(
    (p) => p.kind === 'project' && insideBounds(p.lon, p.lat, bounds),
  );
  const invested = projects.filter((p) => p.investmentYiYuan !== undefined);
  // Sum in hundredths of 亿元 so 61.3 + 0.2 stays 61.5, as the seed prints it.
  const totalCents = invested.reduce(
    (sum, p) => sum + Math.round((p.investmentYiYuan ?? 0) * 100),
    0,
  );
  return {
    id: 'projects-in-view',
    count: projects.length,
    withInvestmentCount: invested.length,
    totalInvestmentYiYuan: totalCents / 100,
    sources: mergeSources(projects.flatMap((p) => p.sources)),
  };
}

function zonesProgress(ctx: KpiContext): KpiValue {
  const report = ctx.zones;
  if (!report) return { id: 'zones-progress', unavailable: 'loading' };
  const city = report.cities.find((c) => c.cityCode === ctx.view.cityCode);
  if (!city) return { id: 'zones-progress', unavailable: 'no-district' };
  const code = ctx.view.heatmap.selectedDistrictCode;
  const district = report.districts.find(
    (d) => d.districtCode === code && d.cityCode === city.cityCode,
  );
  const scoped = district
    ? { scope: 'district' as const, code: district.districtCode }
    : { scope: 'city' as const, code: city.cityCode };
  const of = district ?? city;
  return {
    id: 'zones-progress',
    ...scoped,
    zoneCount: of.zoneCount,
    landMu: of.landMu,
    energyTce: of.energyTce,
    cityCode: city.cityCode,
    cityLandGoal: city.landMuGoal,
  };
}

/** Computes one KPI for a slide. */
export function computeKpi(id: KpiId, ctx: KpiContext): KpiValue {
  switch (id) {
    case 'district-indicator':
      return districtIndicator(ctx);
    case 'projects-in-view':
      return projectsInView(ctx);
    case 'zones-progress':
      return zonesProgress(ctx);
  }
}
