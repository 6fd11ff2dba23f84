/**
 * `npm run geodata`: builds public/tiles/muatlas.pmtiles, its manifest and the Latin glyphs
 * from installed npm packages, and public/data/ (the seeds' places and the district outlines),
 * offline and deterministically.
 * `npm run geodata:check`: builds into a temporary folder and fails, naming the files, when
 * what is committed under public/ differs.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FONT_STACK } from './lib/glyphs.ts';
import { buildGeodata } from './lib/pipeline.ts';
import { buildPlaces } from './places.ts';

const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

/** Files under public/ that differ from a fresh build, or that the build no longer makes. */
function staleFiles(freshDir: string, built: readonly string[]): string[] {
  const stale = built.filter((path) => {
    const committed = join(PUBLIC_DIR, path);
    return (
      !existsSync(committed) || !readFileSync(committed).equals(readFileSync(join(freshDir, path)))
    );
  });
  const glyphDir = join('fonts', FONT_STACK);
  if (existsSync(join(PUBLIC_DIR, glyphDir))) {
    for (const name of readdirSync(join(PUBLIC_DIR, glyphDir))) {
      const path = join(glyphDir, name);
      if (name.endsWith('.pbf') && !built.includes(path)) stale.push(`${path} (no longer built)`);
    }
  }
  return stale;
}

function main(args: readonly string[]): number {
  const check = args.includes('--check');
  const started = performance.now();
  const outDir = check ? mkdtempSync(join(tmpdir(), 'muatlas-geodata-')) : PUBLIC_DIR;
  try {
    const result = buildGeodata(outDir);
    const places = buildPlaces(outDir);
    const files = [...result.files, ...places.files];
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (check) {
      const stale = staleFiles(outDir, files);
      if (stale.length > 0) {
        console.error('geodata:check: public/ is stale; run `npm run geodata` and commit:');
        for (const path of stale) console.error(`  public/${path}`);
        return 1;
      }
      console.log(`geodata:check: ${files.length} files up to date (${seconds} s)`);
      return 0;
    }
    console.log(
      `geodata: public/tiles/muatlas.pmtiles ${result.archiveBytes} bytes, sha256 ${result.archiveSha256}`,
    );
    console.log(
      `  ${result.stats.addressedTiles} tiles (${result.stats.tileContents} distinct), layers ${JSON.stringify(result.layerCounts)}`,
    );
    console.log(`  places: ${places.places.length} points, ${JSON.stringify(places.bytes)} bytes`);
    console.log(`  ${files.length} files written in ${seconds} s`);
    return 0;
  } finally {
    if (check) rmSync(outDir, { recursive: true, force: true });
  }
}

process.exitCode = main(process.argv.slice(2));
