/**
 * The places behind the figures: enterprises, projects, parks, towns, clusters, platforms and
 * markets named in the seed documents, each with a point on the map and an honest account of
 * how that point was chosen.
 */

export type PlaceKind =
  'enterprise' | 'project' | 'park' | 'specialty-town' | 'cluster' | 'platform' | 'market';

/**
 * How fine the point is. `town`: a GeoNames town point (the place is in or beside that town).
 * `district`: a schematic point inside the district outline; only the district is known.
 * `city`: the seeds tie the place to no district with an outline; the point sits beside the
 * city seat only so the place can be listed and clicked. `exact` and `park` are reserved for
 * sourced addresses or park outlines, which no input has yet.
 */
export type PlacePrecision = 'exact' | 'park' | 'town' | 'district' | 'city';

/**
 * Whether the location comes from the record's own seed row (`named`: its district or town is
 * printed with it) or from neighbouring seed text (`context`: e.g. the industry table's focus
 * area), or from nothing beyond the city (`none`).
 */
export type LocationBasis = 'named' | 'context' | 'none';

/** Stages a project's printed progress (形象进度) is normalised to; see project-stage.ts. */
export type ProjectStage =
  | 'planning'
  | 'preliminary'
  | 'construction'
  | 'equipment'
  | 'trial'
  | 'completed'
  | 'underway'
  | 'unknown';

/** A seed file and inclusive line ranges in it. */
export interface PlaceSource {
  file: string;
  lines: Array<[number, number]>;
}

/** A town the seeds name or imply for a record, and the seed lines that do. */
export interface TownHint {
  townZh: string;
  basis: LocationBasis;
  source: PlaceSource;
}

/** A place as read from the seeds, before it has a point. */
export interface PlaceRecord {
  /**
   * Stable id, prefixed with its city (`hz`/`sx`, see {@link cityCodeOfPlaceId}): `hz-ent-07`,
   * `hz-prj-31`, `sx-ent-12`, `hz-plc-<hash of the name>`.
   */
  id: string;
  kind: PlaceKind;
  nameZh: string;
  nameEn?: string;
  cityCode: string;
  /** District codes from regions.ts; the first is where the point goes. May be empty. */
  districtCodes: string[];
  /** How the district codes are known; `none` when there are none. */
  districtBasis: LocationBasis;
  industryId: string;
  /** The industry as the seed row prints it, or the catalogue's name when the row has none. */
  industryZh: string;
  productsZh?: string;
  /** What the seed calls the enterprise (龙头企业, 优势企业 …), as printed. */
  roleZh?: string;
  contentZh?: string;
  investmentYiYuan?: number;
  startYear?: number;
  endYear?: number;
  stage?: ProjectStage;
  progressZh?: string;
  /** Candidate towns, best first. */
  townHints: TownHint[];
  sources: PlaceSource[];
}

/** A place with its point and how the point was chosen. */
export interface Place extends PlaceRecord {
  precision: PlacePrecision;
  /** The basis of the point itself (a town hint's basis at `town` precision). */
  locationBasis: LocationBasis;
  locationBasisZh: string;
  locationBasisEn: string;
  /** The district whose outline holds the point; '' at `city` precision. */
  pointDistrictCode: string;
  /** The matched town and its GeoNames id, at `town` precision. */
  townZh?: string;
  townGeonamesId?: number;
  /** The seed lines that name or imply the town, at `town` precision. */
  locationSource?: PlaceSource;
  lon: number;
  lat: number;
}

const CITY_OF_ID_PREFIX: Readonly<Record<string, string>> = { hz: '330500', sx: '330600' };

/** The city a place id belongs to (`hz-…` Huzhou, `sx-…` Shaoxing); '' when unknown. */
export function cityCodeOfPlaceId(id: string): string {
  return CITY_OF_ID_PREFIX[id.slice(0, 2)] ?? '';
}

/** `000_a41b79af9300f26d.txt:219-224;230`, the compact citation used in flat properties. */
export function formatPlaceSource(source: PlaceSource): string {
  const lines = source.lines.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(';');
  return `${source.file}:${lines}`;
}

/** Parses {@link formatPlaceSource}'s form back; null when malformed. */
export function parsePlaceSource(text: string): PlaceSource | null {
  const match = /^([^:]+):(\d+(?:-\d+)?(?:;\d+(?:-\d+)?)*)$/.exec(text);
  if (!match) return null;
  const lines = match[2]!.split(';').map((part): [number, number] => {
    const [a = '', b] = part.split('-');
    return [Number(a), Number(b ?? a)];
  });
  return { file: match[1]!, lines };
}
