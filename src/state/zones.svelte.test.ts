// Dexie's liveQuery stays silent unless a global indexedDB exists when Dexie loads, so this
// import must come before any module that imports Dexie. Databases still use their own factory.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MuAtlasDb } from '../persistence/db.ts';
import type { PersistentStorage } from '../persistence/storage-persist.ts';
import {
  failWritesWhileFull,
  freshProfile,
  type Profile,
} from '../../tests/persistence/fresh-db.ts';
import { ZonesState, type ZoneDraft } from './zones.svelte.ts';

class GrantingStorage implements PersistentStorage {
  requests = 0;
  #persistent = false;
  async persisted(): Promise<boolean> {
    return this.#persistent;
  }
  async persist(): Promise<boolean> {
    this.requests += 1;
    this.#persistent = true;
    return true;
  }
}

function box(west: number, south: number, size = 0.01): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [west + size, south],
        [west + size, south + size],
        [west, south + size],
        [west, south],
      ],
    ],
  };
}

/** A clockwise, open ring as a drawing tool may hand it over. */
function drawnBox(west: number, south: number, size = 0.01): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [west, south + size],
        [west + size, south + size],
        [west + size, south],
      ],
    ],
  };
}

const DRAFT: ZoneDraft = {
  name: '安吉递铺老工业区',
  kind: 'oldIndustrialArea',
  phase: 'planning',
  geometry: drawnBox(119.67, 30.62),
  plannedLandMu: null,
  energySpaceTce: 2000,
  enterprisesToRectify: null,
  responsibleUnit: '',
  targetYear: null,
  note: '',
};

let profile: Profile;
const states: ZonesState[] = [];
afterEach(() => {
  states.splice(0).forEach((s) => s.dispose());
  profile.close();
});

async function openState(db: MuAtlasDb, storage: PersistentStorage = new GrantingStorage()) {
  const state = new ZonesState(db, { nameStore: null, storage });
  states.push(state);
  await vi.waitFor(() => expect(state.loaded).toBe(true));
  return state;
}

describe('ZonesState editing', () => {
  it('stores a drawn zone normalised, shows it live in a second tab, and asks to persist once', async () => {
    profile = freshProfile();
    const storage = new GrantingStorage();
    const tabA = await openState(profile.openTab(), storage);
    const tabB = await openState(profile.openTab());
    const id = await tabA.create(DRAFT);
    expect(id).not.toBeNull();
    expect(tabA.saveStatus).toBe('saved');
    await vi.waitFor(() => expect(tabB.zones.map((z) => z.id)).toEqual([id]));
    expect(tabB.zones[0]!.geometry).toEqual(box(119.67, 30.62));
    expect(tabB.measureOf(id!)?.areaMu).toBeGreaterThan(1500);
    await tabA.update(id!, { name: '改名' });
    expect(storage.requests).toBe(1);
    await vi.waitFor(() => expect(tabA.persistReport?.outcome).toBe('granted'));
  });

  it('updates a zone right after creating it, before the live list catches up', async () => {
    profile = freshProfile();
    const tab = await openState(profile.openTab());
    const id = await tab.create(DRAFT);
    expect(await tab.update(id!, { phase: 'newBuild' })).toBe(true);
    expect(await tab.update(id!, { plannedLandMu: 120 })).toBe(true);
    await vi.waitFor(() =>
      expect(tab.zoneById(id!)).toMatchObject({ phase: 'newBuild', plannedLandMu: 120 }),
    );
  });

  it('refuses an invalid edit with its errors and stores nothing', async () => {
    profile = freshProfile();
    const tab = await openState(profile.openTab());
    expect(await tab.create({ ...DRAFT, geometry: box(119.67, 30.62, 0.00005) })).toBeNull();
    expect(tab.lastRejection?.geometryErrors.map((e) => e.id)).toEqual(['tooSmall']);
    expect(tab.canUndo).toBe(false);
  });

  it('undoes and redoes creation, change and deletion in order', async () => {
    profile = freshProfile();
    const tab = await openState(profile.openTab());
    const id = (await tab.create(DRAFT))!;
    await tab.update(id, { name: '第二版' });
    await tab.remove(id);
    const name = () => tab.zoneById(id)?.name;

    expect(await tab.undo()).toBe(true);
    await vi.waitFor(() => expect(name()).toBe('第二版'));
    expect(await tab.undo()).toBe(true);
    await vi.waitFor(() => expect(name()).toBe('安吉递铺老工业区'));
    expect(await tab.undo()).toBe(true);
    await vi.waitFor(() => expect(tab.zones).toEqual([]));
    expect(tab.canUndo).toBe(false);

    expect(await tab.redo()).toBe(true);
    expect(await tab.redo()).toBe(true);
    await vi.waitFor(() => expect(name()).toBe('第二版'));
    // A new edit drops what could be redone.
    await tab.update(id, { note: '新的修改' });
    expect(tab.canRedo).toBe(false);
  });

  it('reports a conflict when another tab changed the zone, and keeps mine for retry', async () => {
    profile = freshProfile();
    const tabA = await openState(profile.openTab());
    const tabB = await openState(profile.openTab());
    const id = (await tabA.create(DRAFT))!;
    await vi.waitFor(() => expect(tabB.zoneById(id)).toBeDefined());
    const seenByA = tabA.zoneById(id)?.revision ?? 1;
    expect(await tabB.update(id, { name: 'B 改的' })).toBe(true);

    expect(await tabA.update(id, { name: 'A 改的' }, seenByA)).toBe(false);
    expect(tabA.status).toEqual({ kind: 'conflict', zoneId: id });
    const failed = tabA.saveStatus;
    expect(typeof failed === 'object' && failed.current?.name).toBe('B 改的');

    expect(await tabA.resolveConflict(true)).toBe(true);
    await vi.waitFor(() => expect(tabB.zoneById(id)?.name).toBe('A 改的'));
    expect(tabA.saveStatus).toBe('saved');
  });

  it('keeps the edit in memory on a full disk and stores it on retry', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const diskFull = { value: true };
    failWritesWhileFull(db, diskFull, 'QuotaExceededError');
    const tab = await openState(db);
    expect(await tab.create(DRAFT)).toBeNull();
    expect(tab.status).toEqual({ kind: 'failed', detail: 'storage-full', storageFull: true });
    expect(tab.zones).toEqual([]);
    diskFull.value = false;
    expect(await tab.retry()).toBe(true);
    await vi.waitFor(() => expect(tab.zones.map((z) => z.name)).toEqual(['安吉递铺老工业区']));
    expect(tab.canUndo).toBe(true);
  });
});

describe('ZonesState contents and progress', () => {
  const read = (file: string) =>
    JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../public/data', file), 'utf8'),
    ) as FeatureCollection;

  it('lists the district and places of a zone and adds it to its district progress', async () => {
    profile = freshProfile();
    const tab = await openState(profile.openTab());
    expect(tab.progress).toBeNull();
    tab.setReferenceData(read('districts.geojson'), read('places.geojson'));
    tab.setExtraPoints([
      { id: 'imported-1', kind: 'enterprise', nameZh: '导入企业', lon: 119.675, lat: 30.625 },
    ]);
    const id = (await tab.create({ ...DRAFT, plannedLandMu: 400 }))!;
    await vi.waitFor(() => expect(tab.zoneById(id)).toBeDefined());

    const contents = tab.contentsOf(id);
    expect(contents?.districts.map((d) => d.districtCode)).toEqual(['330523']);
    expect(contents?.points.map((p) => p.id)).toContain('imported-1');

    const anji = tab.progress?.districts.find((d) => d.districtCode === '330523');
    expect(anji?.landMu.planned).toBeCloseTo(400, 9);
    expect(anji?.landMu.ratio).toBeCloseTo(400 / 2000, 9);
    expect(anji?.energyTce.planned).toBeCloseTo(2000, 9);
  });

  it('counts the evaluated layer’s enterprises inside a stored zone and a shape being drawn', async () => {
    profile = freshProfile();
    const tab = await openState(profile.openTab());
    tab.setReferenceData(read('districts.geojson'), read('places.geojson'));
    const id = (await tab.create(DRAFT))!;
    await vi.waitFor(() => expect(tab.zoneById(id)).toBeDefined());
    expect(tab.contentsOf(id)?.evaluated).toBeNull();

    const enterprise = (recordIndex: number, lon: number, evaluationClass: 'A' | 'D') => ({
      id: `L#${recordIndex}`,
      lon,
      lat: 30.625,
      recordIndex,
      name: `企业${recordIndex}`,
      evaluationClass,
      flagged: recordIndex === 2,
      flagRules: [],
      landMu: 10 * (recordIndex + 1),
      taxWanYuan: null,
    });
    tab.setEvaluatedLayer({
      layerId: 'L',
      layerName: '示例数据',
      synthetic: true,
      // The zone spans 119.67–119.68°E; the last enterprise lies east of it.
      points: [
        enterprise(0, 119.672, 'A'),
        enterprise(1, 119.675, 'D'),
        enterprise(2, 119.678, 'A'),
        enterprise(3, 119.7, 'D'),
      ],
    });
    const evaluated = tab.contentsOf(id)?.evaluated;
    expect(evaluated).toMatchObject({
      layerId: 'L',
      synthetic: true,
      enterpriseCount: 3,
      countByClass: { A: 2, B: 0, C: 0, D: 1 },
      flaggedCount: 1,
      renewalLandMu: 20 + 30,
    });
    expect(evaluated?.listed.map((l) => l.point.recordIndex)).toEqual([2, 1]);
    // A shape still being drawn over the eastern enterprise only.
    const drawn = tab.contentsOfShape(drawnBox(119.695, 30.62));
    expect(drawn?.evaluated?.countByClass.D).toBe(1);
    expect(drawn?.evaluated?.enterpriseCount).toBe(1);

    tab.setEvaluatedLayer(null);
    expect(tab.contentsOf(id)?.evaluated).toBeNull();
  });

  it('exports every zone as GeoJSON with its fields, area in 亩 and the district it lies in', async () => {
    profile = freshProfile();
    const tab = await openState(profile.openTab());
    tab.setReferenceData(read('districts.geojson'), read('places.geojson'));
    const id = (await tab.create({ ...DRAFT, plannedLandMu: 400 }))!;
    await vi.waitFor(() => expect(tab.zoneById(id)).toBeDefined());

    const file = await tab.exportZonesGeoJson(undefined, new Date(2025, 4, 6, 7, 8));
    expect(file).toMatchObject({
      fileName: 'muatlas-zones-20250506-0708.geojson',
      mediaType: 'application/geo+json',
      zoneCount: 1,
      withDistricts: true,
    });
    const parsed = JSON.parse(file.text) as FeatureCollection<Polygon>;
    const [feature] = parsed.features;
    expect(feature?.geometry).toEqual(tab.zoneById(id)?.geometry);
    expect(feature?.properties).toMatchObject({
      id,
      name: DRAFT.name,
      kind: 'oldIndustrialArea',
      plannedLandMu: 400,
      energySpaceTce: 2000,
      areaMu: expect.closeTo(tab.measureOf(id)!.areaMu, 2),
      districts: [expect.objectContaining({ code: '330523', nameZh: '安吉县' })],
    });
  });
});
