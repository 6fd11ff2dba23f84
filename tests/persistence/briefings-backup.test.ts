import { afterEach, describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/domain/briefings/briefing.ts';
import { BriefingsRepo } from '../../src/persistence/briefings.repo.ts';
import {
  exportBackup,
  importBackup,
  serialiseBackup,
} from '../../src/persistence/backup.format.ts';
import type { MuAtlasDb } from '../../src/persistence/db.ts';
import { FIXED_NOW, freshProfile, type Profile } from './fresh-db.ts';

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
      title: '全市亩均税收',
      subtitle: '2023',
      speakerNotes: '先讲全市',
      viewQuery: '?region=huzhou&indicator=tax_per_mu&district=330502',
      boundsLonLat: [119.2, 30.3, 120.6, 31.2],
      kpiIds: ['district-indicator'],
    },
  ],
};

async function backupTextOf(db: MuAtlasDb) {
  return serialiseBackup(await exportBackup(db, FIXED_NOW));
}

describe('backups with briefings', () => {
  it('round-trips a briefing with its slides into an empty profile', async () => {
    profile = freshProfile();
    const source = profile.openTab();
    await new BriefingsRepo(source).put(BRIEFING, 0);
    const text = await backupTextOf(source);

    const target = freshProfile();
    try {
      const db = target.openTab();
      const result = await importBackup(db, text, { mode: 'merge' });
      expect(result.ok && result.summary.briefings.added).toBe(1);
      const restored = await new BriefingsRepo(db).get('b1');
      expect(restored).toMatchObject(BRIEFING);
      expect(restored?.revision).toBeGreaterThan(0);
    } finally {
      target.close();
    }
  });

  it('refuses a briefing whose slide has an unknown KPI, and changes nothing', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    await new BriefingsRepo(db).put(BRIEFING, 0);
    const file = JSON.parse(await backupTextOf(db));
    file.briefings[0].slides[0].kpiIds = ['made-up'];
    file.briefings[0].title = '被改坏的';
    const result = await importBackup(db, JSON.stringify(file), { mode: 'replace' });
    expect(result).toMatchObject({
      ok: false,
      kind: 'invalid',
      problems: [
        {
          id: 'backup.badRecord',
          params: { section: 'briefings', index: 0, field: 'slides[0].kpiIds[0]' },
        },
      ],
    });
    expect((await new BriefingsRepo(db).get('b1'))?.title).toBe('季度汇报');
  });

  it('replace mode removes briefings the file does not hold', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const repo = new BriefingsRepo(db);
    await repo.put(BRIEFING, 0);
    const text = await backupTextOf(db);
    await repo.put({ ...BRIEFING, id: 'b2' }, 0);
    const result = await importBackup(db, text, { mode: 'replace' });
    expect(result.ok && result.summary.briefings.removed).toBe(1);
    expect((await repo.listAll()).map((b) => b.id)).toEqual(['b1']);
  });
});
