/**
 * The importer: officials' files as they really are, read into records with WGS-84 geometry,
 * checked row by row, nothing stored. Pure TypeScript; runs in Node (tests) and in a Web Worker
 * (src/workers/import.worker.ts).
 *
 * ## Use
 * ```ts
 * // In the UI, through the import worker, which keeps the records and stores them on commit:
 * // src/state/imports-worker.ts (workerImportEngine) over src/workers/import-session.ts.
 * // Directly (tests, small files):
 * import { parseImportFile } from '../domain/imports/index.ts';
 * const preview = parseImportFile({ name, bytes }, options);
 * ```
 * `ImportPreview` (import-preview.ts) holds:
 * - `records`: `RecordDraft[]` = `ImportedRecord` without `layerId` — `geometry` in WGS-84
 *   (Point for tables with coordinates, null when placed by district only), `fields` named in
 *   their units as the evaluation reads them (`name`, `creditCode` (checked, upper-case),
 *   `districtCode` (GB/T 2260 or project code from src/domain/regions.ts), `town`, `landAreaMu`,
 *   `taxWanYuan`, `valueAddedWanYuan`, `revenueWanYuan`, `energyTce`, `electricityKwh`,
 *   `emissionsTonnes`, `rdWanYuan`, `employees`, `industry`, `sizeClass` ('above' | 'below'),
 *   `year`, `energyQuotaBreached` (1 | 0)); unmapped columns kept as `col:<header>` text.
 * - `rejected`: every refused row (`row` 1-based as the spreadsheet shows it, or the feature
 *   number; `column` header; `value`; `reason` → i18n `imports.reasons.<reason>`).
 * - `findings`: file-level facts and assumptions, `{ id, severity, params }` → i18n
 *   `imports.findings.<id>` with `params` as placeholders. Severity 'error' → `canCommit` false.
 * - `encoding` / `crs`: what was used and why (`basis`), for the wizard to show and override.
 * - `table`: header row, `columns` (header, field, unit, samples), `mapping`, `layoutKey`.
 *   The mapping is a `Record<string, string>` (column index → `field` or `field@unit`), stored
 *   as-is in `importLayouts` under `layoutKey`; pass it back as `options.mapping` to re-parse.
 *
 * ## Overrides (`ImportOptions`)
 * `encoding` ('utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be'), `crs` (`CRS_IDS`), `mapping`,
 * `headerRowIndex`. Re-parse with the changed options; the preview is rebuilt whole.
 *
 * ## For the layer record
 * `importInfoOf(preview)` gives the `ImportedLayer.importInfo` strings (format, encoding, CRS,
 * layout key, mapping).
 */
import type { ImportPreview } from './import-preview.ts';

export type {
  ColumnInfo,
  ColumnMapping,
  CrsBasis,
  CrsId,
  EncodingBasis,
  FieldId,
  Finding,
  FindingId,
  FindingSeverity,
  ImportFormat,
  ImportOptions,
  ImportPreview,
  ImportProgress,
  RecordDraft,
  RejectedRow,
  RejectionReason,
  TableInfo,
  TextEncoding,
  UnitId,
} from './import-preview.ts';
export { parseImportFile, detectFormat, type ImportFile } from './import-file.ts';
export { CRS_IDS, isProjected, ZHEJIANG_BOUNDS } from './crs.ts';
export {
  FIELD_IDS,
  UNITS_OF_FIELD,
  decodeMappingEntry,
  encodeMappingEntry,
  type MappingEntry,
} from './field-mapping.ts';
export { checkCreditCode } from './credit-code.ts';
export { UNMAPPED_FIELD_PREFIX } from './table-records.ts';

/** The strings stored on the layer (`ImportedLayer.importInfo`) about how it was read. */
export function importInfoOf(preview: ImportPreview): Record<string, string> {
  const info: Record<string, string> = { format: preview.format ?? '' };
  if (preview.encoding) info['encoding'] = `${preview.encoding.value} (${preview.encoding.basis})`;
  if (preview.crs) info['crs'] = `${preview.crs.label} (${preview.crs.basis})`;
  if (preview.table) {
    info['layoutKey'] = preview.table.layoutKey;
    info['mapping'] = JSON.stringify(preview.table.mapping);
    if (preview.table.sheetName) info['sheet'] = preview.table.sheetName;
  }
  return info;
}
