import { describe, expect, it } from 'vitest';
import { readCityIndicators, type IndicatorSeries } from '../../domain/shaoxing/city-indicators.ts';
import { readSeedTable } from '../../domain/shaoxing/shaoxing-seeds.fixture.ts';
import { seriesChart, yearSpan, type ChartFrame } from './series-chart.ts';

const series = readCityIndicators(readSeedTable('shaoxing-indicators.csv'));
const span = yearSpan(series);
const frame: ChartFrame = {
  widthPx: 104,
  heightPx: 34,
  padPx: 4,
  yearFrom: span.from,
  yearTo: span.to,
};

function indicator(id: string): IndicatorSeries {
  const found = series.find((s) => s.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

describe('the inline chart of a Shaoxing indicator', () => {
  it('shares one year axis, from the table’s marked 2015 to 2025', () => {
    expect(span).toEqual({ from: 2015, to: 2025 });
    const rd = seriesChart(indicator('textile_rd_share'), frame);
    const tax = seriesChart(indicator('tax_per_mu'), frame);
    // 2015 sits at the left edge, 2025 at the right, for every indicator.
    expect(rd?.dots[0]?.xPx).toBe(frame.padPx);
    expect(tax?.dots.at(-1)?.xPx).toBe(frame.widthPx - frame.padPx);
    expect(tax?.dots.map((d) => d.year)).toEqual([2016, 2020, 2025]);
  });

  it('measures heights from zero, so 25.5 → 60 is drawn as a bit over twice as tall', () => {
    const chart = seriesChart(indicator('tax_per_mu'), frame);
    if (!chart) throw new Error('no chart');
    const height = (yPx: number) => chart.baselineYPx - yPx;
    const [actual, , target2025] = chart.dots;
    expect(height(target2025?.yPx ?? 0)).toBe(frame.heightPx - 2 * frame.padPx);
    expect(height(actual?.yPx ?? 0) / height(target2025?.yPx ?? 0)).toBeCloseTo(25.5 / 60, 1);
  });

  it('dashes the way from the 2016 actual to the targets, and draws no solid line for one actual', () => {
    const chart = seriesChart(indicator('value_added_per_mu'), frame);
    expect(chart?.dots.map((d) => d.kind)).toEqual(['actual', 'target', 'target']);
    expect(chart?.actualPath).toBe('');
    expect(chart?.targetPath.match(/[ML]/g)).toEqual(['M', 'L', 'L']);
  });

  it('draws only the targets when the table has no 2016 figure', () => {
    const chart = seriesChart(indicator('international_regional_brands'), frame);
    expect(chart?.dots.map((d) => [d.kind, d.year])).toEqual([
      ['target', 2020],
      ['target', 2025],
    ]);
    expect(chart?.targetPath.match(/[ML]/g)).toEqual(['M', 'L']);
  });

  it('draws no chart for a ratio, which the panel shows as text', () => {
    expect(seriesChart(indicator('fibre_use_ratio'), frame)).toBeNull();
  });
});
