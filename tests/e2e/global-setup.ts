/**
 * Serves the built app (dist/) for the whole e2e run with the project's own static server,
 * which is all the hosting the app needs. The build is a separate step (`npm run build`), so a
 * stale or missing dist/ is reported rather than silently rebuilt.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the served dist/, with trailing slash. */
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // E2E_DIST_DIR lets a run test a build made elsewhere without touching the shared dist/.
  const distDir = resolve(
    process.env['E2E_DIST_DIR'] ?? resolve(import.meta.dirname, '../../dist'),
  );
  if (!existsSync(resolve(distDir, 'index.html'))) {
    throw new Error(`No built app at ${distDir}/index.html. Run \`npm run build\` first.`);
  }
  const server = await startStaticServer({ root: distDir });
  project.provide('baseUrl', server.url);
  return () => server.close();
}
