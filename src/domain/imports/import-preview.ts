/**
 * What the importer hands back before anything is saved: the records it could read, every row it
 * refused and why, and what it found and assumed about the file (encoding, coordinate system,
 * columns). Plain data, so it crosses a worker boundary by structured clone.
 */
import type { Geometry } from 'geojson';
import type { ImportedLayerKind, ImportedRecord } from './imported-layer.ts';

/** The file formats the importer reads. */
export type ImportFormat = 'csv' | 'xlsx' | 'geojson' | 'shapefile' | 'kml' | 'kmz';

/** Text encodings a CSV or a .dbf may be in; the user can override the detected one. */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Why an encoding was chosen. */
export type EncodingBasis =
  /** The file starts with a byte-order mark. */
  | 'bom'
  /** Only ASCII bytes: every encoding reads it alike. */
  | 'ascii'
  /** The bytes are valid UTF-8 (and not plain ASCII), which GBK text almost never is. */
  | 'validUtf8'
  /** The bytes are not valid UTF-8, so they are read as GB18030 (a superset of GBK/GB2312). */
  | 'invalidUtf8'
  /** A shapefile's .cpg names the encoding. */
  | 'cpg'
  /** The user chose it. */
  | 'user';

/**
 * Coordinate systems the importer converts to WGS-84. `cgcs2000` is geographic (EPSG:4490);
 * the EPSG ones are CGCS2000 3° Gauss-Krüger zones: 4527–4529 with the zone number (39–41)
 * prefixed to the easting, 4548–4550 without it (central meridians 117°, 120°, 123° E).
 */
export type CrsId =
  | 'wgs84'
  | 'gcj02'
  | 'cgcs2000'
  | 'EPSG:4527'
  | 'EPSG:4528'
  | 'EPSG:4529'
  | 'EPSG:4548'
  | 'EPSG:4549'
  | 'EPSG:4550';

/** Why a coordinate system was used. */
export type CrsBasis =
  /** Read from a shapefile's .prj (or a GeoJSON `crs` member). */
  | 'prj'
  /** The user chose it. */
  | 'user'
  /** Projected numbers: the zone was told from a zone-number prefix on the easting. */
  | 'zonePrefix'
  /** Projected numbers without prefix: the central meridian under which the points fall in Zhejiang. */
  | 'magnitude'
  /** A coordinate column's header names the system (高德/GCJ-02, CGCS2000, …). */
  | 'header'
  /** Degrees with no other hint: WGS-84 assumed (KML is WGS-84 by definition). */
  | 'default';

export type FindingSeverity =
  /** What was found or assumed; nothing to fix. */
  | 'info'
  /** The import can go ahead, but the user should look (an assumption, rejected rows). */
  | 'warning'
  /** Nothing can be imported until this is fixed (broken file, no usable column). */
  | 'error';

/**
 * Ids of file-level findings. Words live in `imports.findings.<id>` (src/i18n/imports.*.ts);
 * `params` fills the placeholders.
 */
export type FindingId =
  | 'emptyFile'
  | 'unknownFormat'
  | 'unreadableFile'
  | 'brokenZip'
  | 'shpMissing'
  | 'dbfMissing'
  | 'prjMissing'
  | 'prjUnknown'
  | 'prjOther'
  | 'encodingDetected'
  | 'encodingChosen'
  | 'crsFromPrj'
  | 'crsChosen'
  | 'crsDetected'
  | 'crsAssumed'
  | 'crsMismatch'
  | 'gcj02Converted'
  | 'swappedColumns'
  | 'outsideZhejiang'
  | 'allOutsideZhejiang'
  | 'noHeader'
  | 'noIdentityColumn'
  | 'noPlacementColumn'
  | 'unmappedColumns'
  | 'sheetsIgnored'
  | 'rejectedRows'
  | 'unplacedRecords'
  | 'noRecords'
  | 'mergedHeader'
  | 'emptyGeometries'
  | 'areaUnitFromGeometry';

export interface Finding {
  id: FindingId;
  severity: FindingSeverity;
  /** Values for the message's placeholders (counts, names, codes). */
  params: Record<string, string | number>;
}

/**
 * Ids of reasons a row is refused. Words live in `imports.reasons.<id>`.
 */
export type RejectionReason =
  /** Text where a number belongs. */
  | 'notANumber'
  /** A negative figure where only zero or more makes sense (area, tax paid, energy, …). */
  | 'negativeNumber'
  /** A credit code that is not 18 characters of the GB 32100 alphabet. */
  | 'creditCodeFormat'
  /** A credit code whose 18th character is not its GB 32100 check digit. */
  | 'creditCodeCheckDigit'
  /** A coordinate that is not a number. */
  | 'badCoordinate'
  /** Only one of the two coordinates is given. */
  | 'halfCoordinate'
  /** A point (after conversion to WGS-84) outside Zhejiang. */
  | 'outsideZhejiang'
  /** A district that is not one MuAtlas knows. */
  | 'unknownDistrict'
  /** A size class that is neither 规上 nor 规下. */
  | 'badSizeClass'
  /** A year that is not a four-digit year between 1990 and 2100. */
  | 'badYear'
  /** Neither a name nor a credit code: nothing says which enterprise the row is. */
  | 'missingIdentity'
  /** A feature whose geometry could not be read or converted. */
  | 'badGeometry';

/** One refused row: where it is in the file and why. */
export interface RejectedRow {
  /** 1-based row number as a spreadsheet shows it (feature number for GeoJSON/KML/shapefiles). */
  row: number;
  /** The column header (or attribute name) at fault; null when the whole row is at fault. */
  column: string | null;
  /** The value as the file has it ('' when empty). */
  value: string;
  reason: RejectionReason;
}

/** A record ready to store: `ImportedRecord` without the layer id, which storage assigns. */
export type RecordDraft = Omit<ImportedRecord, 'layerId'>;

/** One column of a table and what it was mapped to. */
export interface ColumnInfo {
  /** 0-based column position. */
  index: number;
  /** The header text (merged header cells joined with '/'), '' when blank. */
  header: string;
  /** The field it feeds, or null when not imported as a field. */
  field: FieldId | null;
  /** The unit the column's numbers are in, when the field has units to choose from. */
  unit: UnitId | null;
  /** A few of its first non-empty values, for the mapping step. */
  samples: string[];
}

/**
 * The mapped fields of an imported record. Names say their unit and match what the per-mu
 * evaluation reads (src/domain/evaluation/enterprise-inputs.ts). `lon`/`lat` become the
 * geometry, not fields.
 */
export type FieldId =
  | 'name'
  | 'creditCode'
  | 'lon'
  | 'lat'
  | 'districtCode'
  | 'town'
  | 'landAreaMu'
  | 'taxWanYuan'
  | 'valueAddedWanYuan'
  | 'energyTce'
  | 'electricityKwh'
  | 'emissionsTonnes'
  | 'rdWanYuan'
  | 'revenueWanYuan'
  | 'employees'
  | 'industry'
  | 'sizeClass'
  | 'year'
  | 'energyQuotaBreached';

/**
 * Units a column may be in; numbers are converted to the field's own unit (亩, 万元, 吨标煤, kWh).
 */
export type UnitId =
  | 'mu'
  | 'sqm'
  | 'hectare'
  | 'wanYuan'
  | 'yuan'
  | 'yiYuan'
  | 'tce'
  | 'wanTce'
  | 'kwh'
  | 'wanKwh'
  | 'tonnes';

/**
 * Column index (decimal string) → field id, or `field@unit` when a unit is chosen, e.g.
 * `{ "0": "name", "3": "landAreaMu@sqm" }`. A plain string map so it can be remembered per
 * layout as-is (`importLayouts.mapping`).
 */
export type ColumnMapping = Record<string, string>;

/** What the table path found about the sheet's shape. */
export interface TableInfo {
  /** 0-based row of the header (rows above are titles). */
  headerRowIndex: number;
  /** Stable key of the header row, to remember a mapping per file layout. */
  layoutKey: string;
  columns: ColumnInfo[];
  mapping: ColumnMapping;
  /** Data rows read (after the header, blank rows skipped). */
  rowCount: number;
  /** Sheet name for XLSX. */
  sheetName?: string;
}

/** The result of parsing one file: nothing is stored until the user commits it. */
export interface ImportPreview {
  fileName: string;
  format: ImportFormat | null;
  /** The encoding used to read text (CSV, .dbf), with why; null for formats that fix it. */
  encoding: { value: TextEncoding; basis: EncodingBasis } | null;
  /** The coordinate system the geometry was read in, with why; null when there is no geometry. */
  crs: { value: CrsId | 'prj'; basis: CrsBasis; label: string } | null;
  /** Table shape and mapping; null for GeoJSON/shapefile/KML (their attributes are mapped too, see `table`). */
  table: TableInfo | null;
  /** What the records are, guessed from the fields and geometry; the user may change it. */
  suggestedKind: ImportedLayerKind;
  records: RecordDraft[];
  rejected: RejectedRow[];
  findings: Finding[];
  /** False when a finding is an error: the commit button stays off. */
  canCommit: boolean;
}

/** The user's choices that override what the importer detected. */
export interface ImportOptions {
  encoding?: TextEncoding;
  crs?: CrsId;
  /** A remembered or edited mapping; columns not in it are not imported as fields. */
  mapping?: ColumnMapping;
  /** 0-based header row, when the detected one is wrong. */
  headerRowIndex?: number;
}

/** Where a long parse is, for a progress bar. */
export interface ImportProgress {
  phase: 'read' | 'parse' | 'rows';
  /** Units done and in all (bytes for read/parse, rows for rows). */
  done: number;
  total: number;
}

/** A GeoJSON-like feature the spatial formats produce before mapping. */
export interface RawFeature {
  geometry: Geometry | null;
  properties: Record<string, unknown>;
}
