/**
 * One entry point for every format: tells the format from the name and the bytes, reads the
 * file, and returns a preview. It never throws for a bad file: a file it cannot read comes back
 * as a preview with no records and an error finding saying what was wrong.
 */
import { readCsv } from './csv.format.ts';
import { featuresAsTable } from './features.ts';
import { GeoJsonError, readGeoJson } from './geojson.format.ts';
import type {
  CrsId,
  Finding,
  FindingId,
  ImportFormat,
  ImportOptions,
  ImportPreview,
  ImportProgress,
  RawFeature,
} from './import-preview.ts';
import { KmlError, readKml, readKmz } from './kml.format.ts';
import { readShapefileZip, ShapefileError } from './shapefile.format.ts';
import { tableToPreview } from './table-records.ts';
import { decodeText } from './text-encoding.ts';
import { readXlsxSheet, XlsxError } from './xlsx.format.ts';

/** A file as the importer receives it. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

const EXTENSIONS: Readonly<Record<string, ImportFormat>> = {
  csv: 'csv',
  txt: 'csv',
  tsv: 'csv',
  xlsx: 'xlsx',
  geojson: 'geojson',
  json: 'geojson',
  zip: 'shapefile',
  kml: 'kml',
  kmz: 'kmz',
};

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** The format of a file, from its extension, else from its first bytes; null when unknown. */
export function detectFormat(file: ImportFile): ImportFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const byName = EXTENSIONS[extension];
  if (byName) return byName;
  if (isZip(file.bytes)) return 'shapefile';
  const head = decodeText(file.bytes.subarray(0, 512)).text.trimStart();
  if (head.startsWith('{')) return 'geojson';
  if (head.startsWith('<')) return 'kml';
  if (extension === 'xls' || extension === 'shp') return null;
  return head.length > 0 ? 'csv' : null;
}

function failed(
  file: ImportFile,
  format: ImportFormat | null,
  id: FindingId,
  detail = '',
): ImportPreview {
  return {
    fileName: file.name,
    format,
    encoding: null,
    crs: null,
    table: null,
    suggestedKind: 'other',
    records: [],
    rejected: [],
    findings: [{ id, severity: 'error', params: { detail, fileName: file.name } }],
    canCommit: false,
  };
}

function fromFeatures(
  file: ImportFile,
  format: ImportFormat,
  features: RawFeature[],
  extra: Pick<ImportPreview, 'encoding'> & {
    findings?: Finding[];
    prj?: string | null;
    stated?: CrsId;
  },
  options: ImportOptions,
  onProgress?: (progress: ImportProgress) => void,
): ImportPreview {
  const table = featuresAsTable(features);
  const preview = tableToPreview(
    {
      ...table,
      crsHints: {
        ...(extra.prj !== undefined ? { prj: extra.prj } : {}),
        ...(extra.stated ? { stated: extra.stated } : {}),
      },
    },
    options,
    onProgress,
  );
  return {
    ...preview,
    fileName: file.name,
    format,
    encoding: extra.encoding,
    findings: [...(extra.findings ?? []), ...preview.findings],
  };
}

/**
 * Parses a file into a preview. `options` carries the user's overrides (encoding, coordinate
 * system, mapping, header row); `onProgress` is called as rows are read, for a progress bar.
 */
export function parseImportFile(
  file: ImportFile,
  options: ImportOptions = {},
  onProgress?: (progress: ImportProgress) => void,
): ImportPreview {
  if (file.bytes.length === 0) return failed(file, null, 'emptyFile');
  const format = detectFormat(file);
  if (!format) return failed(file, null, 'unknownFormat');
  try {
    switch (format) {
      case 'csv': {
        const preview = readCsv(file.bytes, options, onProgress);
        return { ...preview, fileName: file.name, format };
      }
      case 'xlsx': {
        onProgress?.({ phase: 'read', done: 0, total: file.bytes.length });
        const sheet = readXlsxSheet(file.bytes);
        const mergedHeaderRows = sheet.merges.some((m) => m.top < 20 && m.right > m.left);
        const preview = tableToPreview(
          { rows: sheet.rows, mergedHeaderRows, sheetName: sheet.name },
          options,
          onProgress,
        );
        const findings = [...preview.findings];
        if (sheet.otherSheetCount > 0) {
          findings.unshift({
            id: 'sheetsIgnored',
            severity: 'warning',
            params: { count: sheet.otherSheetCount, names: '' },
          });
        }
        return { ...preview, findings, fileName: file.name, format, encoding: null };
      }
      case 'geojson': {
        const decoded = decodeText(file.bytes, options.encoding);
        const content = readGeoJson(decoded.text);
        return fromFeatures(
          file,
          format,
          content.features,
          { encoding: null, ...(content.stated ? { stated: content.stated } : {}) },
          options,
          onProgress,
        );
      }
      case 'shapefile': {
        const content = readShapefileZip(file.bytes, options);
        return fromFeatures(
          file,
          format,
          content.features,
          { encoding: content.encoding, findings: content.findings, prj: content.prj },
          options,
          onProgress,
        );
      }
      case 'kml':
      case 'kmz': {
        const features = format === 'kml' ? readKml(file.bytes) : readKmz(file.bytes);
        return fromFeatures(
          file,
          format,
          features,
          { encoding: null, stated: 'wgs84' },
          options,
          onProgress,
        );
      }
    }
  } catch (error) {
    const detail = (error as Error).message ?? String(error);
    if (error instanceof ShapefileError || error instanceof KmlError)
      return failed(file, format, error.findingId, detail);
    if (error instanceof XlsxError || error instanceof GeoJsonError)
      return failed(file, format, 'unreadableFile', detail);
    return failed(file, format, 'unreadableFile', detail);
  }
}
