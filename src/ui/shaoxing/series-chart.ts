/**
 * Geometry of the small inline chart drawn for each Shaoxing indicator: a dot per figure on a
 * year axis shared by all indicators (so 2016, 2020 and 2025 line up down the panel) and a
 * value axis from zero to the indicator's largest figure (so the rise to a target is not
 * exaggerated). Actual figures are joined by a solid line, the way on to the targets dashed.
 */
import type { IndicatorSeries, PointKind } from '../../domain/shaoxing/city-indicators.ts';

export interface ChartFrame {
  widthPx: number;
  heightPx: number;
  /** Room kept clear at every edge for the dots' radius. */
  padPx: number;
  yearFrom: number;
  yearTo: number;
}

export interface ChartDot {
  xPx: number;
  yPx: number;
  kind: PointKind;
  year: number;
}

export interface SeriesChart {
  dots: ChartDot[];
  /** SVG path through the actual figures; empty when there are fewer than two. */
  actualPath: string;
  /** SVG path from the last actual figure through the targets; empty when there is nothing to join. */
  targetPath: string;
  /** The zero line. */
  baselineYPx: number;
}

/** The first and last year of any point in the series, for a shared year axis. */
export function yearSpan(series: readonly IndicatorSeries[]): { from: number; to: number } {
  const years = series.flatMap((s) => s.points.map((p) => p.year));
  return years.length === 0
    ? { from: 0, to: 0 }
    : { from: Math.min(...years), to: Math.max(...years) };
}

function path(dots: readonly ChartDot[]): string {
  if (dots.length < 2) return '';
  return dots.map((d, i) => `${i === 0 ? 'M' : 'L'}${d.xPx},${d.yPx}`).join(' ');
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The chart of one series; null when it has no number to plot (a ratio written as text), or
 * when a figure is negative, which a zero-based axis of this kind cannot show.
 */
export function seriesChart(series: IndicatorSeries, frame: ChartFrame): SeriesChart | null {
  const plotted = series.points.filter((p): p is typeof p & { value: number } => p.value !== null);
  if (plotted.length === 0 || plotted.some((p) => p.value < 0)) return null;
  const maxValue = Math.max(...plotted.map((p) => p.value));
  const { widthPx, heightPx, padPx, yearFrom, yearTo } = frame;
  const yearWidth = yearTo - yearFrom;
  const x = (year: number) =>
    round(
      yearWidth === 0
        ? widthPx / 2
        : padPx + ((year - yearFrom) / yearWidth) * (widthPx - 2 * padPx),
    );
  const baselineYPx = heightPx - padPx;
  const y = (value: number) =>
    round(maxValue === 0 ? baselineYPx : baselineYPx - (value / maxValue) * (heightPx - 2 * padPx));
  const dots = plotted.map((p): ChartDot => ({
    xPx: x(p.year),
    yPx: y(p.value),
    kind: p.kind,
    year: p.year,
  }));
  const actual = dots.filter((d) => d.kind === 'actual');
  const targets = dots.filter((d) => d.kind === 'target');
  const lastActual = actual.at(-1);
  return {
    dots,
    actualPath: path(actual),
    targetPath: path(lastActual ? [lastActual, ...targets] : targets),
    baselineYPx,
  };
}
