/**
 * Classes for a district choropleth, built for very few areas (Huzhou has six units), where
 * textbook classifiers mislead easily. The rules every method follows:
 *
 * - every value lands in exactly one class, decided by its value alone, so equal values (ties)
 *   always share a class;
 * - no class is ever empty: a threshold that would leave a class without a district is removed
 *   (its class merges into a neighbour) and a note says so;
 * - the class count never exceeds the number of distinct values;
 * - districts without a value are listed apart, never classed as zero.
 *
 * Every method reduces to interior thresholds t1 < … < tm between the data's minimum and
 * maximum. With `closure: 'lower'` (the default) the classes are [min, t1), [t1, t2), …,
 * [tm, max], so a value equal to a threshold joins the class above it: a district exactly at a
 * target counts as reaching it. `closure: 'upper'` gives [min, t1], (t1, t2], …, (tm, max], for
 * lower-is-better indicators where reaching a ceiling means being at or below it.
 */
import { ckmeans, quantileSorted } from 'simple-statistics';

/** A district and its value; null when there is no figure for it. */
export interface DistrictValue {
  districtCode: string;
  value: number | null;
}

export type IntervalClosure = 'lower' | 'upper';

/** What a fixed reference threshold stands for, so a legend can name it. */
export type ReferenceKind = 'city' | 'province' | 'target' | 'other';

export interface ReferenceThreshold {
  value: number;
  kind: ReferenceKind;
}

export type ClassificationRequest =
  | {
      /** Jenks-style optimal grouping (Ckmeans.1d.dp, via simple-statistics). */
      method: 'natural-breaks';
      classCount: number;
      closure?: IntervalClosure;
    }
  | { method: 'quantile'; classCount: number; closure?: IntervalClosure }
  | { method: 'equal-interval'; classCount: number; closure?: IntervalClosure }
  | { method: 'manual'; thresholds: readonly number[]; closure?: IntervalClosure }
  | {
      method: 'reference';
      references: readonly ReferenceThreshold[];
      closure?: IntervalClosure;
      /**
       * Give the districts exactly at a reference a class of their own, so a diverging map can
       * paint them neutral instead of counting them as above (or below) the reference.
       */
      isolateEqual?: boolean;
    };

export type ClassificationMethod = ClassificationRequest['method'];

/** One legend entry: its bounds, and the districts and data extent inside it. */
export interface ValueClass {
  /** The class's lower bound (a break). */
  lower: number;
  /** The class's upper bound (a break). */
  upper: number;
  lowerInclusive: boolean;
  upperInclusive: boolean;
  /** Number of districts in the class; never 0. */
  count: number;
  /** The districts in the class, in input order. */
  districtCodes: string[];
  /** Smallest value in the class, for a legend that shows the data's own extent. */
  minValue: number;
  /** Largest value in the class. */
  maxValue: number;
}

/**
 * Why a classification differs from what was asked for. Codes, not sentences, so the UI can
 * word them in either language.
 */
export type ClassificationNote =
  | { code: 'no-values' }
  | { code: 'class-count-clamped'; requested: number; used: number; distinctValueCount: number }
  | {
      code: 'empty-class-removed';
      /** The threshold removed so that its empty class merged into a neighbour. */
      threshold: number;
      reason: 'outside-data' | 'duplicate' | 'no-values-between';
    }
  | { code: 'no-data'; districtCodes: string[] };

export interface Classification {
  method: ClassificationMethod;
  closure: IntervalClosure;
  /** Class bounds, ascending: [min, t1, …, tm, max]; empty when there are no values. */
  breaks: number[];
  /** Non-empty classes, ascending. */
  classes: ValueClass[];
  /** Index into `classes` for each district that has a value. */
  classIndexByDistrict: Record<string, number>;
  /** Districts without a value, in input order; they are in no class. */
  noDataDistrictCodes: string[];
  /** The references asked for, for the reference method; empty otherwise. */
  references: ReferenceThreshold[];
  notes: ClassificationNote[];
}

/** True when the district has a finite figure (null, NaN and ±Infinity count as no data). */
export function hasValue(d: DistrictValue): d is { districtCode: string; value: number } {
  return d.value !== null && Number.isFinite(d.value);
}

/** Index of the class a value falls in, given ascending interior thresholds. */
function classIndex(
  value: number,
  thresholds: readonly number[],
  closure: IntervalClosure,
): number {
  let index = 0;
  for (const t of thresholds) {
    if (closure === 'lower' ? value >= t : value > t) index += 1;
  }
  return index;
}

function checkClassCount(classCount: number): void {
  if (!Number.isInteger(classCount) || classCount < 1) {
    throw new RangeError(`classCount must be a whole number ≥ 1, got ${classCount}`);
  }
}

/** Interior thresholds for the data-driven methods, from sorted values and a usable class count. */
function methodThresholds(
  request: ClassificationRequest,
  sorted: readonly number[],
  classCount: number,
  closure: IntervalClosure,
): number[] {
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  switch (request.method) {
    case 'natural-breaks': {
      const clusters = ckmeans([...sorted], classCount);
      // A cluster's first value opens its class ([t, …)); under upper closure the previous
      // cluster's last value closes the class below ((…, t]). Both give the same grouping.
      return closure === 'lower'
        ? clusters.slice(1).map((c) => c[0] ?? max)
        : clusters.slice(0, -1).map((c) => c[c.length - 1] ?? min);
    }
    case 'quantile':
      return Array.from({ length: classCount - 1 }, (_, i) =>
        quantileSorted([...sorted], (i + 1) / classCount),
      );
    case 'equal-interval': {
      const step = (max - min) / classCount;
      return Array.from({ length: classCount - 1 }, (_, i) => min + step * (i + 1));
    }
    case 'manual':
      return [...request.thresholds];
    case 'reference': {
      const thresholds = request.references.map((r) => r.value);
      if (request.isolateEqual) {
        for (const r of request.references) {
          // The nearest data value on the far side of the reference bounds a class that holds
          // exactly the districts equal to it (no value lies strictly between the two).
          const beyond =
            closure === 'lower'
              ? sorted.find((v) => v > r.value)
              : [...sorted].reverse().find((v) => v < r.value);
          if (beyond !== undefined && sorted.includes(r.value)) thresholds.push(beyond);
        }
      }
      return thresholds;
    }
  }
}

/**
 * Removes thresholds until every class holds at least one value, noting each removal. An
 * empty class at the bottom or top loses its inner bound; one in the middle loses its upper
 * bound, so it merges into the class above.
 */
function dropEmptyClasses(
  sorted: readonly number[],
  requested: readonly number[],
  closure: IntervalClosure,
  notes: ClassificationNote[],
): number[] {
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  const thresholds: number[] = [];
  for (const t of [...requested].sort((a, b) => a - b)) {
    if (thresholds[thresholds.length - 1] === t) {
      notes.push({ code: 'empty-class-removed', threshold: t, reason: 'duplicate' });
    } else {
      thresholds.push(t);
    }
  }
  for (;;) {
    const counts = new Array<number>(thresholds.length + 1).fill(0);
    for (const v of sorted) counts[classIndex(v, thresholds, closure)]! += 1;
    const empty = counts.indexOf(0);
    if (empty < 0) return thresholds;
    const removeAt = empty === counts.length - 1 ? empty - 1 : empty;
    const [threshold = 0] = thresholds.splice(removeAt, 1);
    const outside =
      closure === 'lower'
        ? threshold <= min || threshold > max
        : threshold < min || threshold >= max;
    notes.push({
      code: 'empty-class-removed',
      threshold,
      reason: outside ? 'outside-data' : 'no-values-between',
    });
  }
}

/**
 * Sorts districts into legend classes by the requested method, following the rules in this
 * module's header. Throws RangeError for a class count that is not a whole number ≥ 1 or a
 * threshold that is not a finite number; everything the data causes is reported in `notes`.
 */
export function classifyValues(
  values: readonly DistrictValue[],
  request: ClassificationRequest,
): Classification {
  const closure = request.closure ?? 'lower';
  const notes: ClassificationNote[] = [];
  const present = values.filter(hasValue);
  const noDataDistrictCodes = values.filter((d) => !hasValue(d)).map((d) => d.districtCode);
  const result: Classification = {
    method: request.method,
    closure,
    breaks: [],
    classes: [],
    classIndexByDistrict: {},
    noDataDistrictCodes,
    references: request.method === 'reference' ? [...request.references] : [],
    notes,
  };
  if (noDataDistrictCodes.length > 0) {
    notes.push({ code: 'no-data', districtCodes: [...noDataDistrictCodes] });
  }
  const requestedThresholds =
    request.method === 'manual'
      ? request.thresholds
      : request.method === 'reference'
        ? request.references.map((r) => r.value)
        : [];
  if (requestedThresholds.some((t) => !Number.isFinite(t))) {
    throw new RangeError('thresholds must be finite numbers');
  }
  if ('classCount' in request) checkClassCount(request.classCount);
  if (present.length === 0) {
    notes.unshift({ code: 'no-values' });
    return result;
  }

  const sorted = present.map((d) => d.value).sort((a, b) => a - b);
  const distinctValueCount = new Set(sorted).size;
  let classCount = 1;
  if ('classCount' in request) {
    classCount = Math.min(request.classCount, distinctValueCount);
    if (classCount < request.classCount) {
      notes.push({
        code: 'class-count-clamped',
        requested: request.classCount,
        used: classCount,
        distinctValueCount,
      });
    }
  }
  const thresholds = dropEmptyClasses(
    sorted,
    methodThresholds(request, sorted, classCount, closure),
    closure,
    notes,
  );

  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  result.breaks = [min, ...thresholds, max];
  result.classes = result.breaks.slice(0, -1).map((lower, i) => ({
    lower,
    upper: result.breaks[i + 1]!,
    lowerInclusive: closure === 'lower' || i === 0,
    upperInclusive: closure === 'upper' || i === thresholds.length,
    count: 0,
    districtCodes: [],
    minValue: Infinity,
    maxValue: -Infinity,
  }));
  for (const { districtCode, value } of present) {
    const index = classIndex(value, thresholds, closure);
    const cls = result.classes[index]!;
    cls.count += 1;
    cls.districtCodes.push(districtCode);
    cls.minValue = Math.min(cls.minValue, value);
    cls.maxValue = Math.max(cls.maxValue, value);
    result.classIndexByDistrict[districtCode] = index;
  }
  return result;
}
