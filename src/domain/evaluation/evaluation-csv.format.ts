/**
 * The evaluation as a CSV file: one row per enterprise with its figures, indicators, score,
 * class, flag and what was missing. Written through csv-export.ts, so text cells that would
 * start a formula (a company name beginning with `=`) are neutralised.
 */
import { toCsv, type CsvColumn } from '../export/csv-export.ts';
import type { EvaluatedEnterprise, LayerEvaluation } from './evaluate-layer.ts';
import type { FlagRule, UndecidedCause } from './high-consumption.flag.ts';
import { EVALUATION_INDICATORS, type EvaluationIndicator } from './per-mu-indicators.ts';

/** The words of the file, in the reader's language. */
export interface EvaluationCsvWords {
  headers: Record<
    | 'name'
    | 'creditCode'
    | 'district'
    | 'industry'
    | 'size'
    | 'year'
    | 'score'
    | 'class'
    | 'flag'
    | 'rules'
    | 'undecided'
    | 'missing',
    string
  >;
  indicators: Record<EvaluationIndicator, string>;
  /** The unit each indicator's values are written in (they are not converted). */
  units: Record<EvaluationIndicator, string>;
  sizeClass: Record<'above' | 'below', string>;
  flag: Record<'yes' | 'no' | 'undecided', string>;
  rules: Record<FlagRule, string>;
  causes: Record<UndecidedCause, string>;
  /** Why a row has no score, in words (missing inputs, a divisor of zero, no benchmark). */
  unscored: (row: EvaluatedEnterprise) => string;
}

/** Figures are rounded for the reader; 4 decimals keep small ratios (元/千瓦时) meaningful. */
const DECIMALS = 4;
const round = (value: number | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value.toFixed(DECIMALS));

/** The CSV text (BOM, CRLF) of an evaluation's enterprises in the given order. */
export function evaluationCsv(
  evaluation: Pick<LayerEvaluation, 'year'>,
  rows: readonly EvaluatedEnterprise[],
  words: EvaluationCsvWords,
): string {
  const h = words.headers;
  const columns: CsvColumn<EvaluatedEnterprise>[] = [
    { header: h.name, kind: 'text', value: (r) => r.inputs.name },
    { header: h.creditCode, kind: 'text', value: (r) => r.inputs.creditCode },
    { header: h.district, kind: 'text', value: (r) => r.inputs.districtCode },
    { header: h.industry, kind: 'text', value: (r) => r.inputs.industry },
    {
      header: h.size,
      kind: 'text',
      value: (r) => (r.inputs.sizeClass ? words.sizeClass[r.inputs.sizeClass] : null),
    },
    { header: h.year, kind: 'number', value: () => evaluation.year },
    ...EVALUATION_INDICATORS.map((id): CsvColumn<EvaluatedEnterprise> => ({
      header: `${words.indicators[id]} (${words.units[id]})`,
      kind: 'number',
      value: (r) => round(r.indicators[id]),
    })),
    { header: h.score, kind: 'number', value: (r) => round(r.score) },
    { header: h.class, kind: 'text', value: (r) => r.evaluationClass },
    {
      header: h.flag,
      kind: 'text',
      value: (r) =>
        r.flag.flagged === null
          ? words.flag.undecided
          : r.flag.flagged
            ? words.flag.yes
            : words.flag.no,
    },
    {
      header: h.rules,
      kind: 'text',
      value: (r) => r.flag.rules.map((rule) => words.rules[rule]).join('; '),
    },
    {
      header: h.undecided,
      kind: 'text',
      value: (r) =>
        r.flag.undecided.map((u) => `${words.rules[u.rule]}: ${words.causes[u.cause]}`).join('; '),
    },
    {
      header: h.missing,
      kind: 'text',
      value: (r) => words.unscored(r),
    },
  ];
  return toCsv(columns, rows);
}
