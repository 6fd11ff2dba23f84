/**
 * The shape every benchmark shares, so the runner can print, store and judge them alike and a
 * new benchmark (restyle time, spatial joins, …) is one more module in `BENCHMARKS`.
 */
import type { Browser } from 'playwright-core';

/** What the runner hands each benchmark. */
export interface BenchContext {
  /** Repository root. */
  rootDir: string;
  /** The built app (`npm run build` output). */
  distDir: string;
  /** Where results and screenshots go (git-ignored). */
  resultsDir: string;
  /** Timed repetitions per measured case. */
  runs: number;
  /** One shared Chromium, started on first use; each benchmark opens its own contexts. */
  browser(): Promise<Browser>;
  /** Progress line on stderr, so stdout stays the result table. */
  progress(message: string): void;
}

/** One measured figure. */
export interface BenchRow {
  label: string;
  value: number;
  unit: string;
  /** Raw samples behind a median, when there are several. */
  samples?: number[];
  /** The limit this figure must not exceed, in `unit`. */
  limit?: number;
}

export interface BenchResult {
  name: string;
  rows: BenchRow[];
}

export interface Benchmark {
  /** Kebab-case id, used to pick benchmarks on the command line. */
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<BenchResult>;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Whether a row is within its limit; rows without one always pass. */
export function withinLimit(row: BenchRow): boolean {
  return row.limit === undefined || row.value <= row.limit;
}
