/**
 * Words for what the importer reports: a finding's message with its parameters put into words
 * (encodings, coordinate systems and their bases are ids in the preview), and the label of a
 * mapping entry (`field` or `field@unit`).
 */

import { formatNumber } from '../../domain/number-format.ts';
import type { Locale } from '../../domain/view-state.ts';
import type { Finding } from '../../domain/imports/index.ts';
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
