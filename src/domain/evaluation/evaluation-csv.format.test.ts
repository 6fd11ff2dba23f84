import { describe, expect, it } from 'vitest';
import { evaluateLayer } from './evaluate-layer.ts';
import { evaluationCsv, type EvaluationCsvWords } from './evaluation-csv.format.ts';
import { enterprise } from './evaluation.fixture.ts';
import { DEFAULT_EVALUATION_SETTINGS } from './evaluation-settings.ts';
import { EVALUATION_INDICATORS } from './per-mu-indicators.ts';
import { missingInputsOf } from './per-mu-score.ts';

const label = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, k as string])) as Record<K, string>;

const WORDS: EvaluationCsvWords = {
  headers: label([
    'name',
    'creditCode',
    'district',
    'industry',
    'size',
    'year',
    'score',
    'class',
    'flag',
    'rules',
    'undecided',
    'missing',
  ]),
  indicators: label(EVALUATION_INDICATORS),
  units: label(EVALUATION_INDICATORS),
  sizeClass: { above: '规上', below: '规下' },
  flag: { yes: '是', no: '否', undecided: '无法判定' },
  rules: label([
    'above-size-low-tax',
    'below-size-d-class',
    'below-size-low-tax',
    'energy-quota-breach',
  ]),
  causes: label([
    'size-class-missing',
    'tax-per-mu-missing',
    'industry-missing',
    'no-industry-history',
    'no-previous-year',
    'not-classed',
  ]),
  unscored: (row) => missingInputsOf(row).join('+'),
};

describe('evaluationCsv', () => {
  it('writes one row per enterprise, numbers as numerals and formula-like names as text', () => {
    const rows = [
      enterprise({
        name: '=HYPERLINK("http://x")',
        sizeClass: 'below',
        figures: { taxWanYuan: 30, landAreaMu: 10, electricityKwh: 100_000 },
      }),
      enterprise({ name: '乙', sizeClass: 'below', figures: { taxWanYuan: 5 } }),
    ];
    const evaluation = evaluateLayer(rows, DEFAULT_EVALUATION_SETTINGS);
    const lines = evaluationCsv(evaluation, evaluation.enterprises, WORDS)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines).toHaveLength(4); // header, two rows, the empty string after the last CRLF
    const header = lines[0]?.split(',') ?? [];
    const first = lines[1] ?? '';
    expect(first.startsWith(`"'=HYPERLINK(""http://x"")"`)).toBe(true);
    // tax/mu 3 and 3 yuan/kWh are both the (single-scored) medians, so the score is 100, class A.
    const cells = first.slice(first.indexOf('",') + 2).split(',');
    const at = (column: string) => cells[header.indexOf(column) - 1];
    expect(at('taxPerMu (taxPerMu)')).toBe('3');
    expect(at('taxPerElectricity (taxPerElectricity)')).toBe('3');
    expect(at('score')).toBe('100');
    expect(at('class')).toBe('A');
    expect(lines[2]).toContain('landAreaMu+electricityKwh');
  });
});
