import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The folder an installed npm package lives in, found along Node's module search path (not by
 * resolving `name/package.json`, which packages with an `exports` map may not allow).
 */
export function packageRoot(name: string): string {
  for (const folder of require.resolve.paths(name) ?? []) {
    const root = join(folder, name);
    if (existsSync(join(root, 'package.json'))) return root;
  }
  throw new Error(`npm package ${name} is not installed`);
}

/** A file inside an installed npm package. */
export function packageFile(name: string, path: string): string {
  return join(packageRoot(name), path);
}

/** The installed version of an npm package, as its package.json says. */
export function packageVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(packageFile(name, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** Reads and parses a JSON file inside an installed npm package. */
export function readPackageJson<T>(name: string, path: string): T {
  return JSON.parse(readFileSync(packageFile(name, path), 'utf8')) as T;
}
