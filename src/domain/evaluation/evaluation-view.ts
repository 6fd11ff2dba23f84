/**
 * An evaluation as the page shows it, built where the evaluation runs (the evaluation worker):
 * the figures and roll-ups, the table's rows in the chosen order a page at a time, and per
 * enterprise its class, flag and position in typed arrays, so a 200,000-record layer crosses to
 * the page as a few blocks instead of as 200,000 objects.
 */
import { centroid } from '@turf/turf';
import type { Geometry } from 'geojson';
import type { EvaluatedEnterprise, LayerEvaluation } from './evaluate-layer.ts';
import type { EvaluationClass } from './evaluation-settings.ts';
import type { FlagRule } from './high-consumption.flag.ts';
import type { EvaluationIndicator } from './per-mu-indicators.ts';

/** A column the enterprise table sorts by. */
export type SortKey =
  'name' | 'district' | 'size' | 'score' | 'class' | 'flag' | EvaluationIndicator;

/** Classes by their code in {@link EvaluatedRecords.classCode}: 0 is unclassed. */
export const CLASS_BY_CODE: readonly (EvaluationClass | null)[] = [null, 'A', 'B', 'C', 'D'];

/** Flags by their code in {@link EvaluatedRecords.flag} plus one: -1 undecided, 0 no, 1 yes. */
const FLAG_BY_CODE: readonly (boolean | null)[] = [null, false, true];

/** The evaluation without its per-enterprise rows, with the counts the panel states. */
export interface EvaluationSummary extends Omit<LayerEvaluation, 'enterprises'> {
  counts: { total: number; scored: number; unscored: number; flagged: number };
}

/**
 * The enterprises evaluated in the year, as parallel arrays in file order (entry `i` of each
 * array is the same enterprise). Numbers not given are NaN.
 */
export interface EvaluatedRecords {
  /** The record's index in its imported layer. */
  recordIndex: Int32Array;
  /** See {@link CLASS_BY_CODE}. */
  classCode: Uint8Array;
  /** -1 undecided, 0 not flagged, 1 flagged 高耗低效. */
  flag: Int8Array;
  /** WGS-84 position: a point as given, a shape's centroid; NaN without a geometry. */
  lon: Float64Array;
  lat: Float64Array;
  landMu: Float64Array;
  taxWanYuan: Float64Array;
}

/** Name and flag rules of an enterprise worth listing (class D or flagged), by record index. */
export interface ListedEnterprise {
  name: string;
  flagRules: FlagRule[];
}

/** Everything the page shows of one evaluation. */
export interface EvaluationView {
  evaluation: EvaluationSummary;
  /** The table's first rows in the chosen order; the rest are read by page. */
  rows: EvaluatedEnterprise[];
  /** Rows in the whole table. */
  rowCount: number;
  records: EvaluatedRecords;
  /** Geometries of the enterprises flagged 高耗低效, for the map's rings. */
  flaggedGeometries: Geometry[];
  /** Class-D and flagged enterprises' names and rules, by record index. */
  listed: Map<number, ListedEnterprise>;
}

/** One enterprise's class and flag, as the map colours it. */
export interface RecordClass {
  evaluationClass: EvaluationClass | null;
  flagged: boolean | null;
}

/** Class and flag per record index, read from the typed arrays of a view. */
export class RecordClasses {
  readonly #records: EvaluatedRecords;
  readonly #entryOf = new Map<number, number>();

  constructor(records: EvaluatedRecords) {
    this.#records = records;
    records.recordIndex.forEach((index, entry) => this.#entryOf.set(index, entry));
  }

  /** Enterprises evaluated. */
  get size(): number {
    return this.#entryOf.size;
  }

  /** The record's class and flag; undefined when it was not evaluated in the year. */
  get(recordIndex: number): RecordClass | undefined {
    const entry = this.#entryOf.get(recordIndex);
    if (entry === undefined) return undefined;
    return {
      evaluationClass: CLASS_BY_CODE[this.#records.classCode[entry] ?? 0] ?? null,
      flagged: FLAG_BY_CODE[(this.#records.flag[entry] ?? -1) + 1] ?? null,
    };
  }
}

const FLAG_ORDER = (f: boolean | null): number => (f === true ? 2 : f === null ? 1 : 0);
const CLASS_ORDER: Record<EvaluationClass, number> = { A: 4, B: 3, C: 2, D: 1 };

/** The sortable value of a row; null sorts last in either direction. */
function sortValue(row: EvaluatedEnterprise, key: SortKey): string | number | null {
  switch (key) {
    case 'name':
      return row.inputs.name || null;
    case 'district':
      return row.inputs.districtCode;
    case 'size':
      return row.inputs.sizeClass;
    case 'score':
      return row.score;
    case 'class':
      return row.evaluationClass === null ? null : CLASS_ORDER[row.evaluationClass];
    case 'flag':
      return FLAG_ORDER(row.flag.flagged);
    default:
      return row.indicators[key] ?? null;
  }
}

/** Rows sorted by a column, nulls last, ties kept in file order. */
export function sortRows(
  rows: readonly EvaluatedEnterprise[],
  key: SortKey,
  descending: boolean,
): EvaluatedEnterprise[] {
  const direction = descending ? -1 : 1;
  const collator = new Intl.Collator('zh-CN');
  const values = new Map(rows.map((row) => [row, sortValue(row, key)]));
  return [...rows].sort((a, b) => {
    const va = values.get(a) ?? null;
    const vb = values.get(b) ?? null;
    if (va === null || vb === null) {
      return va === vb ? a.inputs.recordIndex - b.inputs.recordIndex : va === null ? 1 : -1;
    }
    const order =
      typeof va === 'number' && typeof vb === 'number'
        ? va - vb
        : collator.compare(String(va), String(vb));
    return order !== 0 ? order * direction : a.inputs.recordIndex - b.inputs.recordIndex;
  });
}

/** Where a record lies: a point as given, any other geometry by its centroid. */
export function positionOfGeometry(geometry: Geometry | null | undefined): [number, number] {
  if (!geometry) return [NaN, NaN];
  const [lon = NaN, lat = NaN] =
    geometry.type === 'Point' ? geometry.coordinates : centroid(geometry).geometry.coordinates;
  return [lon, lat];
}

/** The evaluation's summary: everything but the rows, with their counts. */
export function summaryOf(evaluation: LayerEvaluation): EvaluationSummary {
  const { enterprises, ...rest } = evaluation;
  let scored = 0;
  let flagged = 0;
  for (const e of enterprises) {
    if (e.score !== null) scored += 1;
    if (e.flag.flagged === true) flagged += 1;
  }
  return {
    ...rest,
    counts: { total: enterprises.length, scored, unscored: enterprises.length - scored, flagged },
  };
}

/**
 * The page's view of an evaluation: `sorted` are its rows in the table's order, of which the
 * first `pageSize` go along; `geometryOf` gives a record's geometry by index.
 */
export function evaluationViewOf(
  evaluation: LayerEvaluation,
  sorted: readonly EvaluatedEnterprise[],
  pageSize: number,
  geometryOf: (recordIndex: number) => Geometry | null | undefined,
): EvaluationView {
  const enterprises = evaluation.enterprises;
  const n = enterprises.length;
  const records: EvaluatedRecords = {
    recordIndex: new Int32Array(n),
    classCode: new Uint8Array(n),
    flag: new Int8Array(n),
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    landMu: new Float64Array(n),
    taxWanYuan: new Float64Array(n),
  };
  const flaggedGeometries: Geometry[] = [];
  const listed = new Map<number, ListedEnterprise>();
  enterprises.forEach((e, i) => {
    const index = e.inputs.recordIndex;
    const geometry = geometryOf(index);
    const [lon, lat] = positionOfGeometry(geometry);
    const flagged = e.flag.flagged;
    records.recordIndex[i] = index;
    records.classCode[i] =
      e.evaluationClass === null ? 0 : CLASS_BY_CODE.indexOf(e.evaluationClass);
    records.flag[i] = flagged === null ? -1 : flagged ? 1 : 0;
    records.lon[i] = lon;
    records.lat[i] = lat;
    records.landMu[i] = e.inputs.figures.landAreaMu ?? NaN;
    records.taxWanYuan[i] = e.inputs.figures.taxWanYuan ?? NaN;
    if (flagged === true && geometry) flaggedGeometries.push(geometry);
    if (flagged === true || e.evaluationClass === 'D') {
      listed.set(index, { name: e.inputs.name, flagRules: flagged === true ? e.flag.rules : [] });
    }
  });
  return {
    evaluation: summaryOf(evaluation),
    rows: sorted.slice(0, pageSize),
    rowCount: sorted.length,
    records,
    flaggedGeometries,
    listed,
  };
}
