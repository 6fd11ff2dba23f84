import type { UnitDisplay } from './indicators/unit-display.ts';
import type { Locale } from './view-state.ts';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * A shared formatter per locale and options: building an Intl.NumberFormat costs far more than
 * using one, and a heatmap switch formats dozens of numbers.
 */
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Formats a number with the locale's grouping, at most `maxFractionDigits` decimals. */
export function formatNumber(value: number, locale: Locale, maxFractionDigits = 2): string {
  return numberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(value);
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

/** The number and its label joined the way the unit is written: `37 万元/亩`, `7%`. */
function withLabel(number: string, label: string, unit: UnitDisplay): string {
  if (label === '') return number;
  return unit.spaced ? `${number} ${label}` : `${number}${label}`;
}

function scaled(value: number, unit: UnitDisplay, locale: Locale): number {
  return locale === 'en' ? value * unit.enFactor : value;
}

function digits(unit: UnitDisplay, locale: Locale): number {
  return locale === 'en' ? unit.enFractionDigits : unit.zhFractionDigits;
}

function label(unit: UnitDisplay, locale: Locale): string {
  return locale === 'en' ? unit.en : unit.zh;
}

/**
 * A seed-unit value written for a reader: `37 万元/亩`, `1.5 万吨标煤`, `10,000 亩` in Chinese;
 * in English restated in a plain unit (`370,000 yuan/mu`, `15,000 tce`), see UNIT_DISPLAY.
 */
export function formatQuantity(value: number, unit: UnitDisplay, locale: Locale): string {
  const number = formatNumber(scaled(value, unit, locale), locale, digits(unit, locale));
  return withLabel(number, label(unit, locale), unit);
}

/** A legend class's extent with one unit label: `35–37 万元/亩`; a single value when both ends match. */
export function formatQuantityRange(
  lower: number,
  upper: number,
  unit: UnitDisplay,
  locale: Locale,
): string {
  const d = digits(unit, locale);
  const low = formatNumber(scaled(lower, unit, locale), locale, d);
  const high = formatNumber(scaled(upper, unit, locale), locale, d);
  return withLabel(low === high ? low : `${low}–${high}`, label(unit, locale), unit);
}

/** A difference with its sign always shown (`+11 万元/亩`, `-7 万元/亩`, `0 万元/亩`). */
export function formatSignedQuantity(value: number, unit: UnitDisplay, locale: Locale): string {
  const number = numberFormat(locale, {
    maximumFractionDigits: digits(unit, locale),
    signDisplay: 'exceptZero',
  }).format(scaled(value, unit, locale));
  return withLabel(number, label(unit, locale), unit);
}

/**
 * A ratio as a percentage (`0.973` → `97.3%`), for completion rates; with `signed`, a gap
 * such as `+29.7%`.
 */
export function formatRatioAsPercent(
  ratio: number,
  locale: Locale,
  options: { maxFractionDigits?: number; signed?: boolean } = {},
): string {
  return numberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: options.maxFractionDigits ?? 1,
    signDisplay: options.signed ? 'exceptZero' : 'auto',
  }).format(ratio);
}
