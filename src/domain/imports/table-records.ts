/**
 * Turning rows of cells (a CSV, a sheet, or the attributes of map features) into records:
 * the header row and mapping, each mapped cell checked and converted to the field's unit, the
 * points converted to WGS-84 — and every row that fails a check listed with its column, value
 * and reason instead of being imported.
 */
import type { Geometry, Position } from 'geojson';
import {
  foldFullWidth,
  isEmptyCell,
  readDistrictCell,
  readNumberCell,
  readSizeClassCell,
  readYearCell,
  readYesNoCell,
} from './cell-values.ts';
import { areaUnitFromPolygons, polygonAreaSqm } from './area-unit.ts';
import { checkCreditCode } from './credit-code.ts';
import { chooseCrs, isInZhejiang, regionFindings, type CrsHints } from './crs-choice.ts';
import type { XY } from './crs.ts';
import {
  autoMapping,
  decodeMappingEntry,
  detectHeaderRow,
  layoutKeyOf,
  NON_NEGATIVE_FIELDS,
  NUMERIC_FIELDS,
  statedUnitOfHeader,
  UNIT_FACTOR,
  type MappingEntry,
} from './field-mapping.ts';
import type {
  ColumnInfo,
  Finding,
  ImportOptions,
  ImportPreview,
  ImportProgress,
  RecordDraft,
  RejectedRow,
} from './import-preview.ts';

/** Prefix of fields that keep an unmapped column's text under its header. */
export const UNMAPPED_FIELD_PREFIX = 'col:';

/** Parcels compared with their area column to tell its unit. */
const AREA_SAMPLE = 50;

/** How often (in rows) progress is reported. */
const PROGRESS_EVERY_ROWS = 5_000;

/** The part of a preview the table path produces; the format reader adds name, format, encoding. */
export type TablePreview = Omit<ImportPreview, 'fileName' | 'format' | 'encoding'>;

export interface TableInput {
  /** Every row of the sheet, title and header rows included, cells as text. */
  rows: readonly (readonly string[])[];
  /** 1-based row number of each row as the user's program shows it; default index + 1. */
  rowNumbers?: readonly number[];
  /** The header is set by the format (attribute names of features): row 0, not detected. */
  fixedHeader?: boolean;
  /** Per data row (rows after the header), the feature's geometry in the file's coordinates. */
  geometries?: readonly (Geometry | null)[];
  /** Rows above the header that hold merged group titles (XLSX), to join into header texts. */
  mergedHeaderRows?: boolean;
  sheetName?: string;
  crsHints?: CrsHints;
}

function headerTexts(
  rows: TableInput['rows'],
  headerRowIndex: number,
  joinAbove: boolean,
): string[] {
  const header = rows[headerRowIndex] ?? [];
  const candidate = joinAbove && headerRowIndex > 0 ? (rows[headerRowIndex - 1] ?? []) : [];
  // A row of group titles (基本信息 | 经济指标) is joined in; a single title over the whole
  // table ("2024年度亩均效益评价表", one merged cell) is not.
  const groups = new Set(candidate.map((c) => c.trim()).filter((c) => c !== ''));
  const above = groups.size >= 2 ? candidate : [];
  const width = Math.max(header.length, above.length);
  return Array.from({ length: width }, (_, i) => {
    const own = (header[i] ?? '').trim();
    const group = (above[i] ?? '').trim();
    return group && group !== own ? (own ? `${group}/${own}` : group) : own;
  });
}

function mapGeometry(geometry: Geometry, f: (p: Position) => Position): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: f(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: geometry.coordinates.map(f) };
    case 'MultiLineString':
    case 'Polygon':
      return { type: geometry.type, coordinates: geometry.coordinates.map((r) => r.map(f)) };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((p) => p.map((r) => r.map(f))),
      };
    case 'GeometryCollection':
      return {
        type: 'GeometryCollection',
        geometries: geometry.geometries.map((g) => mapGeometry(g, f)),
      };
  }
}

/** The first position of a geometry, as a sample of its coordinates. */
function firstPosition(geometry: Geometry): Position | undefined {
  switch (geometry.type) {
    case 'Point':
      return geometry.coordinates;
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates[0];
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates[0]?.[0];
    case 'MultiPolygon':
      return geometry.coordinates[0]?.[0]?.[0];
    case 'GeometryCollection':
      return geometry.geometries.map(firstPosition).find((p) => p !== undefined);
  }
}

/** The first position, or undefined when the geometry's coordinates are malformed. */
function safeFirstPosition(geometry: Geometry): Position | undefined {
  try {
    return firstPosition(geometry);
  } catch {
    return undefined;
  }
}

/** Representative point of a converted geometry for the region check (its first position). */
function positionsFinite(geometry: Geometry): boolean {
  let ok = true;
  mapGeometry(geometry, (p) => {
    if (!(Number.isFinite(p[0]) && Number.isFinite(p[1]))) ok = false;
    return p;
  });
  return ok;
}

const SAMPLE_POINTS = 2_000;

/**
 * Reads a table into a preview: header row, mapping (the user's, else one from the headers),
 * checked fields, points in WGS-84, rejected rows and findings.
 */
export function tableToPreview(
  input: TableInput,
  options: ImportOptions = {},
  onProgress?: (progress: ImportProgress) => void,
): TablePreview {
  const { rows } = input;
  const findings: Finding[] = [];
  const headerRowIndex = input.fixedHeader ? 0 : (options.headerRowIndex ?? detectHeaderRow(rows));
  const headers = headerTexts(rows, headerRowIndex, input.mergedHeaderRows === true);
  const rawHeaders = (rows[headerRowIndex] ?? []).map((h) => h.trim());
  const mapping = options.mapping ?? autoMapping(rawHeaders.map((h, i) => h || (headers[i] ?? '')));
  const entries = new Map<number, MappingEntry>();
  for (const [column, value] of Object.entries(mapping)) {
    const entry = decodeMappingEntry(value);
    const index = Number(column);
    if (entry && Number.isInteger(index) && index >= 0 && index < headers.length)
      entries.set(index, entry);
  }
  const columnOf = (field: string) => [...entries].find(([, e]) => e.field === field)?.[0];
  const lonColumn = columnOf('lon');
  const latColumn = columnOf('lat');
  const identityColumn = columnOf('name') ?? columnOf('creditCode');
  const identityMapped = identityColumn !== undefined;
  const hasGeometries = input.geometries !== undefined;
  const hasPointColumns = lonColumn !== undefined && latColumn !== undefined && !hasGeometries;

  const dataRowIndexes: number[] = [];
  for (let i = headerRowIndex + 1; i < rows.length; i++) {
    if (hasGeometries || (rows[i] ?? []).some((cell) => !isEmptyCell(cell))) dataRowIndexes.push(i);
  }
  const rowNumberOf = (i: number) => input.rowNumbers?.[i] ?? i + 1;

  if (!input.fixedHeader && entries.size === 0) {
    findings.push({ id: 'noHeader', severity: 'warning', params: {} });
  }
  if (!identityMapped) {
    findings.push({
      id: 'noIdentityColumn',
      severity: hasGeometries ? 'info' : 'warning',
      params: {},
    });
  }
  if (!hasGeometries && !hasPointColumns && columnOf('districtCode') === undefined) {
    findings.push({ id: 'noPlacementColumn', severity: 'warning', params: {} });
  }
  const unmapped = headers.filter((h, i) => h !== '' && !entries.has(i));
  if (unmapped.length > 0 && !hasGeometries) {
    findings.push({
      id: 'unmappedColumns',
      severity: 'info',
      params: { count: unmapped.length, columns: unmapped.join('、') },
    });
  }

  // Coordinate system, from a sample of the points the file holds.
  const sample: XY[] = [];
  const step = Math.max(1, Math.floor(dataRowIndexes.length / SAMPLE_POINTS));
  for (let k = 0; k < dataRowIndexes.length; k += step) {
    const i = dataRowIndexes[k] as number;
    if (hasGeometries) {
      const geometry = input.geometries?.[i - headerRowIndex - 1];
      const p = geometry ? safeFirstPosition(geometry) : undefined;
      if (p && Number.isFinite(p[0]) && Number.isFinite(p[1]))
        sample.push([p[0] as number, p[1] as number]);
    } else if (hasPointColumns) {
      const x = readNumberCell(rows[i]?.[lonColumn] ?? '');
      const y = readNumberCell(rows[i]?.[latColumn] ?? '');
      if (x.kind === 'number' && y.kind === 'number') sample.push([x.value, y.value]);
    }
  }
  const needsCrs = hasGeometries || hasPointColumns;
  const crsHints: CrsHints = {
    ...input.crsHints,
    ...(options.crs ? { userCrs: options.crs } : {}),
    ...(hasPointColumns ? { headers: [headers[lonColumn] ?? '', headers[latColumn] ?? ''] } : {}),
  };
  const crsChoice = needsCrs ? chooseCrs(sample, crsHints) : undefined;
  if (crsChoice) {
    findings.push(...crsChoice.findings);
    if (crsChoice.crs.value === 'gcj02')
      findings.push({ id: 'gcj02Converted', severity: 'info', params: {} });
  }
  const toWgs84 = (p: Position): Position => {
    const xy: XY = crsChoice?.swapped
      ? [p[1] as number, p[0] as number]
      : [p[0] as number, p[1] as number];
    return crsChoice ? crsChoice.convert(xy) : xy;
  };

  // An area column without a unit in a parcel layer: the drawn polygons tell the unit.
  const areaColumn = columnOf('landAreaMu');
  if (
    hasGeometries &&
    areaColumn !== undefined &&
    !options.mapping &&
    statedUnitOfHeader('landAreaMu', headers[areaColumn] ?? '') === undefined
  ) {
    const pairs: { figure: number; areaSqm: number }[] = [];
    for (let k = 0; k < dataRowIndexes.length && pairs.length < AREA_SAMPLE; k++) {
      const i = dataRowIndexes[k] as number;
      const figure = readNumberCell(rows[i]?.[areaColumn] ?? '');
      const geometry = input.geometries?.[i - headerRowIndex - 1];
      if (figure.kind !== 'number' || !geometry) continue;
      try {
        const areaSqm = polygonAreaSqm(mapGeometry(geometry, toWgs84));
        if (areaSqm !== undefined) pairs.push({ figure: figure.value, areaSqm });
      } catch {
        // A malformed geometry is refused with its row below.
      }
    }
    const unit = areaUnitFromPolygons(pairs);
    if (unit) {
      entries.set(areaColumn, { field: 'landAreaMu', unit });
      findings.push({
        id: 'areaUnitFromGeometry',
        severity: 'info',
        params: { column: headers[areaColumn] ?? '', unit },
      });
    }
  }

  const records: RecordDraft[] = [];
  const rejected: RejectedRow[] = [];
  const rejectedRowNumbers = new Set<number>();
  const converted: XY[] = [];
  let outsideCount = 0;
  let unplaced = 0;
  let emptyGeometries = 0;
  let hasPolygons = false;

  // One loop over up to millions of rows: state lives outside it and `reject` is made once, so
  // no closure is allocated per row.
  let rowNumber = 0;
  let problems: RejectedRow[] = [];
  const reject = (column: number | null, value: string, reason: RejectedRow['reason']) =>
    problems.push({
      row: rowNumber,
      column: column === null ? null : (headers[column] ?? ''),
      value,
      reason,
    });
  const unmappedColumns = headers.flatMap((header, column) =>
    header !== '' && !entries.has(column) ? [column] : [],
  );
  const mappedEntries = [...entries].filter(([, e]) => e.field !== 'lon' && e.field !== 'lat');

  for (let k = 0; k < dataRowIndexes.length; k++) {
    const i = dataRowIndexes[k] as number;
    if (onProgress && k % PROGRESS_EVERY_ROWS === 0) {
      onProgress({ phase: 'rows', done: k, total: dataRowIndexes.length });
    }
    const cells = rows[i] ?? [];
    rowNumber = rowNumberOf(i);
    problems = [];
    const fields: RecordDraft['fields'] = {};

    for (const [column, { field, unit }] of mappedEntries) {
      const raw = cells[column] ?? '';
      if (isEmptyCell(raw)) continue;
      const text = raw.trim();
      if (NUMERIC_FIELDS.has(field)) {
        const cell = readNumberCell(text);
        if (cell.kind === 'text') reject(column, text, 'notANumber');
        else if (cell.kind === 'number') {
          if (cell.value < 0 && NON_NEGATIVE_FIELDS.has(field))
            reject(column, text, 'negativeNumber');
          else fields[field] = cell.value * (unit ? UNIT_FACTOR[unit] : 1);
        }
        continue;
      }
      switch (field) {
        case 'creditCode': {
          const check = checkCreditCode(text);
          if (check.valid) fields[field] = check.code;
          else reject(column, text, check.reason);
          break;
        }
        case 'districtCode': {
          const code = readDistrictCell(text);
          if (code) fields[field] = code;
          else reject(column, text, 'unknownDistrict');
          break;
        }
        case 'sizeClass': {
          const size = readSizeClassCell(text);
          if (size) fields[field] = size;
          else reject(column, text, 'badSizeClass');
          break;
        }
        case 'year': {
          const year = readYearCell(text);
          if (year) fields[field] = year;
          else reject(column, text, 'badYear');
          break;
        }
        case 'energyQuotaBreached': {
          const yes = readYesNoCell(text);
          if (yes !== undefined) fields[field] = yes;
          break;
        }
        default:
          fields[field] = foldFullWidth(text).trim();
      }
    }
    if (identityMapped && fields['name'] === undefined && fields['creditCode'] === undefined) {
      const nameColumn = identityColumn ?? null;
      const nameRejected = problems.some(
        (p) => p.reason === 'creditCodeFormat' || p.reason === 'creditCodeCheckDigit',
      );
      if (!nameRejected) reject(nameColumn, '', 'missingIdentity');
    }
    for (const column of unmappedColumns) {
      const raw = cells[column] ?? '';
      if (!isEmptyCell(raw)) fields[`${UNMAPPED_FIELD_PREFIX}${headers[column]}`] = raw.trim();
    }

    let geometry: Geometry | null = null;
    if (hasGeometries) {
      const source = input.geometries?.[i - headerRowIndex - 1] ?? null;
      if (!source) emptyGeometries++;
      else {
        try {
          const g = mapGeometry(source, toWgs84);
          if (!positionsFinite(g)) throw new Error('non-finite');
          const p = firstPosition(g);
          if (p) {
            converted.push([p[0] as number, p[1] as number]);
            if (!isInZhejiang([p[0] as number, p[1] as number])) {
              outsideCount++;
              reject(null, `${p[0]?.toFixed(5)}, ${p[1]?.toFixed(5)}`, 'outsideZhejiang');
            }
          }
          geometry = g;
          if (g.type === 'Polygon' || g.type === 'MultiPolygon') hasPolygons = true;
        } catch {
          reject(null, '', 'badGeometry');
        }
      }
    } else if (hasPointColumns) {
      const xText = (cells[lonColumn] ?? '').trim();
      const yText = (cells[latColumn] ?? '').trim();
      const x = readNumberCell(xText);
      const y = readNumberCell(yText);
      if (x.kind === 'text') reject(lonColumn, xText, 'badCoordinate');
      if (y.kind === 'text') reject(latColumn, yText, 'badCoordinate');
      if (x.kind === 'number' && y.kind === 'number') {
        const p = toWgs84([x.value, y.value]) as XY;
        converted.push(p);
        if (!isInZhejiang(p)) {
          outsideCount++;
          reject(lonColumn, `${xText}, ${yText}`, 'outsideZhejiang');
        } else geometry = { type: 'Point', coordinates: [p[0], p[1]] };
      } else if (x.kind !== y.kind && (x.kind === 'empty' || y.kind === 'empty')) {
        const missing = x.kind === 'empty' ? lonColumn : latColumn;
        reject(missing, '', 'halfCoordinate');
      }
    }
    if (problems.length > 0) {
      rejected.push(...problems);
      rejectedRowNumbers.add(rowNumber);
      continue;
    }
    if (!geometry && fields['districtCode'] === undefined && !hasGeometries) unplaced++;
    records.push({ index: records.length, geometry, fields });
  }
  onProgress?.({ phase: 'rows', done: dataRowIndexes.length, total: dataRowIndexes.length });

  findings.push(...regionFindings(converted, outsideCount));
  if (rejectedRowNumbers.size > 0) {
    findings.push({
      id: 'rejectedRows',
      severity: 'warning',
      params: { count: rejectedRowNumbers.size },
    });
  }
  if (unplaced > 0)
    findings.push({ id: 'unplacedRecords', severity: 'warning', params: { count: unplaced } });
  if (emptyGeometries > 0) {
    findings.push({ id: 'emptyGeometries', severity: 'info', params: { count: emptyGeometries } });
  }
  if (input.mergedHeaderRows) findings.push({ id: 'mergedHeader', severity: 'info', params: {} });
  if (dataRowIndexes.length === 0)
    findings.push({ id: 'noRecords', severity: 'error', params: {} });
  else if (records.length === 0) findings.push({ id: 'noRecords', severity: 'error', params: {} });

  const columns: ColumnInfo[] = headers.map((header, index) => {
    const entry = entries.get(index);
    const samples: string[] = [];
    for (const i of dataRowIndexes) {
      const cell = (rows[i]?.[index] ?? '').trim();
      if (cell !== '') samples.push(cell);
      if (samples.length === 3) break;
    }
    return { index, header, field: entry?.field ?? null, unit: entry?.unit ?? null, samples };
  });
  return {
    crs: crsChoice?.crs ?? null,
    table: {
      headerRowIndex,
      layoutKey: layoutKeyOf(headers),
      columns,
      mapping: Object.fromEntries(
        [...entries].map(([c, e]) => [String(c), e.unit ? `${e.field}@${e.unit}` : e.field]),
      ),
      rowCount: dataRowIndexes.length,
      ...(input.sheetName ? { sheetName: input.sheetName } : {}),
    },
    suggestedKind: hasPolygons ? 'parcels' : identityMapped ? 'enterprises' : 'other',
    records,
    rejected,
    findings,
    canCommit: records.length > 0 && !findings.some((f) => f.severity === 'error'),
  };
}
