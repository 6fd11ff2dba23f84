import { afterEach, describe, expect, it } from 'vitest';
import {
  requestPersistentStorageOnce,
  type PersistentStorage,
} from '../../src/persistence/storage-persist.ts';
import { FIXED_NOW, freshProfile, type Profile } from './fresh-db.ts';

/** A browser's storage manager that answers `persist()` as told and counts the requests. */
class BrowserStorage implements PersistentStorage {
  requests = 0;
  #persistent: boolean;
  readonly #answer: boolean | Error;

  constructor(persistent: boolean, answer: boolean | Error) {
    this.#persistent = persistent;
    this.#answer = answer;
  }

  async persisted(): Promise<boolean> {
    return this.#persistent;
  }

  async persist(): Promise<boolean> {
    this.requests += 1;
    if (this.#answer instanceof Error) throw this.#answer;
    this.#persistent = this.#answer;
    return this.#answer;
  }
}

let profile: Profile;
afterEach(() => profile.close());

describe('requestPersistentStorageOnce', () => {
  it('asks once, reports the grant, and does not ask again', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const storage = new BrowserStorage(false, true);
    expect(await requestPersistentStorageOnce(db, storage, () => FIXED_NOW)).toEqual({
      outcome: 'granted',
      persisted: true,
    });
    expect(await requestPersistentStorageOnce(db, storage)).toEqual({
      outcome: 'already-persistent',
      persisted: true,
    });
    expect(storage.requests).toBe(1);
  });

  it('remembers a refusal across tabs and does not pester the planner', async () => {
    profile = freshProfile();
    const storage = new BrowserStorage(false, false);
    expect(await requestPersistentStorageOnce(profile.openTab(), storage)).toEqual({
      outcome: 'denied',
      persisted: false,
    });
    expect(await requestPersistentStorageOnce(profile.openTab(), storage)).toEqual({
      outcome: 'asked-before',
      persisted: false,
    });
    expect(storage.requests).toBe(1);
  });

  it('does not ask when the browser keeps the data already', async () => {
    profile = freshProfile();
    const storage = new BrowserStorage(true, true);
    const report = await requestPersistentStorageOnce(profile.openTab(), storage);
    expect(report.outcome).toBe('already-persistent');
    expect(storage.requests).toBe(0);
  });

  it('reports unsupported when there is no storage manager or it refuses to run', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    expect((await requestPersistentStorageOnce(db, undefined)).outcome).toBe('unsupported');
    const refusing = new BrowserStorage(false, new DOMException('insecure', 'SecurityError'));
    expect((await requestPersistentStorageOnce(db, refusing)).outcome).toBe('unsupported');
    expect(await db.meta.get('persistRequest')).toBeUndefined();
  });
});
