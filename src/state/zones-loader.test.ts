// Dexie's liveQuery stays silent unless a global indexedDB exists when Dexie loads.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadZonesState } from './zones-loader.ts';

describe('loadZonesState', () => {
  it('gives every feature the same zones state, so one live query serves them all', async () => {
    const [tab, heatmap] = await Promise.all([loadZonesState(), loadZonesState()]);
    const briefings = await loadZonesState();
    expect(heatmap).toBe(tab);
    expect(briefings).toBe(tab);
  });
});
