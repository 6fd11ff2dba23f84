/**
 * Every section in the backup registry, tested alike: a file holding a record of each restores
 * into an empty profile and exports again unchanged, and one bad record in any one section is
 * refused with its section and position while every table stays as it was. The samples are
 * typed by the registry, so a section registered without one fails typecheck here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_SCHEMA_VERSION,
  BACKUP_SECTIONS,
  exportBackup,
  importBackup,
  serialiseBackup,
  type BackupRecords,
  type BackupSection,
} from '../../src/persistence/backup.format.ts';
import type { MuAtlasDb } from '../../src/persistence/db.ts';
import { FIXED_NOW, freshProfile, type Profile } from './fresh-db.ts';

const profiles: Profile[] = [];
afterEach(() => profiles.splice(0).forEach((p) => p.close()));

function openEmpty(): MuAtlasDb {
  const profile = freshProfile();
  profiles.push(profile);
  return profile.openTab();
}

const AT = '2024-05-01T08:00:00.000Z';

/** Two records per section, as a file holds them. */
const SAMPLES: { [S in BackupSection]: BackupRecords[S] } = {
  actuals: [
    {
      indicatorId: 'tax_per_mu',
      districtCode: '330502',
      year: 2023,
      value: 41.5,
      note: '快报',
      enteredBy: '张工',
      enteredAt: AT,
      origin: 'user',
    },
    {
      indicatorId: 'tax_per_mu',
      districtCode: '330503',
      year: 2023,
      value: 30,
      note: '',
      enteredBy: '张工',
      enteredAt: AT,
      origin: 'user',
    },
  ],
  placeCorrections: [
    {
      placeId: 'hz-ent-07',
      lon: 120.0912,
      lat: 30.8711,
      note: '大门',
      enteredBy: '王工',
      enteredAt: AT,
    },
    { placeId: 'sx-prj-03', lon: 120.58, lat: 30.01, note: '', enteredBy: '王工', enteredAt: AT },
  ],
  importedLayers: [
    {
      id: 'layer-a',
      name: '吴兴区企业',
      kind: 'enterprises',
      sourceFileName: 'wuxing.csv',
      importInfo: { encoding: 'GB18030' },
      recordCount: 2,
      enteredBy: '王工',
      createdAt: AT,
      updatedAt: AT,
      records: [
        { geometry: { type: 'Point', coordinates: [120.09, 30.87] }, fields: { name: '甲公司' } },
        { geometry: null, fields: { name: '乙公司', taxWanYuan: 12.5 } },
      ],
    },
    {
      id: 'layer-b',
      name: '南浔区地块',
      kind: 'parcels',
      sourceFileName: 'nanxun.geojson',
      importInfo: {},
      recordCount: 0,
      enteredBy: '',
      createdAt: '2024-05-02T08:00:00.000Z',
      updatedAt: '2024-05-02T08:00:00.000Z',
      records: [],
    },
  ],
  briefings: [
    {
      id: 'b1',
      title: '季度汇报',
      createdAt: AT,
      updatedAt: AT,
      slides: [
        {
          id: 's1',
          title: '全市亩均税收',
          subtitle: '2023',
          speakerNotes: '',
          viewQuery: '?region=huzhou&indicator=tax_per_mu',
          boundsLonLat: [119.2, 30.3, 120.6, 31.2],
          kpiIds: ['district-indicator'],
        },
      ],
    },
    { id: 'b2', title: '空白', createdAt: AT, updatedAt: AT, slides: [] },
  ],
  zones: [zone('zone-a', 120.42), zone('zone-b', 120.44)],
  settings: [
    {
      key: 'evaluation',
      value: { ratioCap: 3, classCutoffs: { A: 150, B: 100, C: 50 } },
      savedAt: AT,
    },
    { key: 'other', value: 1, savedAt: AT },
  ],
};

/** A field of the second record made wrong, per section: the first check that must catch it. */
const BREAKS: { [S in BackupSection]: [field: string, value: unknown] } = {
  actuals: ['value', '30'],
  placeCorrections: ['lat', 40],
  importedLayers: ['recordCount', 5],
  briefings: ['title', 7],
  zones: ['phase', 'someday'],
  settings: ['savedAt', 'yesterday'],
};

function zone(id: string, west: number): BackupRecords['zones'][number] {
  const size = 0.01;
  return {
    id,
    name: '南浔经济开发区连片整治',
    kind: 'contiguousRenewal',
    phase: 'continuing',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [west, 30.87],
          [west + size, 30.87],
          [west + size, 30.87 + size],
          [west, 30.87 + size],
          [west, 30.87],
        ],
      ],
    },
    plannedLandMu: 650,
    energySpaceTce: 5200,
    enterprisesToRectify: 14,
    responsibleUnit: '南浔区',
    targetYear: 2026,
    note: '',
    enteredBy: '赵工',
    createdAt: AT,
    updatedAt: AT,
  };
}

const NAMES = BACKUP_SECTIONS.map((s) => s.name);

function fileText(records: Record<string, unknown[]> = SAMPLES): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt: AT,
    ...records,
  });
}

/** Every table of the database, revisions and journals included. */
async function everyTable(db: MuAtlasDb): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(
    db.tables.map(async (table) => [table.name, await table.toArray()] as const),
  );
  return Object.fromEntries(entries);
}

describe('the backup registry', () => {
  it('has samples for every section, and the file version is the newest section’s', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...NAMES].sort());
    expect(BACKUP_SCHEMA_VERSION).toBe(Math.max(...BACKUP_SECTIONS.map((s) => s.sinceVersion)));
  });

  it('restores every section into an empty profile, and exports the same records again', async () => {
    const first = openEmpty();
    const restored = await importBackup(first, fileText(), { mode: 'merge' });
    expect(restored.ok).toBe(true);
    for (const name of NAMES) {
      expect(restored.ok && restored.summary[name], name).toEqual({
        added: 2,
        updated: 0,
        kept: 0,
        removed: 0,
      });
    }
    const exported = await exportBackup(first, FIXED_NOW);
    expect(exported.schemaVersion).toBe(BACKUP_SCHEMA_VERSION);
    for (const name of NAMES) expect(exported[name], name).toEqual(SAMPLES[name]);

    // And again from the exported text into another empty profile: the same records.
    const second = openEmpty();
    const again = await importBackup(second, serialiseBackup(exported), { mode: 'merge' });
    expect(again.ok).toBe(true);
    const reExported = await exportBackup(second, FIXED_NOW);
    for (const name of NAMES) expect(reExported[name], name).toEqual(exported[name]);
  });

  it.each(NAMES)('refuses a file with one bad %s record and changes no table', async (name) => {
    const db = openEmpty();
    const seeded = await importBackup(db, fileText(), { mode: 'merge' });
    expect(seeded.ok).toBe(true);
    const before = await everyTable(db);

    const [field, value] = BREAKS[name];
    const [good, second] = SAMPLES[name] as Record<string, unknown>[];
    const changed = { ...(laterCopy(second) as object), [field]: value };
    // Every other section of the file is newer and would be written, were the file accepted.
    const newer = Object.fromEntries(
      NAMES.map((other) => [other, (SAMPLES[other] as unknown[]).map(laterCopy)]),
    );
    const text = fileText({ ...newer, [name]: [laterCopy(good), changed] });

    for (const mode of ['merge', 'replace'] as const) {
      for (const dryRun of [true, false]) {
        const result = await importBackup(db, text, { mode, dryRun });
        expect(result).toEqual({
          ok: false,
          kind: 'invalid',
          problems: [{ id: 'backup.badRecord', params: { section: name, index: 1, field } }],
        });
      }
    }
    expect(await everyTable(db)).toEqual(before);
  });
});

/** A record claiming a later change, so a merge would take it over the browser's. */
function laterCopy(record: unknown): unknown {
  const later = '2030-01-01T00:00:00.000Z';
  const copy = { ...(record as Record<string, unknown>) };
  for (const key of ['enteredAt', 'updatedAt', 'savedAt']) if (key in copy) copy[key] = later;
  return copy;
}
