/**
 * Joins imported records to the key enterprises the seeds name, so a row of an official's table
 * can say "this is 浙江美欣达印染集团股份有限公司, a key textiles enterprise in seed 000". A
 * credit code decides when both sides have one; otherwise the names are compared after
 * normalising away what differs between how a table and a policy document write the same
 * company: full- and half-width characters, spaces, brackets, the legal-form suffix (有限公司,
 * 股份有限公司, 有限责任公司 …) and a leading province or city name (the Shaoxing seed prints
 * 天圣化纤 where a register writes 浙江天圣化纤有限公司).
 */

/** A key enterprise from the seeds, as the join needs it. */
export interface SeedEnterprise {
  /** The place id in places.geojson (`hz-ent-07`, `sx-ent-12`). */
  placeId: string;
  nameZh: string;
  /** 统一社会信用代码, when the seed gives one. */
  creditCode?: string;
}

/** How a record was matched. */
export type SeedMatchBasis = 'creditCode' | 'name';

/** A record's match: the seed places it names (more than one when the seeds list it twice). */
export interface SeedMatch {
  placeIds: string[];
  by: SeedMatchBasis;
}

/** Legal-form suffixes, longest first so 股份有限公司 is taken whole, not as 有限公司. */
const LEGAL_FORM_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '股份合作公司',
  '有限公司',
  '股份公司',
  '公司',
  '股份',
  '厂',
] as const;

/** Leading place names a register adds and a policy document often leaves out. */
const LEADING_PLACE_NAMES = /^(浙江省|浙江|湖州市|湖州|绍兴市|绍兴)/;

/** Brackets (half-width after NFKC) with what they hold: a branch or former name. */
const BRACKETED = /\([^)]*\)/g;

/** The shortest a name may become after stripping; shorter keys match far too much. */
const MIN_KEY_LENGTH = 2;

/**
 * A company name reduced to what identifies it, for comparison only: NFKC (full-width letters,
 * digits and brackets become half-width), no spaces or bracketed parts, Latin letters lower
 * case, the legal-form suffix and a leading province/city name removed. Returns '' when too
 * little is left to compare safely.
 */
export function normaliseEnterpriseName(name: string): string {
  let key = name.normalize('NFKC').replace(BRACKETED, '').replace(/\s+/g, '').toLowerCase();
  for (const suffix of LEGAL_FORM_SUFFIXES) {
    if (key.endsWith(suffix) && key.length - suffix.length >= MIN_KEY_LENGTH) {
      key = key.slice(0, -suffix.length);
      break;
    }
  }
  const withoutPlace = key.replace(LEADING_PLACE_NAMES, '');
  if (withoutPlace.length >= MIN_KEY_LENGTH) key = withoutPlace;
  return key.length >= MIN_KEY_LENGTH ? key : '';
}

/** Seed enterprises indexed by credit code and by normalised name. */
export interface SeedEnterpriseIndex {
  byCreditCode: ReadonlyMap<string, string[]>;
  byName: ReadonlyMap<string, string[]>;
}

function addTo(map: Map<string, string[]>, key: string, placeId: string): void {
  if (key === '') return;
  const list = map.get(key);
  if (!list) map.set(key, [placeId]);
  else if (!list.includes(placeId)) list.push(placeId);
}

/** A credit code for comparison: NFKC (full-width to ASCII), no spaces, upper case. */
function creditCodeKey(code: string): string {
  return code.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** Indexes the seeds' enterprises once, for matching many records. */
export function indexSeedEnterprises(seeds: readonly SeedEnterprise[]): SeedEnterpriseIndex {
  const byCreditCode = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  for (const seed of seeds) {
    if (seed.creditCode) addTo(byCreditCode, creditCodeKey(seed.creditCode), seed.placeId);
    addTo(byName, normaliseEnterpriseName(seed.nameZh), seed.placeId);
  }
  return { byCreditCode, byName };
}

/**
 * The seed enterprise a record names, or null. A credit code found among the seeds wins; a
 * record whose credit code is not among them can still match by name, as the seeds rarely
 * print codes.
 */
export function matchSeedEnterprise(
  index: SeedEnterpriseIndex,
  record: { name?: unknown; creditCode?: unknown },
): SeedMatch | null {
  if (typeof record.creditCode === 'string' && record.creditCode.trim() !== '') {
    const placeIds = index.byCreditCode.get(creditCodeKey(record.creditCode));
    if (placeIds) return { placeIds: [...placeIds], by: 'creditCode' };
  }
  if (typeof record.name === 'string') {
    const placeIds = index.byName.get(normaliseEnterpriseName(record.name));
    if (placeIds) return { placeIds: [...placeIds], by: 'name' };
  }
  return null;
}

/** Matches for a layer's records, by record index, and how many records matched. */
export interface SeedJoin {
  matches: ReadonlyMap<number, SeedMatch>;
  matchedCount: number;
}

/** Joins every record of a layer (records' `fields.name` and `fields.creditCode`). */
export function joinSeedEnterprises(
  index: SeedEnterpriseIndex,
  records: ReadonlyArray<{ index: number; fields: Record<string, unknown> }>,
): SeedJoin {
  const matches = new Map<number, SeedMatch>();
  for (const record of records) {
    const match = matchSeedEnterprise(index, record.fields);
    if (match) matches.set(record.index, match);
  }
  return { matches, matchedCount: matches.size };
}
