/**
 * What the Shaoxing pilot plan (seed 002) says about each district. The plan sets no
 * per-district targets, so Shaoxing's heatmap shows profiles instead: which key industries
 * name a district as their focus area or base, and which parks, zones, specialty towns and
 * clusters the plan places there. Each count carries the names it counts and the seed lines
 * they come from.
 *
 * A place the seeds tie to no district is not guessed at: it is counted nowhere and listed in
 * `unplaced`, so a planner can see what the district figures leave out.
 */
import type { SourceRef, SourceTables } from '../indicators/indicator-catalogue.ts';
import type { MapMeasure, MeasureValue } from '../indicators/map-measure.ts';
import { unitDisplayFor } from '../indicators/unit-display.ts';
import { CITIES, districtByCode, districtsOfCity, type DistrictInfo } from '../regions.ts';
import type { SeedRow, SeedTable } from '../seeds/seed-csv.format.ts';
import { PLACE_TYPES, SHAOXING_INDUSTRIES } from '../seeds/seed-schema.ts';
import { splitList } from '../seeds/seed-validate.ts';
import { cellText, sourceCiter, uniqueSources } from './source-refs.ts';

/** GB/T 2260 code of 绍兴市. */
export const SHAOXING_CITY_CODE = '330600';

export const FOCUS_AREAS_FILE = 'industry-focus-areas.csv';
export const NAMED_PLACES_FILE = 'named-places.csv';

/** How a focus-area row ties an industry to a place (seeds/README.md, industry-focus-areas.csv). */
export type FocusRole = 'focus' | 'park' | 'rectification' | 'pilot' | 'brand' | 'base';

export type PlaceType = (typeof PLACE_TYPES)[number];

/** One seed row naming a place as a focus area (or base, pilot…) of an industry's sub-sector. */
export interface FocusMention {
  subSectorZh: string;
  /** The place as the seed prints it (柯桥, 袍江, 上虞区). */
  placeZh: string;
  role: FocusRole;
  source: SourceRef;
}

/** The sub-sectors of one industry that name a district. */
export interface IndustryFocus {
  industryId: string;
  industryZh: string;
  /** In the seed table's order. */
  mentions: FocusMention[];
}

/** A park, zone, town, market or cluster the seeds place in a district. */
export interface ProfilePlace {
  nameZh: string;
  placeType: PlaceType;
  /** `named`: the seed names the district with the place; `context`: nearby text ties them. */
  basis: 'named' | 'context';
  /** Every district the seed row gives; a place such as a two-district cluster has several. */
  districtCodes: string[];
  source: SourceRef;
}

export interface DistrictProfile {
  districtCode: string;
  /** Industries naming the district, in the plan's industry order. */
  industries: IndustryFocus[];
  /** In the seed table's order. */
  places: ProfilePlace[];
}

/** A seed row that names no Shaoxing district, and so is counted in no district. */
export interface UnplacedItem {
  /** The seed CSV the row is in. */
  file: typeof FOCUS_AREAS_FILE | typeof NAMED_PLACES_FILE;
  nameZh: string;
  /** The place type of a named place; the industry id of a focus-area row. */
  kindId: string;
  /** The seed CSV's own note on the row (English for named places); empty when none. */
  note: string;
  source: SourceRef;
}

export interface ShaoxingProfile {
  /** All six districts in regions.ts order, including any the seeds say nothing about. */
  districts: DistrictProfile[];
  unplaced: UnplacedItem[];
}

/** The focus-area and named-place tables, with the tables that name their documents. */
export interface ProfileTables extends SourceTables {
  /** seeds/industry-focus-areas.csv. */
  focusAreas: SeedTable;
  /** seeds/named-places.csv. */
  namedPlaces: SeedTable;
}

const FOCUS_ROLES: readonly FocusRole[] = [
  'focus',
  'park',
  'rectification',
  'pilot',
  'brand',
  'base',
];

function isFocusRole(value: string): value is FocusRole {
  return (FOCUS_ROLES as readonly string[]).includes(value);
}

function isPlaceType(value: string): value is PlaceType {
  return (PLACE_TYPES as readonly string[]).includes(value);
}

const cityCodes = new Set(CITIES.map((c) => c.code));

/**
 * The Shaoxing district a code names; undefined for a city-wide code, which places nothing.
 * A code of no known area, or of another city's district, throws: counting it would put a
 * figure on the wrong map.
 */
function shaoxingDistrict(code: string, where: string): DistrictInfo | undefined {
  if (cityCodes.has(code)) return undefined;
  const district = districtByCode(code);
  if (!district) throw new Error(`${where}: unknown district code ${code}`);
  if (district.cityCode !== SHAOXING_CITY_CODE) {
    throw new Error(`${where}: ${code} is not a Shaoxing district`);
  }
  return district;
}

function where(file: string, row: SeedRow): string {
  return `${file}:${row.row}`;
}

function industryOrder(id: string): number {
  const index = (SHAOXING_INDUSTRIES as readonly string[]).indexOf(id);
  return index < 0 ? SHAOXING_INDUSTRIES.length : index;
}

/**
 * Builds each Shaoxing district's profile from the focus-area and named-place seed tables.
 * Rows of other cities are skipped; a row with an unknown role or place type, or a district
 * code outside Shaoxing, throws rather than being guessed at.
 */
export function buildShaoxingProfile(tables: ProfileTables): ShaoxingProfile {
  const districts = districtsOfCity(SHAOXING_CITY_CODE).map((d): DistrictProfile => ({
    districtCode: d.code,
    industries: [],
    places: [],
  }));
  const byCode = new Map(districts.map((d) => [d.districtCode, d]));
  const unplaced: UnplacedItem[] = [];

  const citeFocus = sourceCiter(tables, FOCUS_AREAS_FILE);
  for (const row of tables.focusAreas.rows) {
    if (cellText(row, 'city_code') !== SHAOXING_CITY_CODE) continue;
    const at = where(FOCUS_AREAS_FILE, row);
    const role = cellText(row, 'role');
    if (!isFocusRole(role)) throw new Error(`${at}: unknown role ${role}`);
    const industryId = cellText(row, 'industry_id');
    const mention: FocusMention = {
      subSectorZh: cellText(row, 'sub_sector_zh'),
      placeZh: cellText(row, 'place_zh'),
      role,
      source: citeFocus(row),
    };
    const district = shaoxingDistrict(cellText(row, 'district_code'), at);
    const profile = district && byCode.get(district.code);
    if (!profile) {
      unplaced.push({
        file: FOCUS_AREAS_FILE,
        nameZh: `${mention.subSectorZh}（${mention.placeZh}）`,
        kindId: industryId,
        note: '',
        source: mention.source,
      });
      continue;
    }
    let industry = profile.industries.find((i) => i.industryId === industryId);
    if (!industry) {
      industry = { industryId, industryZh: cellText(row, 'industry_zh'), mentions: [] };
      profile.industries.push(industry);
    }
    industry.mentions.push(mention);
  }

  const citePlace = sourceCiter(tables, NAMED_PLACES_FILE);
  for (const row of tables.namedPlaces.rows) {
    if (cellText(row, 'city_code') !== SHAOXING_CITY_CODE) continue;
    const at = where(NAMED_PLACES_FILE, row);
    const placeType = cellText(row, 'place_type');
    if (!isPlaceType(placeType)) throw new Error(`${at}: unknown place type ${placeType}`);
    const nameZh = cellText(row, 'name_zh');
    const source = citePlace(row);
    const codes = splitList(cellText(row, 'district_codes'))
      .map((code) => shaoxingDistrict(code, at)?.code)
      .filter((code): code is string => code !== undefined);
    if (codes.length === 0) {
      unplaced.push({
        file: NAMED_PLACES_FILE,
        nameZh,
        kindId: placeType,
        note: cellText(row, 'note'),
        source,
      });
      continue;
    }
    const basis = cellText(row, 'district_basis') === 'context' ? 'context' : 'named';
    for (const code of codes) {
      byCode
        .get(code)
        ?.places.push({ nameZh, placeType, basis, districtCodes: codes, source: source });
    }
  }

  for (const profile of districts) {
    profile.industries.sort((a, b) => industryOrder(a.industryId) - industryOrder(b.industryId));
  }
  return { districts, unplaced };
}

/** An industry's distinct sub-sectors as the seed names them, in first-mention order. */
export function subSectorsOf(focus: IndustryFocus): string[] {
  return [...new Set(focus.mentions.map((m) => m.subSectorZh))];
}

/** Parks, zones and industrial bases: the platforms where industrial land is planned. */
export const PARK_PLACE_TYPES: readonly PlaceType[] = [
  'development_zone',
  'industrial_park',
  'industrial_cluster_zone',
  'industrial_belt',
  'demonstration_base',
  'design_base',
];

/** English names of the plan's industries; the Chinese names come from the seed rows. */
export const SHAOXING_INDUSTRY_NAMES_EN: Readonly<
  Record<(typeof SHAOXING_INDUSTRIES)[number], string>
> = {
  textiles: 'Textiles',
  chemicals: 'Chemicals',
  metal_processing: 'Metal processing',
  yellow_wine: 'Yellow wine (huangjiu)',
  pearls: 'Pearls',
  bearings: 'Bearings',
  kitchenware: 'Kitchenware',
  motors: 'Electric motors',
};

/** Picker groups of the Shaoxing profile measures; the UI words them through i18n. */
export const SHAOXING_PROFILE_GROUP = 'shaoxing_profile';
export const SHAOXING_INDUSTRY_GROUP = 'shaoxing_industry';

/** Measure id of one industry's sub-sector counts. */
export function industryMeasureId(industryId: string): string {
  return `shaoxing_industry_${industryId}`;
}

const ROLE_LABELS_ZH: Readonly<Record<FocusRole, string>> = {
  focus: '重点区域',
  park: '园区',
  rectification: '整治',
  pilot: '试点',
  brand: '品牌',
  base: '基地',
};

/**
 * A sub-sector as the note lists it: the place when the seed names it differently from the
 * district (石化及化学制品制造（袍江）), and the roles when it is more than a focus area.
 */
function subSectorLabel(
  focus: IndustryFocus,
  subSectorZh: string,
  district: DistrictInfo | undefined,
): string {
  const mentions = focus.mentions.filter((m) => m.subSectorZh === subSectorZh);
  const districtNames = [district?.shortNameZh, district?.nameZh];
  const places = [...new Set(mentions.map((m) => m.placeZh))].filter(
    (p) => !districtNames.includes(p),
  );
  const roles = [...new Set(mentions.map((m) => m.role))];
  const qualifiers = [
    ...places,
    ...(roles.length === 1 && roles[0] === 'focus' ? [] : roles.map((r) => ROLE_LABELS_ZH[r])),
  ];
  return qualifiers.length > 0 ? `${subSectorZh}（${qualifiers.join('、')}）` : subSectorZh;
}

function placeLabel(place: ProfilePlace): string {
  return place.basis === 'context' ? `${place.nameZh}（据上下文）` : place.nameZh;
}

function countValue(
  districtCode: string,
  labels: readonly string[],
  sources: readonly SourceRef[],
): MeasureValue {
  return {
    districtCode,
    value: labels.length,
    note: labels.join('、'),
    sources: uniqueSources(sources),
  };
}

function profileMeasure(
  id: string,
  group: string,
  names: { zh: string; en: string },
  districts: MeasureValue[],
): MapMeasure & { nonNegative: boolean } {
  return {
    id,
    nameZh: names.zh,
    nameEn: names.en,
    group,
    unit: unitDisplayFor('count', '个'),
    unitZh: '个',
    polarity: 'higher-is-better',
    kind: 'level',
    // A count cannot be below zero.
    nonNegative: true,
    basis: 'profile',
    cityCode: SHAOXING_CITY_CODE,
    year: null,
    districts,
    // A city total would either count the unplaced places or leave them out silently;
    // neither is a figure the plan states.
    city: null,
  };
}

function placeMeasure(
  profile: ShaoxingProfile,
  id: string,
  names: { zh: string; en: string },
  include: (place: ProfilePlace) => boolean,
): MapMeasure {
  return profileMeasure(
    id,
    SHAOXING_PROFILE_GROUP,
    names,
    profile.districts.map((d) => {
      const places = d.places.filter(include);
      return countValue(
        d.districtCode,
        places.map(placeLabel),
        places.map((p) => p.source),
      );
    }),
  );
}

/**
 * The Shaoxing profiles as heatmap measures, one figure per district, each a count whose note
 * lists what it counts and whose sources are every seed line counted:
 * - `shaoxing_focus_industries`: industries naming the district as a focus area, base or pilot;
 * - `shaoxing_named_places`: every park, zone, town, market, cluster and title placed there;
 * - `shaoxing_parks_zones`: only development zones, parks, cluster zones and industrial bases;
 * - `shaoxing_specialty_towns`: only specialty towns (特色小镇);
 * - `shaoxing_industry_<id>`, one per industry that names any district: the sub-sectors of that
 *   industry naming the district (0 where it names none).
 * A count of 0 is what the seeds say (they name nothing there), not a missing figure.
 */
export function shaoxingProfileMeasures(profile: ShaoxingProfile): MapMeasure[] {
  const focusIndustries = profileMeasure(
    'shaoxing_focus_industries',
    SHAOXING_PROFILE_GROUP,
    {
      zh: '以该区县为重点区域或基地的产业数',
      en: 'Industries with the district as a focus area or base',
    },
    profile.districts.map((d) =>
      countValue(
        d.districtCode,
        d.industries.map((i) => i.industryZh),
        d.industries.flatMap((i) => i.mentions.map((m) => m.source)),
      ),
    ),
  );

  const industries = new Map<string, string>();
  for (const d of profile.districts) {
    for (const i of d.industries) industries.set(i.industryId, i.industryZh);
  }
  const industryIds = [...industries.keys()].sort((a, b) => industryOrder(a) - industryOrder(b));
  const perIndustry = industryIds.map((industryId) => {
    const industryZh = industries.get(industryId) ?? industryId;
    const nameEn =
      SHAOXING_INDUSTRY_NAMES_EN[industryId as keyof typeof SHAOXING_INDUSTRY_NAMES_EN] ??
      industryZh;
    return profileMeasure(
      industryMeasureId(industryId),
      SHAOXING_INDUSTRY_GROUP,
      {
        zh: `${industryZh}：点名该区县的细分领域数`,
        en: `${nameEn}: sub-sectors naming the district`,
      },
      profile.districts.map((d) => {
        const focus = d.industries.find((i) => i.industryId === industryId);
        if (!focus) return countValue(d.districtCode, [], []);
        const district = districtByCode(d.districtCode);
        return countValue(
          d.districtCode,
          subSectorsOf(focus).map((s) => subSectorLabel(focus, s, district)),
          focus.mentions.map((m) => m.source),
        );
      }),
    );
  });

  return [
    focusIndustries,
    placeMeasure(
      profile,
      'shaoxing_named_places',
      { zh: '方案点名的园区、小镇与集群', en: 'Named parks, towns and clusters' },
      () => true,
    ),
    placeMeasure(
      profile,
      'shaoxing_parks_zones',
      { zh: '开发区、园区与产业基地', en: 'Development zones, parks and industrial bases' },
      (p) => PARK_PLACE_TYPES.includes(p.placeType),
    ),
    placeMeasure(
      profile,
      'shaoxing_specialty_towns',
      { zh: '特色小镇', en: 'Specialty towns' },
      (p) => p.placeType === 'specialty_town',
    ),
    ...perIndustry,
  ];
}
