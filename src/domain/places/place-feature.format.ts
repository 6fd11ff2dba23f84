import type { Feature, FeatureCollection, Point } from 'geojson';
import type { LocationBasis, Place, PlaceKind, PlacePrecision, ProjectStage } from './place.ts';
import { industryById } from './industry.ts';
import { describeLocation, type LocatedRecord } from './location-basis.ts';
import { cityCodeOfPlaceId, formatPlaceSource, parsePlaceSource } from './place.ts';

/**
 * A place as flat feature properties, the contract of public/data/places.geojson: strings and
 * numbers only, so MapLibre expressions can read them. Optional fields are left out when blank.
 */
export type PlaceProperties = {
  /** Stable id; its first two letters name the city (`hz`, `sx`), see cityCodeOfPlaceId. */
  place_id: string;
  kind: PlaceKind;
  name_zh: string;
  name_en?: string;
  /** `;`-joined; the first is where the record belongs, '' when the seeds name none. */
  district_codes: string;
  /** How the district codes are known. */
  district_basis: LocationBasis;
  /** The district whose outline holds the point; '' at `city` precision. */
  point_district: string;
  /** An id of industry.ts, which holds its names and colour. */
  industry_id: string;
  products_zh?: string;
  role_zh?: string;
  content_zh?: string;
  investment_yi_yuan?: number;
  start_year?: number;
  end_year?: number;
  stage?: ProjectStage;
  progress_zh?: string;
  precision: PlacePrecision;
  /** How the point was chosen; describeLocation words it. */
  location_basis: LocationBasis;
  town_zh?: string;
  town_geonames_id?: number;
  /** `file:lines` of the seed text that names or implies the town. */
  location_source?: string;
  /** `file:lines` citations joined by `,`, e.g. `000_a41b79af9300f26d.txt:219-224`. */
  sources: string;
};

export type PlaceFeature = Feature<Point, PlaceProperties>;

/** The flat properties of a place, keys in a fixed order so the file's bytes are stable. */
export function placeProperties(place: Place): PlaceProperties {
  const optional = {
    name_en: place.nameEn,
    products_zh: place.productsZh,
    role_zh: place.roleZh,
    content_zh: place.contentZh,
    investment_yi_yuan: place.investmentYiYuan,
    start_year: place.startYear,
    end_year: place.endYear,
    stage: place.stage,
    progress_zh: place.progressZh,
    town_zh: place.townZh,
    town_geonames_id: place.townGeonamesId,
    location_source: place.locationSource ? formatPlaceSource(place.locationSource) : undefined,
  };
  const props: Record<string, string | number> = {
    place_id: place.id,
    kind: place.kind,
    name_zh: place.nameZh,
    district_codes: place.districtCodes.join(';'),
    district_basis: place.districtBasis,
    point_district: place.pointDistrictCode,
    industry_id: place.industryId,
    precision: place.precision,
    location_basis: place.locationBasis,
    sources: place.sources.map(formatPlaceSource).join(','),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined && value !== '') props[key] = value;
  }
  return props as PlaceProperties;
}

/**
 * The places as a GeoJSON FeatureCollection of points; each feature's `id` is its index (for
 * MapLibre feature-state), `place_id` the stable id.
 */
export function placesToGeojson(
  places: readonly Place[],
): FeatureCollection<Point, PlaceProperties> {
  return {
    type: 'FeatureCollection',
    features: places.map((place, index): PlaceFeature => ({
      type: 'Feature',
      id: index,
      properties: placeProperties(place),
      geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
    })),
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Reads a feature of places.geojson back into a Place (for a list or a card), wording its
 * location basis and naming its industry from the catalogue. Defensive: unknown or missing
 * fields become blanks rather than throwing, as a hand-edited file may have them.
 */
export function placeFromFeature(feature: Feature<Point, Record<string, unknown> | null>): Place {
  const p = feature.properties ?? {};
  const [lon = Number.NaN, lat = Number.NaN] = feature.geometry.coordinates;
  const industryId = text(p.industry_id);
  const locationSource = parsePlaceSource(text(p.location_source));
  const located: LocatedRecord = {
    id: text(p.place_id),
    kind: text(p.kind) as PlaceKind,
    nameZh: text(p.name_zh),
    nameEn: optionalText(p.name_en),
    cityCode: cityCodeOfPlaceId(text(p.place_id)),
    districtCodes: text(p.district_codes)
      .split(';')
      .filter((c) => c !== ''),
    districtBasis: (text(p.district_basis) || 'none') as LocationBasis,
    industryId,
    industryZh: industryById(industryId)?.nameZh ?? industryId,
    productsZh: optionalText(p.products_zh),
    roleZh: optionalText(p.role_zh),
    contentZh: optionalText(p.content_zh),
    investmentYiYuan: optionalNumber(p.investment_yi_yuan),
    startYear: optionalNumber(p.start_year),
    endYear: optionalNumber(p.end_year),
    stage: optionalText(p.stage) as ProjectStage | undefined,
    progressZh: optionalText(p.progress_zh),
    townHints: [],
    sources: text(p.sources)
      .split(',')
      .map(parsePlaceSource)
      .filter((s) => s !== null),
    precision: text(p.precision) as PlacePrecision,
    locationBasis: (text(p.location_basis) || 'none') as LocationBasis,
    pointDistrictCode: text(p.point_district),
    townZh: optionalText(p.town_zh),
    townGeonamesId: optionalNumber(p.town_geonames_id),
    ...(locationSource ? { locationSource } : {}),
    lon,
    lat,
  };
  const words = describeLocation(located);
  return { ...located, locationBasisZh: words.zh, locationBasisEn: words.en };
}
