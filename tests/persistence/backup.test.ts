import { afterEach, describe, expect, it } from 'vitest';
import type { ActualKey } from '../../src/domain/actuals/actual-value.ts';
import { ActualsRepo, type ActualEdit } from '../../src/persistence/actuals.repo.ts';
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
  FIXED_NOW,
  TEST_RULES,
  failWritesWhileFull,
  freshProfile,
  type Profile,
} from './fresh-db.ts';

const WUXING_TAX: ActualKey = { indicatorId: 'tax_per_mu', districtCode: '330502', year: 2023 };
const NANXUN_TAX: ActualKey = { ...WUXING_TAX, districtCode: '330503' };
const DEQING_TAX: ActualKey = { ...WUXING_TAX, districtCode: '330521' };

let profile: Profile;
afterEach(() => profile.close());

async function seedValues(db: MuAtlasDb, edits: ActualEdit[], now = FIXED_NOW) {
  const result = await new ActualsRepo(db, TEST_RULES, () => now).put(edits, { enteredBy: '张工' });
  if (!result.ok) throw new Error(result.kind);
  return result.saved;
}

/** Everything stored, revisions included, to prove an import changed nothing. */
async function snapshot(db: MuAtlasDb) {
  const tables = await Promise.all(
    db.tables.map(async (table) => [table.name, await table.toArray()] as const),
  );
  return Object.fromEntries(tables);
}

/** A file of the newest version: every registered section empty but the actuals given. */
function backupText(actuals: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt: FIXED_NOW.toISOString(),
    ...Object.fromEntries(BACKUP_SECTIONS.map((s) => [s.name, []])),
    actuals,
    ...extra,
  });
}

const NOTHING = { added: 0, updated: 0, kept: 0, removed: 0 };

/** A summary in which only the actuals change. */
function actualsOnly(actuals: typeof NOTHING) {
  return { ...Object.fromEntries(BACKUP_SECTIONS.map((s) => [s.name, NOTHING])), actuals };
}

function actualJson(key: ActualKey, value: number, enteredAt = FIXED_NOW.toISOString()) {
  return { ...key, value, note: '', enteredBy: '李工', enteredAt, origin: 'user' };
}

describe('exportBackup', () => {
  it('names its format and version and holds every actual without revisions', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    await seedValues(db, [
      { ...WUXING_TAX, value: 41.5, note: '快报', baseRevision: 0 },
      { ...NANXUN_TAX, value: 30, baseRevision: 0 },
    ]);
    const backup = await exportBackup(db, FIXED_NOW);
    expect(backup.format).toBe('muatlas-backup');
    expect(backup.schemaVersion).toBe(BACKUP_SCHEMA_VERSION);
    expect(backup.exportedAt).toBe(FIXED_NOW.toISOString());
    expect(backup.actuals).toHaveLength(2);
    expect(backup.actuals[0]).toEqual({
      ...WUXING_TAX,
      value: 41.5,
      note: '快报',
      enteredBy: '张工',
      enteredAt: FIXED_NOW.toISOString(),
      origin: 'user',
    });
    expect(backup.actuals[0]).not.toHaveProperty('revision');
  });

  it('round-trips through a file into an empty browser profile', async () => {
    profile = freshProfile();
    const source = profile.openTab();
    await seedValues(source, [
      { ...WUXING_TAX, value: 41.5, note: '快报', baseRevision: 0 },
      { ...NANXUN_TAX, indicatorId: 'industrial_value_added_growth', value: -0.5, baseRevision: 0 },
    ]);
    const text = serialiseBackup(await exportBackup(source));

    const otherProfile = freshProfile();
    try {
      const target = otherProfile.openTab();
      const result = await importBackup(target, text, { mode: 'merge' });
      expect(result).toEqual({
        ok: true,
        dryRun: false,
        summary: actualsOnly({ added: 2, updated: 0, kept: 0, removed: 0 }),
      });
      const strip = (rows: { revision: number }[]) => rows.map(({ revision: _r, ...rest }) => rest);
      expect(strip(await target.actuals.toArray())).toEqual(strip(await source.actuals.toArray()));
    } finally {
      otherProfile.close();
    }
  });
});

describe('importBackup refuses a bad file and changes nothing', () => {
  const goodRecord = actualJson(DEQING_TAX, 37);
  const cases: [string, string, string][] = [
    ['text that is not JSON', '{"format": "muatlas-backup", ', 'backup.notJson'],
    ['JSON from another program', JSON.stringify({ rows: [] }), 'backup.notMuAtlas'],
    ['a file from a newer MuAtlas', backupText([], { schemaVersion: 99 }), 'backup.newerVersion'],
    [
      'a file without actuals',
      JSON.stringify({ format: BACKUP_FORMAT, schemaVersion: 1 }),
      'backup.missingSection',
    ],
    [
      'one good and one bad record',
      backupText([goodRecord, { ...goodRecord, districtCode: '999999' }]),
      'backup.badRecord',
    ],
    ['a value that is text', backupText([{ ...goodRecord, value: '37' }]), 'backup.badRecord'],
    [
      'a record claiming seed origin',
      backupText([{ ...goodRecord, origin: 'seed' }]),
      'backup.badRecord',
    ],
    [
      'the same key twice',
      backupText([goodRecord, { ...goodRecord, value: 38 }]),
      'backup.duplicateRecord',
    ],
  ];

  it.each(cases)('%s', async (_name, text, problemId) => {
    profile = freshProfile();
    const db = profile.openTab();
    await seedValues(db, [{ ...WUXING_TAX, value: 41.5, baseRevision: 0 }]);
    const before = await snapshot(db);
    for (const mode of ['merge', 'replace'] as const) {
      const result = await importBackup(db, text, { mode });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.kind === 'invalid' && result.problems[0]?.id).toBe(problemId);
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('points at the bad record and field', () => {
    const parsed = parseBackup(
      backupText([goodRecord, actualJson(NANXUN_TAX, 30), { ...goodRecord, year: 2023.5 }]),
    );
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { id: 'backup.badRecord', params: { section: 'actuals', index: 2, field: 'year' } },
      ],
    });
  });
});

describe('importBackup modes', () => {
  const earlier = '2024-01-01T00:00:00.000Z';
  const later = '2024-06-01T00:00:00.000Z';

  it('merge keeps the later of two values for a key and leaves unmentioned values', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    await seedValues(
      db,
      [
        { ...WUXING_TAX, value: 41, baseRevision: 0 },
        { ...NANXUN_TAX, value: 30, baseRevision: 0 },
      ],
      new Date('2024-03-01T00:00:00.000Z'),
    );
    const text = backupText([
      actualJson(WUXING_TAX, 45, later),
      actualJson(NANXUN_TAX, 28, earlier),
      actualJson(DEQING_TAX, 37, earlier),
    ]);
    const result = await importBackup(db, text, { mode: 'merge' });
    expect(result.ok && result.summary.actuals).toEqual({
      added: 1,
      updated: 1,
      kept: 1,
      removed: 0,
    });
    const values = (await db.actuals.toArray()).map((a) => [a.districtCode, a.value]);
    expect(values).toEqual([
      ['330502', 45],
      ['330503', 30],
      ['330521', 37],
    ]);
  });

  it('replace makes the browser hold exactly the file, and a dry run only reports it', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    await seedValues(db, [
      { ...WUXING_TAX, value: 41, baseRevision: 0 },
      { ...NANXUN_TAX, value: 30, baseRevision: 0 },
    ]);
    const text = backupText([actualJson(DEQING_TAX, 37, earlier)]);
    const before = await snapshot(db);

    const preview = await importBackup(db, text, { mode: 'replace', dryRun: true });
    expect(preview).toEqual({
      ok: true,
      dryRun: true,
      summary: actualsOnly({ added: 1, updated: 0, kept: 0, removed: 2 }),
    });
    expect(await snapshot(db)).toEqual(before);

    await importBackup(db, text, { mode: 'replace' });
    expect((await db.actuals.toArray()).map((a) => a.districtCode)).toEqual(['330521']);
  });

  it('gives restored records new revisions, so a tab editing the old value gets a conflict', async () => {
    profile = freshProfile();
    const tabA = profile.openTab();
    const [seen] = await seedValues(tabA, [{ ...WUXING_TAX, value: 41, baseRevision: 0 }]);
    await importBackup(tabA, backupText([actualJson(WUXING_TAX, 45, '2099-01-01T00:00:00.000Z')]), {
      mode: 'merge',
    });
    const tabB = new ActualsRepo(profile.openTab(), TEST_RULES, () => FIXED_NOW);
    const result = await tabB.put([{ ...WUXING_TAX, value: 50, baseRevision: seen!.revision }], {
      enteredBy: '',
    });
    expect(result.ok === false && result.kind).toBe('conflict');
    expect((await tabB.get(WUXING_TAX))?.value).toBe(45);
  });
});

describe('importBackup on a full disk', () => {
  it('reports storage full and leaves the browser’s data as it was', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const diskFull = { value: false };
    failWritesWhileFull(db, diskFull, 'QuotaExceededError');
    await seedValues(db, [{ ...WUXING_TAX, value: 41, baseRevision: 0 }]);
    const before = await snapshot(db);
    diskFull.value = true;
    const result = await importBackup(db, backupText([actualJson(DEQING_TAX, 37)]), {
      mode: 'replace',
    });
    expect(result.ok === false && result.kind).toBe('storage-full');
    diskFull.value = false;
    expect(await snapshot(db)).toEqual(before);
  });
});
