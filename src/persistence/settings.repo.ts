/**
 * Settings the user changed, one row per key (`evaluation`, …). The repository stores any
 * structured-cloneable value as given; the feature that owns a key checks what it reads back
 * (stored data may come from an older version or another tab), so nothing here trusts its shape.
 */
import type { MuAtlasDb, SettingRow } from './db.ts';
import { liveSource, type LiveSource } from './live-source.ts';
import { catchStorageFull, type StorageFullFailure } from './storage-errors.ts';

export type SettingPutResult = { ok: true; saved: SettingRow } | StorageFullFailure;

export class SettingsRepo {
  readonly #db: MuAtlasDb;
  readonly #now: () => Date;

  /** @param now the clock for `savedAt`; tests pass a fixed one. */
  constructor(db: MuAtlasDb, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#now = now;
  }

  /** The stored value of a key; undefined when the user never changed it (or reset it). */
  async get(key: string): Promise<unknown> {
    return (await this.#db.settings.get(key))?.value;
  }

  /** `get` as a live source: emits again when this or another tab saves or resets the key. */
  live(key: string): LiveSource<unknown> {
    return liveSource(() => this.get(key));
  }

  /** Stores a value under a key, replacing the old one; on a full disk nothing changes. */
  put(key: string, value: unknown): Promise<SettingPutResult> {
    const row: SettingRow = { key, value, savedAt: this.#now().toISOString() };
    return catchStorageFull(async () => {
      await this.#db.settings.put(row);
      return { ok: true as const, saved: row };
    });
  }

  /** Forgets a key, so the feature's defaults apply again. */
  async reset(key: string): Promise<void> {
    await this.#db.settings.delete(key);
  }
}
