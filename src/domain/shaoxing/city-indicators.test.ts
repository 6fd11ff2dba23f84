import { describe, expect, it } from 'vitest';
import { formatSourceCitation } from '../indicators/indicator-catalogue.ts';
import { formatQuantity } from '../number-format.ts';
import { parseSeedCsv, serializeSeedCsv } from '../seeds/seed-csv.format.ts';
import { SEED_SCHEMAS } from '../seeds/seed-schema.ts';
import {
  groupByCategory,
  hasNumbers,
  readCityIndicators,
  seriesSources,
  tableCells,
  type IndicatorSeries,
} from './city-indicators.ts';
import {
  readSeedTable,
  seedDocsPresent,
  seedLines,
  sourceTables,
} from './shaoxing-seeds.fixture.ts';

const series = readCityIndicators(readSeedTable('shaoxing-indicators.csv'), sourceTables());

function indicator(id: string): IndicatorSeries {
  const found = series.find((s) => s.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

const figures = (s: IndicatorSeries) =>
  s.points.map((p) => [p.kind, p.year, p.value ?? p.valueText]);

// Figures below were read off the main indicator table of seed 002 (lines 70–207).
describe('Shaoxing city indicators from the pilot plan’s main table', () => {
  it('reads the 18 indicators in the table’s order', () => {
    expect(series.map((s) => s.number)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(new Set(series.map((s) => s.id)).size).toBe(18);
  });

  it('groups them under the table’s four categories, in its order', () => {
    const categories = groupByCategory(series);
    expect(categories.map((c) => [c.nameZh, c.series.length])).toEqual([
      ['产业层次', 5],
      ['创新能力', 8],
      ['绿色生态', 3],
      ['产出水平', 2],
    ]);
  });

  it('gives per-mu value added and tax as 2016 actual, 2020 and 2025 targets, with their unit', () => {
    expect(figures(indicator('value_added_per_mu'))).toEqual([
      ['actual', 2016, 88],
      ['target', 2020, 110],
      ['target', 2025, 130],
    ]);
    const tax = indicator('tax_per_mu');
    expect(figures(tax)).toEqual([
      ['actual', 2016, 25.5],
      ['target', 2020, 40],
      ['target', 2025, 60],
    ]);
    expect(formatQuantity(25.5, tax.unit, 'zh-CN')).toBe('25.5 万元/亩');
    expect(formatQuantity(25.5, tax.unit, 'en')).toBe('255,000 yuan/mu');
  });

  it('keeps ratios as the text the table prints, with no number to plot', () => {
    const fibre = indicator('fibre_use_ratio');
    expect(fibre.points.map((p) => [p.value, p.valueText])).toEqual([
      [null, '60:30:10'],
      [null, '40:30:30'],
      [null, '35:30:35'],
    ]);
    expect(hasNumbers(fibre)).toBe(false);
    expect(hasNumbers(indicator('tax_per_mu'))).toBe(true);
  });

  it('keeps a missing 2016 figure ("—") as no number, never 0', () => {
    const brands = indicator('international_regional_brands');
    expect(brands.points[0]).toMatchObject({ kind: 'actual', year: 2016, value: null });
    expect(brands.points[0]?.valueText).toBe('—');
    expect(brands.points.slice(1).map((p) => p.value)).toEqual([3, 5]);
  });

  it('keeps the year the table marks in a cell: R&D shares are for 2015', () => {
    expect(figures(indicator('textile_rd_share'))[0]).toEqual(['actual', 2015, 0.57]);
    expect(figures(indicator('chemical_rd_share'))[0]).toEqual(['actual', 2015, 1.27]);
  });

  it('shows one figure printed across the 2020 and 2025 columns as one cell', () => {
    const patents = tableCells(indicator('new_invention_patents'));
    expect(patents.map((c) => [c.kind, c.years, c.value, c.valueText])).toEqual([
      ['actual', [2016], 352, ''],
      ['target', [2020, 2025], 500, '年均新增500项'],
    ]);
    // Different figures stay apart even when one cell of the table holds a range of lines.
    expect(tableCells(indicator('tax_per_mu')).map((c) => c.years)).toEqual([
      [2016],
      [2020],
      [2025],
    ]);
  });

  it('cites each indicator once, with the table’s lines merged', () => {
    const [source, ...more] = seriesSources(indicator('tax_per_mu'));
    expect(more).toEqual([]);
    expect(source?.lines).toEqual([[203, 207]]);
    if (!source) return;
    expect(formatSourceCitation(source, 'zh-CN')).toBe(
      '绍兴市传统产业改造提升试点实施方案 一(三) 传统产业改造提升主要指标，002_82f5de82100c7f04.txt 第 203–207 行',
    );
    expect(formatSourceCitation(source, 'en')).toContain('002_82f5de82100c7f04.txt line 203–207');
  });

  it.runIf(seedDocsPresent)('finds each indicator’s name and figures on the lines it cites', () => {
    for (const s of series) {
      const [source] = seriesSources(s);
      if (!source) throw new Error(`${s.id} has no source`);
      const text = seedLines(source.file, source.lines).replace(/\s+/g, '');
      expect(text).toContain(s.nameZh);
      for (const p of s.points) {
        expect(text).toContain(p.valueText || String(p.value));
      }
    }
  });

  it('refuses a row whose unit it cannot label', () => {
    const file = 'shaoxing-indicators.csv';
    const header = SEED_SCHEMAS[file]?.columns.map((c) => c.name) ?? [];
    const [row] = readSeedTable(file).rows;
    if (!row) throw new Error('empty table');
    const text = serializeSeedCsv(header, [{ ...row.cells, unit: 'pct' }]);
    expect(() => readCityIndicators(parseSeedCsv(file, text).table)).toThrow(/unknown unit pct/);
  });
});
