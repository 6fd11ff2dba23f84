/**
 * The zones storage benchmark's page: the app's own database and zones repository in Chromium's
 * IndexedDB, driven from bench/zones-storage.bench.ts through `window.__zonesBench`.
 */
import type { Polygon } from 'geojson';
import { MuAtlasDb } from '../../src/persistence/db.ts';
import { packZone, ZonesRepo, type ZoneDraft } from '../../src/persistence/zones.repo.ts';

/** A 24-corner zone of about 0.5 km across around a point: the size officials draw. */
function zoneShape(lon: number, lat: number): Polygon {
  const ring: [number, number][] = [];
  for (let i = 0; i < 24; i++) {
    const a = (2 * Math.PI * i) / 24;
    ring.push([lon + 0.003 * Math.cos(a), lat + 0.0025 * Math.sin(a)]);
  }
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

function draft(i: number): ZoneDraft {
  return {
    name: `区块 ${i}`,
    kind: 'inefficientLand',
    phase: 'planning',
    geometry: zoneShape(119.5 + (i % 100) * 0.009, 30.5 + Math.floor(i / 100) * 0.006),
    plannedLandMu: null,
    energySpaceTce: null,
    enterprisesToRectify: null,
    responsibleUnit: '',
    targetYear: 2025,
    note: '',
  };
}

const api = {
  /** Times `runs` edits of one zone (each a transaction writing the zone and its journal entry). */
  async saveEdits(runs: number): Promise<number[]> {
    const db = new MuAtlasDb(`zones-bench-save-${Date.now()}`);
    const repo = new ZonesRepo(db);
    await repo.create(draft(0), { enteredBy: 'bench' }, 'zone-0');
    const samples: number[] = [];
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      const result = await repo.update('zone-0', { note: `edit ${r}` }, r + 1, { enteredBy: '' });
      samples.push(performance.now() - start);
      if (!result.ok) throw new Error(`edit ${r} failed: ${result.kind}`);
    }
    db.close();
    await db.delete();
    return samples;
  },

  /**
   * Stores `count` zones, then times opening the database afresh and reading them all as GeoJSON
   * zones through the repository (unpacking included), as a page load does: `cold` with no
   * snapshot (the first load after an upgrade, or of a profile under the snapshot size),
   * `snapshot` with the one the previous load wrote, `behind` with `edits` zone edits made
   * since it (read from the journal).
   */
  async loadAll(
    count: number,
    runs: number,
    edits: number,
  ): Promise<{ cold: number[]; snapshot: number[]; behind: number[] }> {
    const name = `zones-bench-load-${Date.now()}`;
    const seed = new MuAtlasDb(name);
    await seed.zones.bulkPut(
      Array.from({ length: count }, (_, i) => ({
        ...packZone({
          ...draft(i),
          id: `zone-${i}`,
          enteredBy: '',
          createdAt: '2024-01-01T00:00:00.000Z',
          updatedAt: '2024-01-01T00:00:00.000Z',
        }),
        revision: i + 1,
      })),
    );
    const timeLoad = async (): Promise<number> => {
      const start = performance.now();
      const db = new MuAtlasDb(name);
      const zones = await new ZonesRepo(db).listAll();
      const ms = performance.now() - start;
      // Closed before the snapshot the read may have scheduled is written: every run reads alike.
      db.close();
      if (zones.length !== count) throw new Error(`read ${zones.length} of ${count} zones`);
      return ms;
    };
    const cold: number[] = [];
    for (let r = 0; r < runs; r++) {
      await seed.meta.delete('zonesSnapshot');
      cold.push(await timeLoad());
    }
    const repo = new ZonesRepo(seed);
    await repo.listAll();
    await repo.flushSnapshot();
    const snapshot: number[] = [];
    for (let r = 0; r < runs; r++) snapshot.push(await timeLoad());
    for (let e = 0; e < edits; e++) {
      const zone = await repo.get(`zone-${e}`);
      if (!zone) throw new Error(`zone-${e} missing`);
      const result = await repo.update(zone.id, { note: 'edited' }, zone.revision, {
        enteredBy: '',
      });
      if (!result.ok) throw new Error(`edit ${e} failed: ${result.kind}`);
    }
    const behind: number[] = [];
    for (let r = 0; r < runs; r++) behind.push(await timeLoad());
    seed.close();
    await new MuAtlasDb(name).delete();
    return { cold, snapshot, behind };
  },
};

export type ZonesBenchPage = typeof api;

(window as unknown as { __zonesBench: ZonesBenchPage }).__zonesBench = api;
