/**
 * The catalogue of per-district indicators a planner can map, rank and track, built from the
 * district-target seed records (seeds/huzhou-2023-district-targets.csv, read with
 * readDistrictTargets). Each target keeps its note and its source (seed file and lines, and the
 * document when seeds/sources.csv is given), so every figure on screen can be traced.
 *
 * A blank seed value stays null with its note (待省下达…, "/"); it is never read as zero.
 * An indicator is mappable for a city and year only when at least two districts have a number:
 * a choropleth of one value, or of none, compares nothing.
 */
import type { DistrictValue } from '../classification/classify.ts';
import { CITIES, districtByCode, DISTRICTS } from '../regions.ts';
import type { SeedRow, SeedTable } from '../seeds/seed-csv.format.ts';
import type { DistrictTarget, SeedSource } from '../seeds/seed-records.ts';
import { DISTRICT_TARGET_GROUPS } from '../seeds/seed-schema.ts';
import type { SeedUnitId } from '../seeds/seed-units.ts';
import type { Locale } from '../view-state.ts';
import {
  DEFAULT_SEMANTICS,
  INDICATOR_SEMANTICS,
  type IndicatorKind,
  type Polarity,
} from './indicator-semantics.ts';
import { unitDisplayFor, type UnitDisplay } from './unit-display.ts';

export type IndicatorGroup = (typeof DISTRICT_TARGET_GROUPS)[number];

/** Fewest districts with a number for a choropleth to compare anything. */
export const MIN_MAPPABLE_DISTRICTS = 2;

/** The policy document a seed file holds, from seeds/sources.csv. */
export interface SourceDocument {
  /** Issuing number such as 湖政办发〔2023〕22号; empty when the document has none. */
  docNumber: string;
  titleZh: string;
  titleEn: string;
}

/** Where a figure comes from: seed file and inclusive line ranges, document and section. */
export interface SourceRef extends SeedSource {
  /** Null when no sources table was given or it does not list the file. */
  document: SourceDocument | null;
  /** The part of the document the table was taken from (附件1 附1 …); empty when unknown. */
  sectionZh: string;
}

/** Tables that name where the seed figures come from, both optional. */
export interface SourceTables {
  /** seeds/sources.csv: one row per seed document, with its number and title. */
  sources?: SeedTable;
  /** seeds/datasets.csv: one row per seed CSV, with the document section it was taken from. */
  datasets?: SeedTable;
}

/** One area's target for an indicator and year. */
export interface TargetValue {
  /** District code from regions.ts, or the city code for the whole-city column. */
  districtCode: string;
  /** The area's name as the source table prints it (吴兴, 全市). */
  nameZhAsPrinted: string;
  /** Null when the table gives no number; `note` then says why. */
  value: number | null;
  /** The table's remark on the cell, verbatim: 含南太湖新区, "/", 待省下达…; empty when none. */
  note: string;
  /** Department answerable for the target (市经信局 …). */
  responsibleUnit: string;
  source: SourceRef;
}

/** An indicator's targets for one city and year. */
export interface IndicatorTargets {
  cityCode: string;
  year: number;
  /** The whole-city column; null when the table has none. */
  city: TargetValue | null;
  /** Districts and functional zones, in regions.ts order. */
  districts: TargetValue[];
  /** Districts whose target is a number. */
  numericDistrictCount: number;
  /** True when at least MIN_MAPPABLE_DISTRICTS districts have a number. */
  mappable: boolean;
}

export interface Indicator {
  id: string;
  nameZh: string;
  nameEn: string;
  group: IndicatorGroup;
  unitId: SeedUnitId;
  /** The unit as the table prints it (万元/亩, 家, 项…). */
  unitZh: string;
  /** How values are written for a reader, in Chinese and English. */
  unit: UnitDisplay;
  polarity: Polarity;
  kind: IndicatorKind;
  nonNegative: boolean;
  /** False when INDICATOR_SEMANTICS did not know the indicator and defaults were used. */
  semanticsDeclared: boolean;
  /** Years with targets, ascending. */
  years: number[];
  /** One entry per city and year, sorted by city code then year. */
  targets: IndicatorTargets[];
}

export interface IndicatorCatalogue {
  /** In the seed table's order of first appearance. */
  indicators: Indicator[];
}

const cityCodes = new Set(CITIES.map((c) => c.code));
const districtOrder = new Map(DISTRICTS.map((d, i) => [d.code, i]));

function cell(row: SeedRow, column: string): string {
  return row.cells[column] ?? '';
}

function isGroup(value: string): value is IndicatorGroup {
  return (DISTRICT_TARGET_GROUPS as readonly string[]).includes(value);
}

function documentsByFile(sources: SeedTable | undefined): Map<string, SourceDocument> {
  const documents = new Map<string, SourceDocument>();
  for (const row of sources?.rows ?? []) {
    documents.set(cell(row, 'source_file'), {
      docNumber: cell(row, 'doc_number'),
      titleZh: cell(row, 'title_zh'),
      titleEn: cell(row, 'title_en'),
    });
  }
  return documents;
}

/** The file name the district targets are read from, to find its section in datasets.csv. */
export const DISTRICT_TARGETS_FILE = 'huzhou-2023-district-targets.csv';

/**
 * Builds the catalogue from the district-target records (readDistrictTargets). A record it
 * cannot place, with an unknown indicator group or area code, throws rather than being
 * guessed at, since a guess would put a figure on the wrong district.
 *
 * @param records seeds/huzhou-2023-district-targets.csv as read by readDistrictTargets.
 * @param sourceTables seeds/sources.csv and seeds/datasets.csv as parsed by parseSeedCsv, to
 *   name each figure's document and section.
 */
export function buildIndicatorCatalogue(
  records: readonly DistrictTarget[],
  sourceTables: SourceTables = {},
): IndicatorCatalogue {
  const documents = documentsByFile(sourceTables.sources);
  const dataset = sourceTables.datasets?.rows.find(
    (r) => cell(r, 'dataset_file') === DISTRICT_TARGETS_FILE,
  );
  const sectionZh = dataset ? cell(dataset, 'section_zh') : '';
  const indicators = new Map<string, Indicator>();
  for (const record of records) {
    const { indicatorId: id, group, districtCode: code, year } = record;
    const where = `${id} ${code} ${year}`;
    if (!isGroup(group)) throw new Error(`${where}: unknown indicator group ${group}`);
    const cityCode = cityCodes.has(code) ? code : districtByCode(code)?.cityCode;
    if (cityCode === undefined) throw new Error(`${where}: unknown area code ${code}`);

    let indicator = indicators.get(id);
    if (!indicator) {
      const declared = INDICATOR_SEMANTICS[id];
      indicator = {
        id,
        nameZh: record.nameZh,
        nameEn: record.nameEn,
        group,
        unitId: record.unit,
        unitZh: record.unitZh,
        unit: unitDisplayFor(record.unit, record.unitZh),
        ...(declared ?? DEFAULT_SEMANTICS),
        semanticsDeclared: declared !== undefined,
        years: [],
        targets: [],
      };
      indicators.set(id, indicator);
    }
    let targets = indicator.targets.find((t) => t.cityCode === cityCode && t.year === year);
    if (!targets) {
      targets = {
        cityCode,
        year,
        city: null,
        districts: [],
        numericDistrictCount: 0,
        mappable: false,
      };
      indicator.targets.push(targets);
    }
    const target: TargetValue = {
      districtCode: code,
      nameZhAsPrinted: record.districtNameZh,
      value: record.value,
      note: record.note,
      responsibleUnit: record.responsibleUnit,
      source: {
        ...record.source,
        document: documents.get(record.source.file) ?? null,
        sectionZh,
      },
    };
    if (code === cityCode) targets.city = target;
    else targets.districts.push(target);
  }

  for (const indicator of indicators.values()) {
    indicator.targets.sort((a, b) => a.cityCode.localeCompare(b.cityCode) || a.year - b.year);
    indicator.years = [...new Set(indicator.targets.map((t) => t.year))].sort((a, b) => a - b);
    for (const targets of indicator.targets) {
      targets.districts.sort(
        (a, b) =>
          (districtOrder.get(a.districtCode) ?? 0) - (districtOrder.get(b.districtCode) ?? 0),
      );
      targets.numericDistrictCount = targets.districts.filter((d) => d.value !== null).length;
      targets.mappable = targets.numericDistrictCount >= MIN_MAPPABLE_DISTRICTS;
    }
  }
  return { indicators: [...indicators.values()] };
}

/** An indicator's targets for one city and year; undefined when the table has none. */
export function targetsFor(
  indicator: Indicator,
  cityCode: string,
  year: number,
): IndicatorTargets | undefined {
  return indicator.targets.find((t) => t.cityCode === cityCode && t.year === year);
}

/** The catalogue split for a city and year into indicators that can be mapped and those that cannot. */
export function indicatorsForMap(
  catalogue: IndicatorCatalogue,
  cityCode: string,
  year: number,
): {
  mappable: Indicator[];
  notMappable: Array<{ indicator: Indicator; targets: IndicatorTargets }>;
} {
  const mappable: Indicator[] = [];
  const notMappable: Array<{ indicator: Indicator; targets: IndicatorTargets }> = [];
  for (const indicator of catalogue.indicators) {
    const targets = targetsFor(indicator, cityCode, year);
    if (!targets) continue;
    if (targets.mappable) mappable.push(indicator);
    else notMappable.push({ indicator, targets });
  }
  return { mappable, notMappable };
}

/** The district targets as classification and ranking input (null where there is no number). */
export function districtTargetValues(targets: IndicatorTargets): DistrictValue[] {
  return targets.districts.map((d) => ({ districtCode: d.districtCode, value: d.value }));
}

/** Line ranges as a reader writes them: `246`, `246–247`, `24, 30–31`. */
export function formatLineRanges(lines: readonly (readonly [number, number])[]): string {
  return lines.map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`)).join(', ');
}

/**
 * One line naming where a figure comes from, for tooltips and exports: the document's number
 * and section when known, then the seed file and lines, e.g.
 * `湖政办发〔2023〕22号 附件1 附1 主要指标各区县任务分解表，003_bf8a38d02e4bdcc0.txt 第 246 行`.
 */
export function formatSourceCitation(source: SourceRef, locale: Locale): string {
  const lines = formatLineRanges(source.lines);
  const doc = source.document;
  if (locale === 'en') {
    const title = doc ? [doc.docNumber, doc.titleEn && `(${doc.titleEn})`] : [];
    const head = [...title, source.sectionZh].filter((p) => p).join(' ');
    return [head, `${source.file} line ${lines}`].filter((p) => p).join(', ');
  }
  const head = [doc?.docNumber || doc?.titleZh, source.sectionZh].filter((p) => p).join(' ');
  return [head, `${source.file} 第 ${lines} 行`].filter((p) => p).join('，');
}
