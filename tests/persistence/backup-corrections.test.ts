import { afterEach, describe, expect, it } from 'vitest';
import { ActualsRepo } from '../../src/persistence/actuals.repo.ts';
import {
  BACKUP_FORMAT,
  BACKUP_SCHEMA_VERSION,
  BACKUP_SECTIONS,
  exportBackup,
  importBackup,
  parseBackup,
  serialiseBackup,
} from '../../src/persistence/backup.format.ts';
import type { MuAtlasDb } from '../../src/persistence/db.ts';
import {
  PlaceCorrectionsRepo,
  type CorrectionEdit,
} from '../../src/persistence/place-corrections.repo.ts';
import { FIXED_NOW, TEST_RULES, freshProfile, type Profile } from './fresh-db.ts';

let profile: Profile;
afterEach(() => profile.close());

const WUXING_TAX = { indicatorId: 'tax_per_mu', districtCode: '330502', year: 2023 };

async function seed(db: MuAtlasDb, corrections: CorrectionEdit[], now = FIXED_NOW) {
  const actuals = await new ActualsRepo(db, TEST_RULES, () => now).put(
    [{ ...WUXING_TAX, value: 41.5, baseRevision: 0 }],
    { enteredBy: '张工' },
  );
  if (!actuals.ok) throw new Error(actuals.kind);
  const repo = new PlaceCorrectionsRepo(db, () => now);
  for (const edit of corrections) {
    const result = await repo.put(edit, { enteredBy: '王工' });
    if (!result.ok) throw new Error(result.kind);
  }
}

async function snapshot(db: MuAtlasDb) {
  const tables = await Promise.all(
    db.tables.map(async (table) => [table.name, await table.toArray()] as const),
  );
  return Object.fromEntries(tables);
}

const strip = <T extends { revision: number }>(rows: T[]) =>
  rows.map(({ revision: _r, ...rest }) => rest);

function correctionJson(placeId: string, lon: number, lat: number, enteredAt: string) {
  return { placeId, lon, lat, enteredBy: '李工', enteredAt, note: '' };
}

const EARLIER = '2024-01-01T00:00:00.000Z';
const LATER = '2024-06-01T00:00:00.000Z';

describe('backups with place corrections (format 2)', () => {
  it('round-trips actuals and corrections into an empty profile, with fresh revisions', async () => {
    profile = freshProfile();
    const source = profile.openTab();
    await seed(source, [
      { placeId: 'hz-ent-07', lon: 120.0912, lat: 30.8711, note: '大门', baseRevision: 0 },
      { placeId: 'sx-prj-03', lon: 120.58, lat: 30.01, baseRevision: 0 },
    ]);
    const backup = await exportBackup(source, FIXED_NOW);
    expect(backup.schemaVersion).toBe(BACKUP_SCHEMA_VERSION);
    expect(backup.placeCorrections.map((c) => c.placeId)).toEqual(['hz-ent-07', 'sx-prj-03']);
    expect(backup.placeCorrections[0]).not.toHaveProperty('revision');

    const other = freshProfile();
    try {
      const target = other.openTab();
      const result = await importBackup(target, serialiseBackup(backup), { mode: 'merge' });
      const nothing = { added: 0, updated: 0, kept: 0, removed: 0 };
      expect(result.ok && result.summary).toEqual({
        ...Object.fromEntries(BACKUP_SECTIONS.map((s) => [s.name, nothing])),
        actuals: { ...nothing, added: 1 },
        placeCorrections: { ...nothing, added: 2 },
      });
      const restored = await target.placeCorrections.toArray();
      expect(strip(restored)).toEqual(strip(await source.placeCorrections.toArray()));
      expect(strip(await target.actuals.toArray())).toEqual(strip(await source.actuals.toArray()));
      const revisions = [...(await target.actuals.toArray()), ...restored].map((r) => r.revision);
      expect(new Set(revisions).size).toBe(3);
    } finally {
      other.close();
    }
  });

  it('merge keeps the later correction of a place; replace removes ones not in the file', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    await seed(
      db,
      [
        { placeId: 'hz-ent-07', lon: 120.09, lat: 30.87, baseRevision: 0 },
        { placeId: 'hz-ent-08', lon: 120.1, lat: 30.8, baseRevision: 0 },
      ],
      new Date('2024-03-01T00:00:00.000Z'),
    );
    const text = JSON.stringify({
      format: BACKUP_FORMAT,
      schemaVersion: 2,
      exportedAt: LATER,
      actuals: [],
      placeCorrections: [
        correctionJson('hz-ent-07', 120.2, 30.9, LATER),
        correctionJson('hz-ent-08', 120.3, 30.7, EARLIER),
        correctionJson('hz-prj-01', 119.9, 30.6, EARLIER),
      ],
    });
    const merged = await importBackup(db, text, { mode: 'merge' });
    expect(merged.ok && merged.summary.placeCorrections).toEqual({
      added: 1,
      updated: 1,
      kept: 1,
      removed: 0,
    });
    const lons = (await db.placeCorrections.toArray()).map((c) => [c.placeId, c.lon]);
    expect(lons).toEqual([
      ['hz-ent-07', 120.2],
      ['hz-ent-08', 120.1],
      ['hz-prj-01', 119.9],
    ]);

    const onlyOne = JSON.stringify({
      ...JSON.parse(text),
      placeCorrections: [correctionJson('hz-prj-01', 119.95, 30.6, EARLIER)],
    });
    const replaced = await importBackup(db, onlyOne, { mode: 'replace' });
    expect(replaced.ok && replaced.summary.placeCorrections.removed).toBe(2);
    expect((await db.placeCorrections.toArray()).map((c) => [c.placeId, c.lon])).toEqual([
      ['hz-prj-01', 119.95],
    ]);
    // The file's actuals section was empty, so replace cleared the browser's actuals too.
    expect(await db.actuals.count()).toBe(0);
  });
});

describe('a format 1 file (before place corrections)', () => {
  const v1Text = JSON.stringify({
    format: BACKUP_FORMAT,
    schemaVersion: 1,
    exportedAt: EARLIER,
    actuals: [
      {
        ...WUXING_TAX,
        districtCode: '330503',
        value: 30,
        note: '',
        enteredBy: '李工',
        enteredAt: EARLIER,
        origin: 'user',
      },
    ],
  });

  it('reads as the newest format with only its actuals section', () => {
    const parsed = parseBackup(v1Text);
    expect(parsed.ok && parsed.backup.schemaVersion).toBe(BACKUP_SCHEMA_VERSION);
    expect(parsed.ok && parsed.backup.sections).toEqual(['actuals']);
    expect(parsed.ok && parsed.backup.placeCorrections).toEqual([]);
  });

  it.each(['merge', 'replace'] as const)(
    'imports its actuals in %s mode and leaves the browser’s corrections alone',
    async (mode) => {
      profile = freshProfile();
      const db = profile.openTab();
      await seed(db, [{ placeId: 'hz-ent-07', lon: 120.09, lat: 30.87, baseRevision: 0 }]);
      const correctionsBefore = await db.placeCorrections.toArray();
      const result = await importBackup(db, v1Text, { mode });
      expect(result.ok && result.summary.placeCorrections).toEqual({
        added: 0,
        updated: 0,
        kept: 0,
        removed: 0,
      });
      expect((await db.actuals.toArray()).map((a) => a.districtCode)).toContain('330503');
      expect(await db.placeCorrections.toArray()).toEqual(correctionsBefore);
    },
  );
});

describe('a format 2 file with a bad correction changes nothing', () => {
  const good = correctionJson('hz-ent-07', 120.2, 30.9, LATER);
  const file = (placeCorrections: unknown) =>
    JSON.stringify({
      format: BACKUP_FORMAT,
      schemaVersion: 2,
      exportedAt: LATER,
      actuals: [
        {
          ...WUXING_TAX,
          districtCode: '330521',
          value: 37,
          note: '',
          enteredBy: '',
          enteredAt: LATER,
          origin: 'user',
        },
      ],
      placeCorrections,
    });

  it.each([
    ['a latitude outside the region', [good, { ...good, placeId: 'hz-ent-08', lat: 40 }], 'lat'],
    ['a longitude given as text', [good, { ...good, placeId: 'hz-ent-08', lon: '120.2' }], 'lon'],
    ['an id that is no place id', [good, { ...good, placeId: 'ent-08' }], 'placeId'],
    [
      'a missing time',
      [good, { ...good, placeId: 'hz-ent-08', enteredAt: undefined }],
      'enteredAt',
    ],
  ])('%s', async (_name, corrections, field) => {
    profile = freshProfile();
    const db = profile.openTab();
    await seed(db, [{ placeId: 'hz-ent-07', lon: 120.09, lat: 30.87, baseRevision: 0 }]);
    const before = await snapshot(db);
    for (const mode of ['merge', 'replace'] as const) {
      const result = await importBackup(db, file(corrections), { mode });
      expect(result).toEqual({
        ok: false,
        kind: 'invalid',
        problems: [
          { id: 'backup.badRecord', params: { section: 'placeCorrections', index: 1, field } },
        ],
      });
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a place corrected twice in one file, and a file without the section', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const before = await snapshot(db);
    const twice = await importBackup(db, file([good, { ...good, lon: 120.3 }]), { mode: 'merge' });
    expect(!twice.ok && twice.kind === 'invalid' && twice.problems).toEqual([
      {
        id: 'backup.duplicateRecord',
        params: { section: 'placeCorrections', index: 1, firstIndex: 0 },
      },
    ]);
    const without = await importBackup(db, file(undefined), { mode: 'merge' });
    expect(!without.ok && without.kind === 'invalid' && without.problems).toEqual([
      { id: 'backup.missingSection', params: { section: 'placeCorrections' } },
    ]);
    expect(await snapshot(db)).toEqual(before);
  });
});
