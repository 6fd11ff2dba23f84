/** The two shpjs parsers the importer uses (the package ships no types). */
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** Geometries of a .shp, in its own coordinates when no .prj is passed; null for null shapes. */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string): (Geometry | null)[];
  /** Attribute rows of a .dbf, text decoded with the encoding label (a .cpg's content). */
  export function parseDbf(
    dbf: ArrayBuffer | ArrayBufferView,
    encoding?: string,
  ): Record<string, unknown>[];
}
