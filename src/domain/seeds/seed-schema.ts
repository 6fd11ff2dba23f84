/**
 * What each seed CSV must look like: its columns in order, the type of each column, which
 * columns must be found on the cited seed lines, and which rows must be unique.
 * seeds/README.md documents the same contract for the planners who edit the files.
 */

export type ColumnKind =
  /** Free text; with `values`, one of a closed set. */
  | 'text'
  /** A decimal number such as `29.6`; no thousands separators or units. */
  | 'number'
  /** A whole number such as `2023`. */
  | 'integer'
  /** A unit id from SEED_UNITS. */
  | 'unit'
  /** A district code from regions.ts, or a city code (330500) for whole-city rows. */
  | 'district'
  /** Several district codes separated by `;`. */
  | 'district_list'
  /** A city or province code: the area a goal applies to. */
  | 'scope'
  /** A seed file name such as `003_bf8a38d02e4bdcc0.txt`. */
  | 'source_file'
  /** Seed line numbers: `246`, `246-247`, or several joined by `;`. */
  | 'source_lines'
  /** `YYYY` or `YYYY-MM-DD`. */
  | 'date';

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  required?: boolean;
  values?: readonly string[];
  /** When this column is blank, one of these columns must say why. */
  blankNeeds?: readonly string[];
}

/** How the cited seed lines must show a row's key values. */
export interface SourceKeys {
  /** Must appear as written (whitespace ignored). */
  text?: readonly string[];
  /** Lists joined by 、 or ;, each item must appear. */
  parts?: readonly string[];
  /** Must appear as a number token (911 matches 911.0). */
  numbers?: readonly string[];
  /** District codes (`;`-joined) whose district name, short or full, must appear. */
  districts?: readonly string[];
}

export interface TableSchema {
  columns: readonly ColumnSpec[];
  sourceKeys?: SourceKeys;
  /** Columns that together identify a row. */
  unique?: readonly string[];
}

const sourceColumns: readonly ColumnSpec[] = [
  { name: 'source_file', kind: 'source_file', required: true },
  { name: 'source_lines', kind: 'source_lines', required: true },
];

export const DISTRICT_TARGET_GROUPS = [
  'per_mu_efficiency',
  'space_swap',
  'innovation',
  'green_low_carbon',
  'growth',
  'quality',
] as const;

export const HUZHOU_INDUSTRIES = [
  'textiles',
  'metal_processing',
  'furniture_bamboo_wood',
  'building_materials',
  'storage_batteries',
  'elevators_motors',
  'other_traditional',
] as const;

export const SHAOXING_INDUSTRIES = [
  'textiles',
  'chemicals',
  'metal_processing',
  'yellow_wine',
  'pearls',
  'bearings',
  'kitchenware',
  'motors',
] as const;

export const PLACE_TYPES = [
  'development_zone',
  'industrial_park',
  'industrial_cluster_zone',
  'industrial_belt',
  'specialty_town',
  'township',
  'market',
  'cluster',
  'regional_title',
  'pilot',
  'demonstration_base',
  'design_base',
  'innovation_platform',
  'service_centre',
  'platform_program',
] as const;

export const SEED_SCHEMAS: Readonly<Record<string, TableSchema>> = {
  'huzhou-2023-district-targets.csv': {
    columns: [
      { name: 'indicator_id', kind: 'text', required: true },
      { name: 'indicator_name_zh', kind: 'text', required: true },
      { name: 'indicator_name_en', kind: 'text', required: true },
      { name: 'group', kind: 'text', required: true, values: DISTRICT_TARGET_GROUPS },
      { name: 'unit', kind: 'unit', required: true },
      { name: 'unit_zh', kind: 'text' },
      { name: 'year', kind: 'integer', required: true },
      { name: 'district_code', kind: 'district', required: true },
      { name: 'district_name_zh', kind: 'text', required: true },
      { name: 'value', kind: 'number', blankNeeds: ['value_note'] },
      { name: 'value_note', kind: 'text' },
      { name: 'responsible_unit', kind: 'text', required: true },
      ...sourceColumns,
    ],
    sourceKeys: { text: ['indicator_name_zh'], numbers: ['value'] },
    unique: ['indicator_id', 'year', 'district_code'],
  },
  'huzhou-2023-city-targets.csv': {
    columns: [
      { name: 'number', kind: 'integer', required: true },
      { name: 'category_zh', kind: 'text', required: true },
      {
        name: 'category_id',
        kind: 'text',
        required: true,
        values: [
          'headline',
          'space_swap',
          'attract_major',
          'enterprise_strength',
          'quality',
          'digital',
          'innovation',
          'factor_support',
        ],
      },
      { name: 'indicator_name_zh', kind: 'text', required: true },
      { name: 'indicator_id', kind: 'text' },
      { name: 'unit', kind: 'unit', required: true },
      { name: 'unit_zh', kind: 'text' },
      { name: 'year', kind: 'integer', required: true },
      { name: 'value', kind: 'number', blankNeeds: ['value_text'] },
      { name: 'value_text', kind: 'text' },
      { name: 'responsible_unit', kind: 'text', required: true },
      ...sourceColumns,
    ],
    sourceKeys: { text: ['indicator_name_zh', 'value_text'], numbers: ['number', 'value'] },
    unique: ['year', 'number'],
  },
  'huzhou-enterprise-thresholds.csv': {
    columns: [
      { name: 'threshold_id', kind: 'text', required: true },
      { name: 'enterprise_scope_zh', kind: 'text', required: true },
      { name: 'enterprise_scope_id', kind: 'text', required: true },
      { name: 'criterion_zh', kind: 'text', required: true },
      { name: 'value', kind: 'number', blankNeeds: ['value_note'] },
      { name: 'unit', kind: 'unit', required: true },
      { name: 'unit_zh', kind: 'text' },
      { name: 'consecutive_years', kind: 'integer' },
      { name: 'value_note', kind: 'text' },
      ...sourceColumns,
    ],
    sourceKeys: { text: ['criterion_zh'], numbers: ['value', 'consecutive_years'] },
    unique: ['threshold_id'],
  },
  'huzhou-key-enterprises.csv': {
    columns: [
      { name: 'number', kind: 'integer', required: true },
      { name: 'industry_id', kind: 'text', required: true, values: HUZHOU_INDUSTRIES },
      { name: 'industry_zh', kind: 'text', required: true },
      { name: 'company_name_zh', kind: 'text', required: true },
      { name: 'location_zh', kind: 'text', required: true },
      { name: 'district_codes', kind: 'district_list', required: true },
      { name: 'main_products_zh', kind: 'text', required: true },
      ...sourceColumns,
    ],
    sourceKeys: {
      text: ['company_name_zh', 'main_products_zh'],
      parts: ['location_zh'],
      numbers: ['number'],
    },
    unique: ['number'],
  },
  'huzhou-key-projects.csv': {
    columns: [
      { name: 'industry_id', kind: 'text', required: true, values: HUZHOU_INDUSTRIES },
      { name: 'industry_zh', kind: 'text', required: true },
      { name: 'number', kind: 'integer', required: true },
      { name: 'company_name_zh', kind: 'text', required: true },
      { name: 'content_zh', kind: 'text', required: true },
      { name: 'start_year', kind: 'integer', required: true },
      { name: 'end_year', kind: 'integer', required: true },
      { name: 'investment_yi_yuan', kind: 'number', required: true },
      { name: 'progress_zh', kind: 'text', required: true },
      { name: 'location_zh', kind: 'text', required: true },
      { name: 'district_codes', kind: 'district_list', required: true },
      ...sourceColumns,
    ],
    sourceKeys: {
      text: ['company_name_zh', 'content_zh', 'progress_zh'],
      parts: ['location_zh'],
      numbers: ['number', 'start_year', 'end_year', 'investment_yi_yuan'],
    },
    unique: ['industry_id', 'number'],
  },
  'huzhou-key-projects-subtotals.csv': {
    columns: [
      { name: 'industry_id', kind: 'text', required: true, values: ['all', ...HUZHOU_INDUSTRIES] },
      { name: 'industry_zh', kind: 'text', required: true },
      { name: 'project_count', kind: 'integer' },
      { name: 'investment_yi_yuan', kind: 'number', required: true },
      ...sourceColumns,
    ],
    sourceKeys: { text: ['industry_zh'], numbers: ['project_count', 'investment_yi_yuan'] },
    unique: ['industry_id'],
  },
  'shaoxing-indicators.csv': {
    columns: [
      { name: 'number', kind: 'integer', required: true },
      { name: 'category_zh', kind: 'text', required: true },
      {
        name: 'category_id',
        kind: 'text',
        required: true,
        values: ['industry_structure', 'innovation', 'green', 'output'],
      },
      { name: 'indicator_id', kind: 'text', required: true },
      { name: 'indicator_name_zh', kind: 'text', required: true },
      { name: 'indicator_name_en', kind: 'text', required: true },
      { name: 'unit', kind: 'unit', required: true },
      { name: 'unit_zh', kind: 'text' },
      { name: 'kind', kind: 'text', required: true, values: ['actual', 'target'] },
      { name: 'year', kind: 'integer', required: true },
      { name: 'value', kind: 'number', blankNeeds: ['value_text', 'value_note'] },
      { name: 'value_text', kind: 'text' },
      { name: 'value_note', kind: 'text' },
      ...sourceColumns,
    ],
    sourceKeys: { text: ['indicator_name_zh', 'value_text'], numbers: ['number', 'value'] },
    unique: ['indicator_id', 'kind', 'year'],
  },
  'shaoxing-industries.csv': {
    columns: [
      {
        name: 'industry_id',
        kind: 'text',
        required: true,
        values: ['textiles', 'chemicals', 'metal_processing'],
      },
      { name: 'year', kind: 'integer', required: true },
      { name: 'row_label_zh', kind: 'text', required: true },
      {
        name: 'level',
        kind: 'text',
        required: true,
        values: ['total', 'sector', 'sub_sector', 'related'],
      },
      { name: 'parent_label_zh', kind: 'text' },
      { name: 'enterprise_count', kind: 'integer', required: true },
      { name: 'main_output_zh', kind: 'text' },
      { name: 'output_value_yi_yuan', kind: 'number', required: true },
      { name: 'city_share_percent', kind: 'number', required: true },
      { name: 'province_share_percent', kind: 'number', required: true },
      { name: 'national_share_percent', kind: 'number', required: true },
      { name: 'focus_areas_zh', kind: 'text', required: true },
      { name: 'district_codes', kind: 'district_list', required: true },
      { name: 'value_note', kind: 'text' },
      ...sourceColumns,
    ],
    sourceKeys: {
      text: ['row_label_zh', 'main_output_zh'],
      parts: ['focus_areas_zh'],
      numbers: [
        'enterprise_count',
        'output_value_yi_yuan',
        'city_share_percent',
        'province_share_percent',
        'national_share_percent',
      ],
    },
    unique: ['industry_id', 'year', 'row_label_zh'],
  },
  'shaoxing-benchmarks.csv': {
    columns: [
      { name: 'table_id', kind: 'text', required: true, values: ['positioning', 'roadmap'] },
      { name: 'industry_id', kind: 'text', required: true, values: SHAOXING_INDUSTRIES },
      { name: 'item_no', kind: 'integer' },
      { name: 'item_zh', kind: 'text', required: true },
      {
        name: 'benchmark_kind',
        kind: 'text',
        required: true,
        values: ['region', 'enterprise', 'place'],
      },
      { name: 'benchmark_zh', kind: 'text', required: true },
      { name: 'benchmark_note_zh', kind: 'text' },
      ...sourceColumns,
    ],
    sourceKeys: { text: ['item_zh', 'benchmark_zh', 'benchmark_note_zh'] },
    unique: ['table_id', 'industry_id', 'item_zh', 'benchmark_zh'],
  },
  'industry-focus-areas.csv': {
    columns: [
      { name: 'city_code', kind: 'scope', required: true },
      { name: 'industry_id', kind: 'text', required: true },
      { name: 'industry_zh', kind: 'text', required: true },
      { name: 'sub_sector_zh', kind: 'text', required: true },
      { name: 'place_zh', kind: 'text', required: true },
      { name: 'district_code', kind: 'district', required: true },
      {
        name: 'role',
        kind: 'text',
        required: true,
        values: ['focus', 'park', 'rectification', 'pilot', 'brand', 'base'],
      },
      ...sourceColumns,
    ],
    sourceKeys: { text: ['sub_sector_zh', 'place_zh'] },
    unique: ['city_code', 'industry_id', 'sub_sector_zh', 'place_zh', 'role', 'source_lines'],
  },
  'named-places.csv': {
    columns: [
      { name: 'name_zh', kind: 'text', required: true },
      { name: 'place_type', kind: 'text', required: true, values: PLACE_TYPES },
      { name: 'city_code', kind: 'scope', required: true },
      { name: 'district_codes', kind: 'district_list' },
      { name: 'district_basis', kind: 'text', values: ['', 'named', 'context'] },
      { name: 'note', kind: 'text' },
      ...sourceColumns,
    ],
    sourceKeys: { text: ['name_zh'] },
    unique: ['city_code', 'name_zh'],
  },
  'shaoxing-leading-enterprises.csv': {
    columns: [
      { name: 'industry_id', kind: 'text', required: true, values: SHAOXING_INDUSTRIES },
      { name: 'sub_sector_zh', kind: 'text', required: true },
      { name: 'enterprise_zh', kind: 'text', required: true },
      { name: 'role_zh', kind: 'text' },
      { name: 'city_code', kind: 'scope', required: true },
      { name: 'district_codes', kind: 'district_list' },
      { name: 'district_basis', kind: 'text', values: ['', 'named', 'context'] },
      { name: 'note', kind: 'text' },
      ...sourceColumns,
    ],
    sourceKeys: {
      text: ['sub_sector_zh', 'enterprise_zh', 'role_zh'],
      districts: ['district_codes'],
    },
    unique: ['industry_id', 'enterprise_zh'],
  },
  'zhejiang-key-traditional-industries.csv': {
    columns: [
      { name: 'number', kind: 'integer', required: true },
      { name: 'industry_id', kind: 'text', required: true },
      { name: 'name_zh', kind: 'text', required: true },
      { name: 'section_title_zh', kind: 'text', required: true },
      { name: 'name_en', kind: 'text', required: true },
      ...sourceColumns,
    ],
    sourceKeys: { text: ['name_zh', 'section_title_zh'] },
    unique: ['industry_id'],
  },
  'plan-goals.csv': {
    columns: [
      { name: 'goal_id', kind: 'text', required: true },
      { name: 'scope_code', kind: 'scope', required: true },
      { name: 'target_year', kind: 'integer', required: true },
      { name: 'subject_zh', kind: 'text', required: true },
      { name: 'indicator_zh', kind: 'text', required: true },
      { name: 'indicator_en', kind: 'text', required: true },
      { name: 'unit', kind: 'unit', required: true },
      { name: 'unit_zh', kind: 'text' },
      {
        name: 'comparator',
        kind: 'text',
        required: true,
        values: ['eq', 'gte', 'gt', 'lte', 'approx'],
      },
      { name: 'value', kind: 'number', blankNeeds: ['value_text', 'value_note'] },
      {
        name: 'basis',
        kind: 'text',
        required: true,
        values: ['level', 'cumulative', 'per_year', 'annual_growth'],
      },
      { name: 'value_text', kind: 'text' },
      { name: 'value_note', kind: 'text' },
      ...sourceColumns,
    ],
    sourceKeys: { text: ['indicator_zh', 'value_text'], numbers: ['value'] },
    unique: ['goal_id'],
  },
  'sources.csv': {
    columns: [
      { name: 'source_file', kind: 'source_file', required: true },
      { name: 'doc_number', kind: 'text' },
      { name: 'title_zh', kind: 'text', required: true },
      { name: 'notice_title_zh', kind: 'text' },
      { name: 'title_en', kind: 'text', required: true },
      { name: 'issuer_zh', kind: 'text' },
      { name: 'issue_date', kind: 'date', required: true },
      { name: 'scope_code', kind: 'scope', required: true },
      { name: 'note', kind: 'text' },
      { name: 'source_lines', kind: 'source_lines', required: true },
    ],
    sourceKeys: { text: ['title_zh', 'issuer_zh'] },
    unique: ['source_file'],
  },
  'datasets.csv': {
    columns: [
      { name: 'dataset_file', kind: 'text', required: true },
      { name: 'title_en', kind: 'text', required: true },
      { name: 'source_files', kind: 'text', required: true },
      { name: 'section_zh', kind: 'text', required: true },
    ],
    unique: ['dataset_file'],
  },
};
