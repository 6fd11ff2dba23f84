import type { Polygon } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import {
  exportBackup,
  importBackup,
  serialiseBackup,
} from '../../src/persistence/backup.format.ts';
import { ZonesRepo } from '../../src/persistence/zones.repo.ts';
import { FIXED_NOW, freshProfile, type Profile } from './fresh-db.ts';
import { box, ZONE_AUTHOR, ZONE_DRAFT } from './zones.fixture.ts';

const profiles: Profile[] = [];
afterEach(() => profiles.splice(0).forEach((p) => p.close()));

function profile(): Profile {
  const p = freshProfile();
  profiles.push(p);
  return p;
}

async function fileWithZones(now = FIXED_NOW): Promise<{ text: string; ids: string[] }> {
  const db = profile().openTab();
  const repo = new ZonesRepo(db, () => now);
  await repo.create(ZONE_DRAFT, ZONE_AUTHOR, 'zone-a');
  await repo.create(
    { ...ZONE_DRAFT, name: '第二块', geometry: box(120.27, 30.84) },
    ZONE_AUTHOR,
    'zone-b',
  );
  return { text: serialiseBackup(await exportBackup(db, now)), ids: ['zone-a', 'zone-b'] };
}

describe('zones in backups', () => {
  it('round-trips zones into an empty profile, journalled and with fresh revisions', async () => {
    const { text } = await fileWithZones();
    const parsed = JSON.parse(text) as { zones: unknown[] };
    expect(parsed.zones).toHaveLength(2);
    expect(parsed.zones[0]).not.toHaveProperty('revision');
    // The file holds GeoJSON outlines, whatever shape the tables store them in.
    expect(parsed.zones[0]).toMatchObject({ geometry: ZONE_DRAFT.geometry });
    expect(parsed.zones[0]).not.toHaveProperty('ring');

    const target = profile().openTab();
    const result = await importBackup(target, text, { mode: 'merge' });
    expect(result).toMatchObject({ ok: true, summary: { zones: { added: 2 } } });
    const repo = new ZonesRepo(target);
    const restored = await repo.get('zone-a');
    expect(restored).toMatchObject({
      ...ZONE_DRAFT,
      id: 'zone-a',
      enteredBy: ZONE_AUTHOR.enteredBy,
    });
    expect(restored?.revision).toBeGreaterThan(0);
    expect(await repo.journalOf('zone-a')).toMatchObject([
      { before: null, after: { id: 'zone-a' } },
    ]);
  });

  it('refuses a file with a crossing ring, naming the zone and field, and changes nothing', async () => {
    const { text } = await fileWithZones();
    const data = JSON.parse(text) as { zones: { geometry: Polygon }[] };
    data.zones[1]!.geometry.coordinates[0] = [
      [120.1, 30.85],
      [120.11, 30.86],
      [120.11, 30.85],
      [120.1, 30.86],
      [120.1, 30.85],
    ];
    const target = profile().openTab();
    await new ZonesRepo(target).create(ZONE_DRAFT, ZONE_AUTHOR, 'zone-here');
    const result = await importBackup(target, JSON.stringify(data), { mode: 'replace' });
    expect(result).toMatchObject({
      ok: false,
      kind: 'invalid',
      problems: [
        { id: 'backup.badRecord', params: { section: 'zones', index: 1, field: 'geometry' } },
      ],
    });
    expect((await target.zones.toArray()).map((z) => z.id)).toEqual(['zone-here']);
    expect(await target.zoneEdits.count()).toBe(1);
  });

  it.each([
    ['a kind that is not one of the five', { kind: 'factory' }, 'kind'],
    ['a negative planned land figure', { plannedLandMu: -10 }, 'plannedLandMu'],
    [
      'a geometry that is not a polygon',
      { geometry: { type: 'Point', coordinates: [120, 30] } },
      'geometry',
    ],
  ])('refuses %s', async (_what, patch, field) => {
    const { text } = await fileWithZones();
    const data = JSON.parse(text) as { zones: Record<string, unknown>[] };
    Object.assign(data.zones[0]!, patch);
    const result = await importBackup(profile().openTab(), JSON.stringify(data), { mode: 'merge' });
    expect(result).toMatchObject({
      ok: false,
      problems: [{ params: { section: 'zones', index: 0, field } }],
    });
  });

  it('merge keeps the later edit of a zone; replace removes zones the file lacks', async () => {
    const { text } = await fileWithZones(new Date('2024-01-01T00:00:00Z'));
    const target = profile().openTab();
    const repo = new ZonesRepo(target, () => new Date('2024-06-01T00:00:00Z'));
    await repo.create({ ...ZONE_DRAFT, name: '本机较新的版本' }, ZONE_AUTHOR, 'zone-a');
    await repo.create({ ...ZONE_DRAFT, geometry: box(120.1, 30.9) }, ZONE_AUTHOR, 'zone-local');

    const merged = await importBackup(target, text, { mode: 'merge' });
    expect(merged).toMatchObject({
      ok: true,
      summary: { zones: { added: 1, kept: 1, removed: 0 } },
    });
    expect((await repo.get('zone-a'))?.name).toBe('本机较新的版本');
    expect(await repo.get('zone-local')).toBeDefined();

    const dry = await importBackup(target, text, { mode: 'replace', dryRun: true });
    expect(dry).toMatchObject({ ok: true, summary: { zones: { updated: 2, removed: 1 } } });
    expect(await repo.get('zone-local')).toBeDefined();

    await importBackup(target, text, { mode: 'replace' });
    expect((await repo.listAll()).map((z) => z.id).sort()).toEqual(['zone-a', 'zone-b']);
    expect((await repo.get('zone-a'))?.name).toBe(ZONE_DRAFT.name);
    const localJournal = await repo.journalOf('zone-local');
    expect(localJournal.at(-1)).toMatchObject({ before: { id: 'zone-local' }, after: null });
  });
});
