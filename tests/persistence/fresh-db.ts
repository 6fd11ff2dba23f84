/**
 * Databases for persistence tests: each test gets its own fake IndexedDB factory and database
 * name, so no state is shared between tests; two "tabs" are two connections to one of them.
 */

import { randomUUID } from 'node:crypto';
import type { DexieOptions } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { ActualRules } from '../../src/domain/actuals/actual-cell.validator.ts';
import { MuAtlasDb } from '../../src/persistence/db.ts';

/** A browser profile: one IndexedDB factory holding one MuAtlas database. */
export interface Profile {
  /** Opens another connection to the profile's database, as a second tab would. */
  openTab(options?: Pick<DexieOptions, 'addons'>): MuAtlasDb;
  /** Closes every connection opened through `openTab`. */
  close(): void;
}

/** A new, empty profile with a unique database name. */
export function freshProfile(): Profile {
  const indexedDB = new IDBFactory();
  const name = `muatlas-test-${randomUUID()}`;
  const tabs: MuAtlasDb[] = [];
  return {
    openTab(options = {}) {
      const db = new MuAtlasDb(name, { indexedDB, IDBKeyRange, ...options });
      tabs.push(db);
      return db;
    },
    close() {
      for (const db of tabs) db.close();
    },
  };
}

/**
 * Rules for a small catalogue: 2023 targets for tax per mu (万元/亩), land freed (亩, never
 * negative) and value-added growth (%, may be negative).
 */
export const TEST_RULES: ActualRules = {
  isNonNegative: (id) => id !== 'industrial_value_added_growth',
  hasTarget: (id, _district, year) =>
    ['tax_per_mu', 'land_freed_mu', 'industrial_value_added_growth'].includes(id) && year === 2023,
  unitTexts: (id) => (id === 'tax_per_mu' ? ['万元/亩'] : id === 'land_freed_mu' ? ['亩'] : ['%']),
};

/** A fixed clock, so `enteredAt` is known. */
export const FIXED_NOW = new Date('2024-03-01T08:30:00.000Z');

/** Makes every write of a connection fail as a full disk does, until `diskFull.value` is false. */
export function failWritesWhileFull(
  db: MuAtlasDb,
  diskFull: { value: boolean },
  errorName: string,
) {
  db.use({
    stack: 'dbcore',
    name: 'simulated-disk',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (request) =>
            diskFull.value
              ? Promise.reject(new DOMException('simulated', errorName))
              : table.mutate(request),
        };
      },
    }),
  });
}
