import type { SeedEnterprise } from '../domain/imports/seed-enterprise.join.ts';
import type { ImportsApp, ImportsState } from './imports.svelte.ts';

/**
 * Opens the user's imported layers in IndexedDB, with the import worker for new files and for
 * drawing stored layers. Loaded
 * on first use, so the importer and the database code stay out of the first page load.
 */
export async function loadImportsState(app: ImportsApp): Promise<ImportsState> {
  const [{ ImportsState }, { MuAtlasDb }, { workerImportEngine }] = await Promise.all([
    import('./imports.svelte.ts'),
    import('../persistence/db.ts'),
    import('./imports-worker.ts'),
  ]);
  return new ImportsState(app, new MuAtlasDb(), workerImportEngine());
}

/**
 * The seeds' key enterprises from places.geojson, for joining imported records to them; empty
 * when the file cannot be read (the join is a help, not a requirement of the import).
 */
export async function loadSeedEnterprises(
  fetchImpl: typeof fetch = fetch,
): Promise<SeedEnterprise[]> {
  const { PLACES_DATA_PATH } = await import('./places.svelte.ts');
  try {
    const url = new URL(`${import.meta.env.BASE_URL}${PLACES_DATA_PATH}`, window.location.href);
    const response = await fetchImpl(url);
    if (!response.ok) return [];
    const data = (await response.json()) as {
      features: Array<{ properties: { place_id: string; kind: string; name_zh: string } }>;
    };
    return data.features
      .filter((f) => f.properties.kind === 'enterprise')
      .map((f) => ({ placeId: f.properties.place_id, nameZh: f.properties.name_zh }));
  } catch {
    return [];
  }
}
