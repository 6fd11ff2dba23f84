import { districtsOfCity } from '../regions.ts';
import type { PlaceRecord, PlaceKind } from './place.ts';
import type { ProjectSubtotal } from './place-seeds.ts';

/** Places of one district (or, for places the seeds tie to no district, of the whole city). */
export interface DistrictPlaceSummary {
  /** A district code of regions.ts, or the city code for places with no district. */
  areaCode: string;
  cityCode: string;
  count: number;
  byKind: Partial<Record<PlaceKind, number>>;
  /** Sum of the projects' stated total investment, 亿元. */
  projectInvestmentYiYuan: number;
}

/** One cell of the industry × district matrix: who hosts what. */
export interface IndustryDistrictCell {
  industryId: string;
  areaCode: string;
  enterprises: number;
  projects: number;
  /** Parks, towns, clusters, platforms and markets. */
  namedPlaces: number;
  projectInvestmentYiYuan: number;
}

/** A stated key-project total compared with the projects joined to districts. */
export interface InvestmentReconciliation {
  industryId: string;
  statedYiYuan: number;
  joinedYiYuan: number;
  statedCount?: number;
  joinedCount: number;
  holds: boolean;
}

/** Sums in 亿元 to 0.001, so 0.1 + 0.2 compares equal to 0.3. */
function roundYiYuan(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * The area a place counts in: its first district as the seed lists it (吴兴区 for a record of
 * 吴兴区、南浔区, so each place counts once and sums add up), or its city when it has none.
 */
export function areaOfPlace(place: PlaceRecord): string {
  return place.districtCodes[0] ?? place.cityCode;
}

/** Area order: the city's districts as regions.ts lists them, then the city itself. */
function areaOrder(cityCode: string): string[] {
  return [...districtsOfCity(cityCode).map((d) => d.code), cityCode];
}

/** Counts and project investment per district of one city, every district listed. */
export function districtPlaceSummaries(
  places: readonly PlaceRecord[],
  cityCode: string,
): DistrictPlaceSummary[] {
  return areaOrder(cityCode).map((areaCode) => {
    const here = places.filter((p) => p.cityCode === cityCode && areaOfPlace(p) === areaCode);
    const byKind: Partial<Record<PlaceKind, number>> = {};
    for (const p of here) byKind[p.kind] = (byKind[p.kind] ?? 0) + 1;
    return {
      areaCode,
      cityCode,
      count: here.length,
      byKind,
      projectInvestmentYiYuan: roundYiYuan(
        here.reduce((sum, p) => sum + (p.kind === 'project' ? (p.investmentYiYuan ?? 0) : 0), 0),
      ),
    };
  });
}

/**
 * The industry × district matrix of one city: for each industry with places there, a cell per
 * district (and one for the city's places without a district), zeros included.
 */
export function industryDistrictMatrix(
  places: readonly PlaceRecord[],
  cityCode: string,
): IndustryDistrictCell[] {
  const ofCity = places.filter((p) => p.cityCode === cityCode);
  const industries = [...new Set(ofCity.map((p) => p.industryId))];
  return industries.flatMap((industryId) =>
    areaOrder(cityCode).map((areaCode) => {
      const here = ofCity.filter((p) => p.industryId === industryId && areaOfPlace(p) === areaCode);
      const projects = here.filter((p) => p.kind === 'project');
      return {
        industryId,
        areaCode,
        enterprises: here.filter((p) => p.kind === 'enterprise').length,
        projects: projects.length,
        namedPlaces: here.filter((p) => p.kind !== 'enterprise' && p.kind !== 'project').length,
        projectInvestmentYiYuan: roundYiYuan(
          projects.reduce((sum, p) => sum + (p.investmentYiYuan ?? 0), 0),
        ),
      };
    }),
  );
}

/**
 * Compares the key-project totals the seed states (282.1 亿元 and the industry subtotals,
 * huzhou-key-projects-subtotals.csv) with the projects as joined to Huzhou's districts, so a
 * project lost or counted twice in placement shows.
 */
export function reconcileProjectInvestment(
  places: readonly PlaceRecord[],
  subtotals: readonly ProjectSubtotal[],
): InvestmentReconciliation[] {
  const joined = districtPlaceSummaries(places, '330500');
  const joinedTotal = roundYiYuan(joined.reduce((sum, d) => sum + d.projectInvestmentYiYuan, 0));
  const joinedCount = joined.reduce((sum, d) => sum + (d.byKind.project ?? 0), 0);
  const matrix = industryDistrictMatrix(places, '330500');
  return subtotals.map((subtotal) => {
    const cells =
      subtotal.industryId === 'all'
        ? undefined
        : matrix.filter((c) => c.industryId === subtotal.industryId);
    const joinedYiYuan = cells
      ? roundYiYuan(cells.reduce((sum, c) => sum + c.projectInvestmentYiYuan, 0))
      : joinedTotal;
    const count = cells ? cells.reduce((sum, c) => sum + c.projects, 0) : joinedCount;
    return {
      industryId: subtotal.industryId,
      statedYiYuan: subtotal.investmentYiYuan,
      joinedYiYuan,
      ...(subtotal.projectCount === undefined ? {} : { statedCount: subtotal.projectCount }),
      joinedCount: count,
      holds:
        joinedYiYuan === roundYiYuan(subtotal.investmentYiYuan) &&
        (subtotal.projectCount === undefined || subtotal.projectCount === count),
    };
  });
}
