/**
 * Asks the browser to keep MuAtlas's storage when the disk runs low. Without it, a browser may
 * evict IndexedDB data of sites it deems unimportant; planners' figures must not vanish so.
 * Firefox asks the user, so the request is made once, after the first edit (when the planner
 * sees why), and its answer is remembered in `meta`.
 */

import type { MuAtlasDb } from './db.ts';

/** The part of `navigator.storage` used here. */
export type PersistentStorage = Pick<StorageManager, 'persist' | 'persisted'>;

/**
 * - `granted` / `denied`: asked now, with the browser's answer.
 * - `already-persistent`: the browser keeps the data already; nothing asked.
 * - `asked-before`: asked on an earlier edit and refused then; not asked again.
 * - `unsupported`: the browser has no such request (or refused to run it here).
 */
export type PersistOutcome =
  'granted' | 'denied' | 'already-persistent' | 'asked-before' | 'unsupported';

export interface PersistReport {
  outcome: PersistOutcome;
  /** Whether the browser now keeps the data. */
  persisted: boolean;
}

function browserStorage(): PersistentStorage | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/**
 * Requests persistent storage unless it is already granted or was asked for before.
 * Call after the first successful user edit; show the report (e.g. a hint when denied).
 *
 * @param storage `navigator.storage` by default; tests pass their own.
 */
export async function requestPersistentStorageOnce(
  db: MuAtlasDb,
  storage: PersistentStorage | undefined = browserStorage(),
  now: () => Date = () => new Date(),
): Promise<PersistReport> {
  if (!storage || typeof storage.persist !== 'function') {
    return { outcome: 'unsupported', persisted: false };
  }
  // Browsers may reject these outside a secure context or in some private modes; the app still
  // works then, only without the guard against eviction.
  const alreadyPersistent = await storage.persisted().catch(() => undefined);
  if (alreadyPersistent === undefined) return { outcome: 'unsupported', persisted: false };
  if (alreadyPersistent) return { outcome: 'already-persistent', persisted: true };
  if (await db.meta.get('persistRequest')) return { outcome: 'asked-before', persisted: false };
  const granted = await storage.persist().catch(() => undefined);
  if (granted === undefined) return { outcome: 'unsupported', persisted: false };
  await db.meta.put({ key: 'persistRequest', value: { askedAt: now().toISOString(), granted } });
  return { outcome: granted ? 'granted' : 'denied', persisted: granted };
}
