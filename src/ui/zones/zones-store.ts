/**
 * What the zones tab needs from stored zones. The zones state (src/state/zones.svelte.ts)
 * provides it; the tab reads only this, so it can draw and measure before storage opens.
 */
import type { Zone } from '../../domain/zones/zone.ts';

/** A zone's fields as the form fills them; ids, revisions and times are storage's. */
export type ZoneFields = Omit<Zone, 'id' | 'createdAt' | 'updatedAt' | 'enteredBy'>;

/** How the last write went, for the visible save status. */
export type ZoneSaveStatus =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'failed'; detail: string; storageFull: boolean }
  | { kind: 'conflict'; zoneId: string };

export interface ZonesStore {
  readonly zones: readonly Zone[];
  readonly status: ZoneSaveStatus;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Stores a new zone; resolves with its id, or null when it was not stored. */
  create(fields: ZoneFields): Promise<string | null>;
  /** Changes a stored zone; false when it was not stored (see `status`). */
  update(zoneId: string, fields: Partial<ZoneFields>): Promise<boolean>;
  remove(zoneId: string): Promise<boolean>;
  undo(): void;
  redo(): void;
  /** Writes the edit that failed again. */
  retry(): void;
  /** After a conflict: write mine over theirs (true) or keep theirs (false). */
  resolveConflict(keepMine: boolean): void;
}
