/**
 * The provenance record `npm run geodata` writes beside the tile archive, as the data-source
 * panel shows it. Parsing is defensive: a hand-edited or stale manifest must not break the app.
 */
export interface TileLayerProvenance {
  id: string;
  source: string;
  licence: string;
  vintage: string;
  notes: string;
}

export interface TileManifest {
  archive: { file: string; bytes: number; sha256: string };
  layers: TileLayerProvenance[];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Validates a parsed manifest.json; throws with what is missing. */
export function parseTileManifest(json: unknown): TileManifest {
  if (typeof json !== 'object' || json === null) throw new Error('manifest is not an object');
  const record = json as Record<string, unknown>;
  const archive = record.archive as Record<string, unknown> | undefined;
  if (!archive || typeof archive.bytes !== 'number' || typeof archive.sha256 !== 'string') {
    throw new Error('manifest.archive needs bytes and sha256');
  }
  if (!Array.isArray(record.layers)) throw new Error('manifest.layers is not a list');
  return {
    archive: { file: text(archive.file), bytes: archive.bytes, sha256: archive.sha256 },
    layers: record.layers.map((raw: Record<string, unknown>) => ({
      id: text(raw.id),
      source: text(raw.source),
      licence: text(raw.licence),
      vintage: text(raw.vintage),
      notes: text(raw.notes),
    })),
  };
}
