import type { Locale } from './view-state.ts';

/** Formats a number with the locale's grouping, at most `maxFractionDigits` decimals. */
export function formatNumber(value: number, locale: Locale, maxFractionDigits = 2): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(value);
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** A file size in binary units (1 KB = 1024 B), as storage tools show them. */
export function formatByteSize(bytes: number, locale: Locale): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, locale, unit === 0 ? 0 : 1)} ${BYTE_UNITS[unit]}`;
}
