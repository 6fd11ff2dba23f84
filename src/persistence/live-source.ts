/**
 * Live queries as a small interface of our own, so layers above persistence can subscribe to
 * database results without importing Dexie.
 */

import { liveQuery } from 'dexie';

export interface LiveObserver<T> {
  next(value: T): void;
  error(error: unknown): void;
}

/** A query result that emits again whenever the data it read changes, in this or another tab. */
export interface LiveSource<T> {
  subscribe(observer: LiveObserver<T>): { unsubscribe(): void };
}

/**
 * Wraps a read-only query as a live source. Dexie re-runs it after any write to the tables and
 * ranges it read, including writes by other tabs (it relays them over BroadcastChannel).
 */
export function liveSource<T>(querier: () => Promise<T>): LiveSource<T> {
  const observable = liveQuery(querier);
  return { subscribe: (observer) => observable.subscribe(observer) };
}
