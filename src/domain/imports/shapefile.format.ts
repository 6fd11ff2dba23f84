/**
 * Zipped shapefiles as land bureaus hand them out: .shp + .dbf, usually a .prj (CGCS2000
 * Gauss-Krüger), sometimes a .cpg naming the .dbf's encoding — and often none, with GBK text.
 */
import { unzipSync } from 'fflate';
import { parseDbf, parseShp } from 'shpjs';
import type {
  Finding,
  ImportOptions,
  RawFeature,
  TextEncoding,
  EncodingBasis,
} from './import-preview.ts';
import { decodeText, encodingOfCpg } from './text-encoding.ts';

export class ShapefileError extends Error {
  constructor(
    readonly findingId: 'brokenZip' | 'shpMissing' | 'dbfMissing' | 'unreadableFile',
    detail: string,
  ) {
    super(detail);
  }
}

export interface ShapefileContent {
  features: RawFeature[];
  /** The .prj text, or null when the zip has none. */
  prj: string | null;
  encoding: { value: TextEncoding; basis: EncodingBasis };
  findings: Finding[];
}

/** The .dbf's records start after its header; their bytes decide the encoding. */
function dbfRecordBytes(dbf: Uint8Array): Uint8Array {
  const headerLength = dbf.length >= 10 ? (dbf[8] as number) | ((dbf[9] as number) << 8) : 0;
  return dbf.subarray(Math.min(headerLength, dbf.length));
}

/** Reads the first shapefile in a zip. Throws ShapefileError for a broken or incomplete zip. */
export function readShapefileZip(bytes: Uint8Array, options: ImportOptions = {}): ShapefileContent {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new ShapefileError('brokenZip', (error as Error).message);
  }
  const names = Object.keys(files)
    .filter((n) => !n.startsWith('__MACOSX/'))
    .sort();
  const shpNames = names.filter((n) => n.toLowerCase().endsWith('.shp'));
  const shpName = shpNames[0];
  if (!shpName) throw new ShapefileError('shpMissing', names.join(', '));
  const base = shpName.slice(0, -4).toLowerCase();
  const sibling = (ext: string) => {
    const name = names.find((n) => n.toLowerCase() === `${base}.${ext}`);
    return name ? files[name] : undefined;
  };
  const dbf = sibling('dbf');
  if (!dbf) throw new ShapefileError('dbfMissing', shpName);
  const prjBytes = sibling('prj');
  const cpgBytes = sibling('cpg');
  const findings: Finding[] = [];
  if (shpNames.length > 1) {
    findings.push({
      id: 'sheetsIgnored',
      severity: 'warning',
      params: { count: shpNames.length - 1, names: shpNames.slice(1).join('、') },
    });
  }

  let encoding: ShapefileContent['encoding'];
  const cpgEncoding = cpgBytes ? encodingOfCpg(new TextDecoder().decode(cpgBytes)) : undefined;
  if (options.encoding) encoding = { value: options.encoding, basis: 'user' };
  else if (cpgEncoding) encoding = { value: cpgEncoding, basis: 'cpg' };
  else {
    const detected = decodeText(dbfRecordBytes(dbf));
    encoding = { value: detected.encoding, basis: detected.basis };
  }
  findings.push({
    id: encoding.basis === 'user' ? 'encodingChosen' : 'encodingDetected',
    severity: 'info',
    params: { encoding: encoding.value, basis: encoding.basis },
  });

  let geometries: ReturnType<typeof parseShp>;
  let attributes: Record<string, unknown>[];
  try {
    geometries = parseShp(files[shpName] as Uint8Array);
    attributes = parseDbf(dbf, encoding.value);
  } catch (error) {
    throw new ShapefileError('unreadableFile', (error as Error).message);
  }
  const count = Math.max(geometries.length, attributes.length);
  const features: RawFeature[] = Array.from({ length: count }, (_, i) => ({
    geometry: geometries[i] ?? null,
    properties: attributes[i] ?? {},
  }));
  const prj = prjBytes ? new TextDecoder().decode(prjBytes) : null;
  return { features, prj, encoding, findings };
}
