/**
 * A layer of the user's own data imported from a file (enterprise table, parcels, …), and its
 * records. Pure data; storage adds `revision` to the layer.
 */
import type { Geometry } from 'geojson';

/** What the records are, which decides how they are drawn and evaluated. */
export type ImportedLayerKind = 'enterprises' | 'parcels' | 'other';

export interface ImportedLayer {
  id: string;
  name: string;
  kind: ImportedLayerKind;
  /** The file it came from, as the user picked it. */
  sourceFileName: string;
  /** What the import found and chose, for the layer's info panel (encoding, CRS, mapping). */
  importInfo: Record<string, string>;
  recordCount: number;
  enteredBy: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * One imported record: WGS-84 geometry (or null when placed by district only) and the mapped
 * fields, in the units the field names say (`landAreaMu`, `taxWanYuan`, …).
 */
export interface ImportedRecord {
  layerId: string;
  /** 0-based position in the layer, stable; with `layerId` the primary key. */
  index: number;
  geometry: Geometry | null;
  fields: Record<string, string | number | null>;
}
