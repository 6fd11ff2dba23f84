// Dexie's liveQuery stays silent unless a global indexedDB exists when Dexie loads, so this
// import must come before any module that imports Dexie. Databases still use their own factory.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SNAPSHOT_MIN_ZONES, ZonesRepo } from '../../src/persistence/zones.repo.ts';
import { FIXED_NOW, freshProfile, type Profile } from './fresh-db.ts';
import { box, ZONE_AUTHOR, ZONE_DRAFT } from './zones.fixture.ts';

let profile: Profile;
afterEach(() => profile.close());

const openRepo = () => new ZonesRepo(profile.openTab(), () => FIXED_NOW);

async function createMany(repo: ZonesRepo, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const geometry = box(120 + (i % 50) * 0.004, 30.7 + Math.floor(i / 50) * 0.004, 0.002);
    const created = await repo.create({ ...ZONE_DRAFT, name: `区块 ${i}`, geometry }, ZONE_AUTHOR);
    if (!created.ok) throw new Error(`zone ${i}: ${created.kind}`);
  }
}

describe('zones live across tabs with a snapshot', () => {
  it("still shows a second tab's new zone live when the first tab read a snapshot", async () => {
    profile = freshProfile();
    const tabA = openRepo();
    await createMany(tabA, SNAPSHOT_MIN_ZONES);
    await tabA.listAll();
    await tabA.flushSnapshot();
    const seen: number[] = [];
    const subscription = openRepo()
      .liveAll()
      .subscribe({
        next: (zones) => seen.push(zones.length),
        error: (e) => console.log('LIVEERR', String(e)),
      });
    await vi.waitFor(() => expect(seen.at(-1)).toBe(SNAPSHOT_MIN_ZONES), { timeout: 5000 });
    await openRepo().create({ ...ZONE_DRAFT, name: '另一个标签页' }, ZONE_AUTHOR);
    await vi.waitFor(() => expect(seen.at(-1)).toBe(SNAPSHOT_MIN_ZONES + 1), {
      timeout: 5000,
    });
    subscription.unsubscribe();
  });
});
