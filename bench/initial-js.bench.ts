/**
 * How much JavaScript the browser must fetch before the app can start: the entry module and
 * the chunks `dist/index.html` modulepreloads, gzip -9 as a static host would send them.
 * MapLibre is in there, so the budget is mostly MapLibre's; lazily imported chunks and the
 * map worker are not, as they load after the app has started.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Benchmark, BenchContext, BenchResult } from './types.ts';

/** Budget for the initial JS, gzipped, in kB (1 kB = 1000 bytes). */
export const INITIAL_JS_BUDGET_KB = 400;

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);
}

/**
 * Paths (relative to the page) of the module scripts and modulepreloaded chunks an HTML page
 * names, in document order, each once.
 */
export function initialScriptPaths(html: string): string[] {
  const paths: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const isModuleScript =
      /^<script/i.test(tag) && attribute(tag, 'type') === 'module' && attribute(tag, 'src');
    const isPreload = /^<link/i.test(tag) && attribute(tag, 'rel') === 'modulepreload';
    const path = isModuleScript
      ? attribute(tag, 'src')
      : isPreload
        ? attribute(tag, 'href')
        : undefined;
    if (path && !paths.includes(path)) paths.push(path);
  }
  return paths;
}

export const initialJsBenchmark: Benchmark = {
  name: 'initial-js',
  description: 'JS loaded before the app starts, gzip -9',
  async run(ctx: BenchContext): Promise<BenchResult> {
    const html = await readFile(resolve(ctx.distDir, 'index.html'), 'utf8');
    const paths = initialScriptPaths(html);
    if (paths.length === 0) throw new Error('dist/index.html names no module script');
    const rows = await Promise.all(
      paths.map(async (path) => {
        const bytes = await readFile(resolve(ctx.distDir, path.replace(/^\//, '')));
        return { label: path, value: gzipSync(bytes, { level: 9 }).length / 1000, unit: 'kB' };
      }),
    );
    const totalKb = rows.reduce((sum, r) => sum + r.value, 0);
    return {
      name: this.name,
      rows: [...rows, { label: 'total', value: totalKb, unit: 'kB', limit: INITIAL_JS_BUDGET_KB }],
    };
  },
};
