import type { PlaceKind, PlaceRecord, ProjectStage } from './place.ts';

/**
 * What a planner narrows the places to. Empty lists and null ranges mean "any". A range
 * excludes places that lack the figure (an enterprise has no investment), since they cannot
 * be said to fall inside it.
 */
export interface PlaceFilter {
  kinds: readonly PlaceKind[];
  industryIds: readonly string[];
  /** A district (or zone) code; matches a place listing it anywhere among its districts. */
  districtCode: string | null;
  stages: readonly ProjectStage[];
  /** Inclusive bounds in 亿元; either end may be null. */
  investmentYiYuan: readonly [number | null, number | null];
  /** Inclusive calendar years a project's span [start, end] must overlap; either end may be null. */
  years: readonly [number | null, number | null];
  /** Case-insensitive part of the name (Chinese or English) or products. */
  query: string;
}

export const EMPTY_PLACE_FILTER: PlaceFilter = {
  kinds: [],
  industryIds: [],
  districtCode: null,
  stages: [],
  investmentYiYuan: [null, null],
  years: [null, null],
  query: '',
};

/** True when the filter lets every place through. */
export function isEmptyFilter(filter: PlaceFilter): boolean {
  return (
    filter.kinds.length === 0 &&
    filter.industryIds.length === 0 &&
    filter.districtCode === null &&
    filter.stages.length === 0 &&
    filter.investmentYiYuan[0] === null &&
    filter.investmentYiYuan[1] === null &&
    filter.years[0] === null &&
    filter.years[1] === null &&
    filter.query.trim() === ''
  );
}

/** The fields of a place the filter reads; PlaceRecord and Place both have them. */
export type FilterablePlace = Pick<
  PlaceRecord,
  | 'kind'
  | 'nameZh'
  | 'nameEn'
  | 'productsZh'
  | 'industryId'
  | 'districtCodes'
  | 'stage'
  | 'investmentYiYuan'
  | 'startYear'
  | 'endYear'
>;

/**
 * Places in columns, built once, so filtering touches typed arrays and small integers instead
 * of objects and strings: 100,000 places filter within a frame (bench/places-filter.bench.ts).
 */
export interface PlaceIndex {
  readonly count: number;
  /** Lower-cased name, English name and products, joined, one per place. */
  readonly searchText: readonly string[];
  readonly kindIndex: Uint8Array;
  readonly industryIndex: Uint16Array;
  readonly stageIndex: Uint8Array;
  readonly investmentYiYuan: Float64Array;
  readonly startYear: Float64Array;
  readonly endYear: Float64Array;
  /** Place i's district indices are districtIndex[districtStart[i] .. districtStart[i + 1]). */
  readonly districtStart: Uint32Array;
  readonly districtIndex: Uint16Array;
  readonly kinds: readonly string[];
  readonly industries: readonly string[];
  readonly stages: readonly string[];
  readonly districts: readonly string[];
}

/** Interns a string into a growing table; returns its index. */
function intern(table: string[], lookup: Map<string, number>, value: string): number {
  let index = lookup.get(value);
  if (index === undefined) {
    index = table.length;
    table.push(value);
    lookup.set(value, index);
  }
  return index;
}

/** Builds the column index of a list of places (once per data change, not per keystroke). */
export function buildPlaceIndex(places: readonly FilterablePlace[]): PlaceIndex {
  const count = places.length;
  const tables = { kinds: [], industries: [], stages: [''], districts: [] } as Record<
    'kinds' | 'industries' | 'stages' | 'districts',
    string[]
  >;
  const lookups = {
    kinds: new Map<string, number>(),
    industries: new Map<string, number>(),
    stages: new Map<string, number>([['', 0]]),
    districts: new Map<string, number>(),
  };
  const searchText: string[] = new Array<string>(count);
  const kindIndex = new Uint8Array(count);
  const industryIndex = new Uint16Array(count);
  const stageIndex = new Uint8Array(count);
  const investmentYiYuan = new Float64Array(count);
  const startYear = new Float64Array(count);
  const endYear = new Float64Array(count);
  const districtStart = new Uint32Array(count + 1);
  let districtTotal = 0;
  for (const p of places) districtTotal += p.districtCodes.length;
  const districtIndex = new Uint16Array(districtTotal);
  let cursor = 0;
  for (let i = 0; i < count; i++) {
    const p = places[i]!;
    searchText[i] = [p.nameZh, p.nameEn ?? '', p.productsZh ?? ''].join('\n').toLowerCase();
    kindIndex[i] = intern(tables.kinds, lookups.kinds, p.kind);
    industryIndex[i] = intern(tables.industries, lookups.industries, p.industryId);
    stageIndex[i] = intern(tables.stages, lookups.stages, p.stage ?? '');
    investmentYiYuan[i] = p.investmentYiYuan ?? Number.NaN;
    startYear[i] = p.startYear ?? Number.NaN;
    endYear[i] = p.endYear ?? p.startYear ?? Number.NaN;
    districtStart[i] = cursor;
    for (const code of p.districtCodes) {
      districtIndex[cursor++] = intern(tables.districts, lookups.districts, code);
    }
  }
  districtStart[count] = cursor;
  return {
    count,
    searchText,
    kindIndex,
    industryIndex,
    stageIndex,
    investmentYiYuan,
    startYear,
    endYear,
    districtStart,
    districtIndex,
    ...tables,
  };
}

/** A membership mask over a table, or null when the list is empty (anything goes). */
function maskOf(table: readonly string[], wanted: readonly string[]): Uint8Array | null {
  if (wanted.length === 0) return null;
  const mask = new Uint8Array(table.length);
  for (const value of wanted) {
    const index = table.indexOf(value);
    if (index >= 0) mask[index] = 1;
  }
  return mask;
}

/**
 * Indices (ascending) of the places the filter lets through. All criteria must hold; within a
 * list (industries, stages, kinds) any one value suffices.
 */
export function filterPlaceIndex(index: PlaceIndex, filter: PlaceFilter): Uint32Array {
  const kinds = maskOf(index.kinds, filter.kinds);
  const industries = maskOf(index.industries, filter.industryIds);
  const stages = maskOf(index.stages, filter.stages);
  const district = filter.districtCode === null ? -1 : index.districts.indexOf(filter.districtCode);
  const [minInvestment, maxInvestment] = filter.investmentYiYuan;
  const [fromYear, toYear] = filter.years;
  const query = filter.query.trim().toLowerCase();
  const out = new Uint32Array(index.count);
  let n = 0;
  if (filter.districtCode !== null && district < 0) return out.subarray(0, 0);
  for (let i = 0; i < index.count; i++) {
    if (kinds && kinds[index.kindIndex[i]!] === 0) continue;
    if (industries && industries[index.industryIndex[i]!] === 0) continue;
    if (stages && stages[index.stageIndex[i]!] === 0) continue;
    if (minInvestment !== null || maxInvestment !== null) {
      const value = index.investmentYiYuan[i]!;
      // A missing figure is NaN, for which every comparison is false, so it is left out.
      if (!(value >= (minInvestment ?? -Infinity) && value <= (maxInvestment ?? Infinity))) {
        continue;
      }
    }
    if (fromYear !== null || toYear !== null) {
      const start = index.startYear[i]!;
      const end = index.endYear[i]!;
      if (!(end >= (fromYear ?? -Infinity) && start <= (toYear ?? Infinity))) continue;
    }
    if (district >= 0) {
      let found = false;
      for (let k = index.districtStart[i]!; k < index.districtStart[i + 1]!; k++) {
        if (index.districtIndex[k] === district) {
          found = true;
          break;
        }
      }
      if (!found) continue;
    }
    if (query !== '' && !index.searchText[i]!.includes(query)) continue;
    out[n++] = i;
  }
  return out.subarray(0, n);
}

/** Convenience for small lists: the places the filter lets through, in their order. */
export function filterPlaces<T extends FilterablePlace>(
  places: readonly T[],
  filter: PlaceFilter,
): T[] {
  return Array.from(filterPlaceIndex(buildPlaceIndex(places), filter), (i) => places[i]!);
}

/** Query parameters the places filter owns. */
const PARAMS = {
  industries: 'pi',
  district: 'pd',
  stages: 'ps',
  investment: 'pinv',
  years: 'py',
  query: 'pq',
} as const;

function parseRange(text: string | null): [number | null, number | null] {
  if (!text) return [null, null];
  const [a = '', b = ''] = text.split('~');
  const read = (s: string) => (s.trim() === '' || !Number.isFinite(Number(s)) ? null : Number(s));
  return [read(a), read(b)];
}

function formatRange([a, b]: readonly [number | null, number | null]): string | null {
  return a === null && b === null ? null : `${a ?? ''}~${b ?? ''}`;
}

const STAGE_IDS: ReadonlySet<string> = new Set<ProjectStage>([
  'planning',
  'preliminary',
  'construction',
  'equipment',
  'trial',
  'completed',
  'underway',
  'unknown',
]);

/**
 * Reads the places filter from a query string (`pi=textiles,chemicals&pd=330503&pinv=5~&pq=…`).
 * Kinds are not read: which kinds show follows the layer groups. Malformed parts are dropped.
 */
export function parsePlaceFilter(search: string): PlaceFilter {
  const params = new URLSearchParams(search);
  const list = (key: string) =>
    (params.get(key) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  return {
    kinds: [],
    industryIds: list(PARAMS.industries),
    districtCode: params.get(PARAMS.district) || null,
    stages: list(PARAMS.stages).filter((s): s is ProjectStage => STAGE_IDS.has(s)),
    investmentYiYuan: parseRange(params.get(PARAMS.investment)),
    years: parseRange(params.get(PARAMS.years)),
    query: params.get(PARAMS.query) ?? '',
  };
}

/** Writes the filter into a query string, keeping other parameters and leaving blanks out. */
export function serializePlaceFilter(filter: PlaceFilter, existingSearch: string): string {
  const params = new URLSearchParams(existingSearch);
  const put = (key: string, value: string | null) => {
    if (value === null || value === '') params.delete(key);
    else params.set(key, value);
  };
  put(PARAMS.industries, filter.industryIds.join(','));
  put(PARAMS.district, filter.districtCode);
  put(PARAMS.stages, filter.stages.join(','));
  put(PARAMS.investment, formatRange(filter.investmentYiYuan));
  put(PARAMS.years, formatRange(filter.years));
  put(PARAMS.query, filter.query.trim());
  return `?${params.toString().replaceAll('%2C', ',').replaceAll('%7E', '~')}`;
}
