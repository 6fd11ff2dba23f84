/**
 * Words for what the importer reports: a finding's message with its parameters put into words
 * (encodings, coordinate systems and their bases are ids in the preview), the label of a
 * mapping entry (`field` or `field@unit`), and stored fields with their units and values.
 */

import { FIELD_IDS } from '../../domain/imports/field-mapping.ts';
import {
  UNMAPPED_FIELD_PREFIX,
  type FieldId,
  type Finding,
  type UnitId,
} from '../../domain/imports/index.ts';
import { formatNumber } from '../../domain/number-format.ts';
import { districtByCode } from '../../domain/regions.ts';
import type { Locale } from '../../domain/view-state.ts';
import { format, type Messages } from '../../i18n/index.ts';

type ImportWords = Messages['imports'];

function lookup(words: Record<string, string>, key: string | number): string {
  return typeof key === 'string' && key in words ? (words[key] ?? key) : String(key);
}

/** A finding as a sentence in the reader's language. */
export function findingText(finding: Finding, t: ImportWords, locale: Locale): string {
  const isEncoding = finding.id.startsWith('encoding');
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(finding.params)) {
    if (typeof value === 'number') params[key] = formatNumber(value, locale);
    else if (key === 'encoding') params[key] = lookup(t.wizard.encodingNames, value);
    else if (key === 'basis') {
      params[key] = lookup(isEncoding ? t.findings.encodingBasis : t.findings.crsBasis, value);
    } else if (key === 'crs' || key === 'suggested')
      params[key] = lookup(t.wizard.crsOptions, value);
    else params[key] = value;
  }
  return format(t.findings[finding.id], params);
}

/** The label of a mapping entry: the field, with its unit when it has one. */
export function mappingEntryLabel(entry: string, t: ImportWords, locale: Locale): string {
  const [field = '', unit] = entry.split('@');
  const fieldWord = lookup(t.wizard.fields, field);
  if (!unit) return fieldWord;
  const unitWord = lookup(t.wizard.units, unit);
  return locale === 'en' ? `${fieldWord} (${unitWord})` : `${fieldWord}（${unitWord}）`;
}

/** The unit each figure is stored in (the field ids say it), as the wizard words units. */
const STORED_UNIT: Partial<Record<FieldId, UnitId>> = {
  landAreaMu: 'mu',
  taxWanYuan: 'wanYuan',
  valueAddedWanYuan: 'wanYuan',
  revenueWanYuan: 'wanYuan',
  rdWanYuan: 'wanYuan',
  energyTce: 'tce',
  electricityKwh: 'kwh',
  emissionsTonnes: 'tonnes',
};

/**
 * The label of a stored record field: a mapped field with the unit it is stored in, or the
 * header of a column kept as text.
 */
export function fieldLabel(key: string, t: ImportWords, locale: Locale): string {
  if (key.startsWith(UNMAPPED_FIELD_PREFIX)) return key.slice(UNMAPPED_FIELD_PREFIX.length);
  if (!(FIELD_IDS as readonly string[]).includes(key)) return key;
  const unit = STORED_UNIT[key as FieldId];
  return mappingEntryLabel(unit ? `${key}@${unit}` : key, t, locale);
}

/** A stored field's value as a reader wants it: district names, 规上/规下, yes/no, numbers. */
export function fieldValueText(
  key: string,
  raw: string | number | null | undefined,
  t: ImportWords,
  locale: Locale,
): string {
  if (raw === null || raw === undefined || raw === '') return '—';
  if (key === 'districtCode' && typeof raw === 'string') {
    const district = districtByCode(raw);
    return district ? (locale === 'en' ? district.nameEn : district.nameZh) : raw;
  }
  if (key === 'sizeClass' && (raw === 'above' || raw === 'below')) return t.card.sizeClasses[raw];
  if (key === 'energyQuotaBreached') return raw === 1 ? t.card.yes : t.card.no;
  if (key === 'year') return String(raw);
  return typeof raw === 'number' ? formatNumber(raw, locale) : raw;
}
