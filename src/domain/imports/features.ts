/** Map features (GeoJSON, shapefile, KML) as a table: attribute names are the header row. */
import type { Geometry } from 'geojson';
import type { RawFeature } from './import-preview.ts';
import type { TableInput } from './table-records.ts';

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return JSON.stringify(value);
}

/** Header = every attribute name in order of first appearance; one row per feature. */
export function featuresAsTable(
  features: readonly RawFeature[],
): Pick<TableInput, 'rows' | 'geometries' | 'fixedHeader' | 'rowNumbers'> {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const feature of features) {
    for (const key of Object.keys(feature.properties)) {
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
    }
  }
  const rows = [names, ...features.map((f) => names.map((n) => cellText(f.properties[n])))];
  const geometries: (Geometry | null)[] = features.map((f) => f.geometry);
  // Row numbers are feature numbers (1-based), the header row being number 0.
  return { rows, geometries, fixedHeader: true, rowNumbers: rows.map((_, i) => i) };
}
