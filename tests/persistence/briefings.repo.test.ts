import { afterEach, describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/domain/briefings/briefing.ts';
import { BriefingsRepo } from '../../src/persistence/briefings.repo.ts';
import { failWritesWhileFull, freshProfile, type Profile } from './fresh-db.ts';

let profile: Profile;
afterEach(() => profile.close());

const BRIEFING: Briefing = {
  id: 'b1',
  title: '季度汇报',
  createdAt: '2024-05-01T08:00:00.000Z',
  updatedAt: '2024-05-01T08:00:00.000Z',
  slides: [
    {
      id: 's1',
      title: '全市',
      subtitle: '',
      speakerNotes: '',
      viewQuery: '?region=huzhou&indicator=tax_per_mu',
      boundsLonLat: [119.2, 30.3, 120.6, 31.2],
      kpiIds: ['district-indicator'],
    },
  ],
};

describe('BriefingsRepo', () => {
  it('stores a briefing whole and lists the most recently changed first', async () => {
    profile = freshProfile();
    const repo = new BriefingsRepo(profile.openTab());
    const first = await repo.put(BRIEFING, 0);
    expect(first).toEqual({ ok: true, saved: { ...BRIEFING, revision: 1 } });
    await repo.put({ ...BRIEFING, id: 'b2', updatedAt: '2024-06-01T00:00:00.000Z' }, 0);
    expect((await repo.listAll()).map((b) => b.id)).toEqual(['b2', 'b1']);
  });

  it('reports a conflict when another tab saved the briefing since it was read', async () => {
    profile = freshProfile();
    const tabA = new BriefingsRepo(profile.openTab());
    const tabB = new BriefingsRepo(profile.openTab());
    await tabA.put(BRIEFING, 0);
    const fromB = await tabB.put({ ...BRIEFING, title: 'B 的标题' }, 1);
    expect(fromB.ok).toBe(true);
    const fromA = await tabA.put({ ...BRIEFING, title: 'A 的标题' }, 1);
    expect(fromA).toMatchObject({ ok: false, kind: 'conflict', current: { title: 'B 的标题' } });
    expect((await tabA.get('b1'))?.title).toBe('B 的标题');
  });

  it('refuses to delete a briefing changed or already deleted elsewhere', async () => {
    profile = freshProfile();
    const repo = new BriefingsRepo(profile.openTab());
    await repo.put(BRIEFING, 0);
    await repo.put({ ...BRIEFING, title: '改过' }, 1);
    expect(await repo.delete('b1', 1)).toMatchObject({ ok: false, kind: 'conflict' });
    expect(await repo.delete('b1', 2)).toMatchObject({ ok: true, removed: { title: '改过' } });
    expect(await repo.delete('b1', 2)).toMatchObject({ ok: false, current: undefined });
  });

  it('imports a file as a new briefing, never over one with the same id', async () => {
    profile = freshProfile();
    const repo = new BriefingsRepo(profile.openTab());
    await repo.put(BRIEFING, 0);
    const imported = await repo.importNew({ ...BRIEFING, title: '同事的汇报' }, 'fresh');
    expect(imported.ok && imported.saved.id).toBe('fresh');
    expect((await repo.get('b1'))?.title).toBe('季度汇报');
    const second = await repo.importNew({ ...BRIEFING, id: 'b9' }, 'unused');
    expect(second.ok && second.saved.id).toBe('b9');
  });

  it('stores nothing on a full disk and says so', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const diskFull = { value: true };
    failWritesWhileFull(db, diskFull, 'QuotaExceededError');
    const repo = new BriefingsRepo(db);
    const result = await repo.put(BRIEFING, 0);
    expect(result.ok === false && result.kind).toBe('storage-full');
    diskFull.value = false;
    expect(await repo.listAll()).toEqual([]);
    expect(await repo.put(BRIEFING, 0)).toMatchObject({ ok: true });
  });
});
