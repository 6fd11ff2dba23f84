/**
 * Runs the benchmarks against the built app and prints one table.
 *
 *   npm run bench                      # build, then every benchmark
 *   tsx bench/run.ts initial-js        # only the named ones (dist/ must exist)
 *   BENCH_RUNS=11 tsx bench/run.ts     # more timed repetitions (default 7)
 *
 * Results, with raw samples and the machine they came from, go to bench-results/latest.json.
 * Exits 1 when a figure exceeds its limit.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.ts';
import { firstIdleBenchmark } from './first-idle.bench.ts';
import { importParseBenchmark } from './import-parse.bench.ts';
import { importUiBenchmark } from './import-ui.bench.ts';
import { initialJsBenchmark } from './initial-js.bench.ts';
import { placesFilterBenchmark } from './places-filter.bench.ts';
import { restyleBenchmark } from './restyle.bench.ts';
import { zonesJoinBenchmark } from './zones-join.bench.ts';
import { zonesStorageBenchmark } from './zones-storage.bench.ts';
import { withinLimit, type BenchContext, type Benchmark, type BenchResult } from './types.ts';

/** Every benchmark, in the order they run. A new one is added here. */
const BENCHMARKS: readonly Benchmark[] = [
  initialJsBenchmark,
  firstIdleBenchmark,
  restyleBenchmark,
  placesFilterBenchmark,
  importParseBenchmark,
  importUiBenchmark,
  zonesJoinBenchmark,
  zonesStorageBenchmark,
];

const MIN_RUNS = 7;

function formatValue(value: number, unit: string): string {
  const digits = unit === '×' ? 2 : unit === 'ms' ? 0 : 1;
  return `${value.toFixed(digits)} ${unit}`;
}

/** Plain-text table: benchmark, figure, value, limit, verdict. */
export function formatTable(results: readonly BenchResult[]): string {
  const lines = [['benchmark', 'figure', 'value', 'limit', '']];
  for (const result of results) {
    for (const row of result.rows) {
      lines.push([
        result.name,
        row.label,
        formatValue(row.value, row.unit),
        row.limit === undefined ? '' : `≤ ${formatValue(row.limit, row.unit)}`,
        row.limit === undefined ? '' : withinLimit(row) ? 'pass' : 'FAIL',
      ]);
    }
  }
  const widths = lines[0]!.map((_, col) => Math.max(...lines.map((l) => (l[col] ?? '').length)));
  return lines
    .map((l) =>
      l
        .map((cell, col) => cell.padEnd(widths[col] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

async function main(): Promise<void> {
  const rootDir = resolve(import.meta.dirname, '..');
  const distDir = resolve(rootDir, 'dist');
  if (!existsSync(resolve(distDir, 'index.html'))) {
    throw new Error('No dist/index.html: run `npm run build` first (npm run bench does).');
  }
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown benchmark(s): ${unknown.join(', ')}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
    );
  }
  const selected =
    wanted.length > 0 ? BENCHMARKS.filter((b) => wanted.includes(b.name)) : BENCHMARKS;
  const runs = Math.max(MIN_RUNS, Number(process.env['BENCH_RUNS'] ?? MIN_RUNS) || MIN_RUNS);

  let browser: Promise<Browser> | undefined;
  const resultsDir = resolve(rootDir, 'bench-results');
  const ctx: BenchContext = {
    rootDir,
    distDir,
    resultsDir,
    runs,
    browser: () => (browser ??= launchChromium()),
    progress: (message) => process.stderr.write(`  ${message}\n`),
  };

  const results: BenchResult[] = [];
  try {
    for (const benchmark of selected) {
      ctx.progress(`${benchmark.name}: ${benchmark.description}`);
      results.push(await benchmark.run(ctx));
    }
  } finally {
    if (browser) await (await browser).close();
  }

  process.stdout.write(`${formatTable(results)}\n`);
  const chromiumVersion = browser ? (await browser).version() : undefined;
  await mkdir(resultsDir, { recursive: true });
  await writeFile(
    resolve(resultsDir, 'latest.json'),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: {
          cpus: cpus().length,
          cpuModel: cpus()[0]?.model,
          memoryGiB: Math.round(totalmem() / 2 ** 30),
          node: process.version,
          chromium: chromiumVersion,
        },
        runs,
        results,
      },
      null,
      2,
    )}\n`,
  );
  const failed = results.flatMap((r) =>
    r.rows.filter((row) => !withinLimit(row)).map((row) => `${r.name}: ${row.label}`),
  );
  if (failed.length > 0) {
    process.stderr.write(`Over limit: ${failed.join('; ')}\n`);
    process.exitCode = 1;
  }
}

await main();
