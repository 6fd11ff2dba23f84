// Dexie's liveQuery stays silent unless a global indexedDB exists when Dexie loads, so this
// import must come before any module that imports Dexie. Databases still use their own factory.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { subscribeLive } from '../../src/persistence/live-query.svelte.ts';
import { PlaceCorrectionsRepo } from '../../src/persistence/place-corrections.repo.ts';
import { freshProfile, type Profile } from './fresh-db.ts';

let profile: Profile;
afterEach(() => profile.close());

const AUTHOR = { enteredBy: '王工' };
const MOVE = { placeId: 'hz-ent-07', lon: 120.0912, lat: 30.8711, baseRevision: 0 };

describe('PlaceCorrectionsRepo.liveAll', () => {
  it('emits again when another tab corrects a place', async () => {
    profile = freshProfile();
    const tabA = new PlaceCorrectionsRepo(profile.openTab());
    const tabB = new PlaceCorrectionsRepo(profile.openTab());
    const seen: string[][] = [];
    const stop = subscribeLive(tabA.liveAll(), (rows) => seen.push(rows.map((r) => r.placeId)));
    try {
      await expect.poll(() => seen.length).toBeGreaterThan(0);
      await tabB.put(MOVE, AUTHOR);
      await tabB.put({ ...MOVE, placeId: 'sx-ent-02', lon: 120.6, lat: 30.0 }, AUTHOR);
      await expect.poll(() => seen.at(-1)).toEqual(['hz-ent-07', 'sx-ent-02']);
    } finally {
      stop();
    }
  });
});
