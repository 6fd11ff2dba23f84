// Dexie's liveQuery stays silent unless a global indexedDB exists when Dexie loads.
import 'fake-indexeddb/auto';
import { render } from 'svelte/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshProfile, type Profile } from '../../../tests/persistence/fresh-db.ts';
import { PlaceCorrectionsState } from '../../state/place-corrections.svelte.ts';
import PlaceCorrection from './PlaceCorrection.svelte';

let profile: Profile;
let state: PlaceCorrectionsState;
afterEach(() => {
  state.dispose();
  profile.close();
});

describe('PlaceCorrection', () => {
  it('shows who corrected a place, its original point and the restore button', async () => {
    profile = freshProfile();
    state = new PlaceCorrectionsState(profile.openTab(), { nameStore: null });
    state.setEnteredBy('王工');
    await state.correct('hz-ent-07', 120.09, 30.87);
    await vi.waitFor(() => expect(state.correctionOf('hz-ent-07')).toBeDefined());
    const props = {
      corrections: state,
      locale: 'zh-CN' as const,
      placeId: 'hz-ent-07',
      placeName: '某公司',
      originalLon: 120.1,
      originalLat: 30.8,
    };
    const { body } = render(PlaceCorrection, { props });
    expect(body).toMatch(/已校正（王工，[^）]+）/);
    expect(body).toContain('原位置：120.100000, 30.800000');
    expect(body).toContain('恢复原位');
    expect(body).not.toContain('在地图上拖动');

    const withDrag = render(PlaceCorrection, {
      props: { ...props, placeId: 'hz-ent-08', startDrag: () => () => {} },
    });
    expect(withDrag.body).toContain('在地图上拖动');
    expect(withDrag.body).not.toContain('已校正');
  });
});
