/**
 * The evaluation's words as its formatting code needs them: why a row has no score, and the
 * CSV's headers, from the reader's dictionary.
 */
import type { EvaluatedEnterprise } from '../../domain/evaluation/evaluate-layer.ts';
import type { EvaluationCsvWords } from '../../domain/evaluation/evaluation-csv.format.ts';
import { format, type Messages } from '../../i18n/index.ts';

type Words = Messages['evaluation'];

/** "用地面积、税收" or "用地面积为零或负数" — what keeps a row from a score; empty when scored. */
export function unscoredText(row: EvaluatedEnterprise, t: Words, separator: string): string {
  const unscored = row.unscored;
  if (unscored === null) return '';
  if (unscored.reason === 'size-class-missing') return t.inputs.sizeClass;
  if (unscored.reason === 'benchmark-unavailable') {
    return format(t.benchmarkMissing, {
      indicators: unscored.indicators.map((i) => t.indicators[i]).join(separator),
    });
  }
  return unscored.problems
    .map((p) =>
      p.kind === 'missing'
        ? t.inputs[p.input]
        : format(t.notPositive, { input: t.inputs[p.input] }),
    )
    .join(separator);
}

/** The CSV's words in the reader's language. */
export function csvWords(t: Words, separator: string): EvaluationCsvWords {
  return {
    headers: t.csv,
    indicators: t.indicators,
    units: t.units,
    sizeClass: t.sizeClass,
    flag: t.flag,
    rules: t.rules,
    causes: t.causes,
    unscored: (row) => unscoredText(row, t, separator),
  };
}
