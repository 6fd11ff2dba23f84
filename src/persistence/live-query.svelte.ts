/**
 * The bridge from live database queries to Svelte 5 runes: a component or store reads
 * `live.current` and re-renders when another tab (or this one) changes the data.
 */

import type { LiveSource } from './live-source.ts';

/**
 * Subscribes to a live source; returns the cleanup, so an `$effect` is one line:
 * `$effect(() => subscribeLive(source, (v) => (rows = v)))`.
 */
export function subscribeLive<T>(
  source: LiveSource<T>,
  onValue: (value: T) => void,
  onError: (error: unknown) => void = () => {},
): () => void {
  const subscription = source.subscribe({ next: onValue, error: onError });
  return () => subscription.unsubscribe();
}

/**
 * Holds the latest result of a live source as rune state. Create it where its lifetime is
 * clear (a store, or a component's script) and call `dispose()` when that ends.
 */
export class LiveQuery<T> {
  /** The latest result; `initial` until the first result arrives. Replaced, never mutated. */
  current: T;
  /** True once the first result arrived, so the UI can tell "loading" from "empty". */
  loaded = $state(false);
  /** The query's failure, if it failed; Dexie stops a live query after an error. */
  error = $state.raw<unknown>(undefined);

  #unsubscribe: () => void;

  constructor(source: LiveSource<T>, initial: T) {
    this.current = $state.raw(initial);
    this.#unsubscribe = subscribeLive(
      source,
      (value) => {
        this.current = value;
        this.loaded = true;
        this.error = undefined;
      },
      (error) => {
        this.error = error;
        this.loaded = true;
      },
    );
  }

  /** Stops listening; `current` keeps its last value. Safe to call twice. */
  dispose(): void {
    this.#unsubscribe();
  }
}
