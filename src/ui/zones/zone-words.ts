/**
 * The words for every reason a zone is refused: shape errors of the geometry check and field
 * errors of storage's check, each filled with where and how much, so the tab never shows an id.
 */
import { formatNumber } from '../../domain/number-format.ts';
import type { Locale } from '../../domain/view-state.ts';
import {
  MAX_ZONE_NAME_LENGTH,
  TARGET_YEAR_RANGE,
  type ZoneFieldError,
} from '../../domain/zones/zone-fields.validator.ts';
import {
  MIN_ZONE_AREA_MU,
  type ZoneGeometryError,
} from '../../domain/zones/zone-geometry.validator.ts';
import { format, type Messages } from '../../i18n/index.ts';

type ZoneWords = Messages['zones'];

/** Coordinates to five decimals (about a metre), enough to find the corner on the map. */
const COORDINATE_DIGITS = 5;

function coordinates(where: readonly number[] | undefined, locale: Locale) {
  const [lon, lat] = where ?? [];
  return {
    lon: lon === undefined ? '?' : formatNumber(lon, locale, COORDINATE_DIGITS),
    lat: lat === undefined ? '?' : formatNumber(lat, locale, COORDINATE_DIGITS),
  };
}

/** A shape error in words, with its point, area or corner count. */
export function geometryErrorText(error: ZoneGeometryError, t: ZoneWords, locale: Locale): string {
  const words = t.validation;
  switch (error.id) {
    case 'notClosed':
    case 'selfIntersecting':
    case 'outsideRegion':
      return format(words[error.id], coordinates(error.where, locale));
    case 'tooFewVertices':
      return format(words.tooFewVertices, { count: error.vertexCount ?? 0 });
    case 'tooSmall':
      return format(words.tooSmall, {
        areaMu: formatNumber(error.areaMu ?? 0, locale, 3),
        minMu: formatNumber(MIN_ZONE_AREA_MU, locale),
      });
    default:
      return words[error.id];
  }
}

/** A field error in words, naming the field as the form labels it. */
export function fieldErrorText(error: ZoneFieldError, t: ZoneWords): string {
  const words = t.validation.field;
  const field = t.form[error.field];
  switch (error.id) {
    case 'nameTooLong':
      return format(words.nameTooLong, { max: MAX_ZONE_NAME_LENGTH });
    case 'yearOutOfRange':
      return format(words.yearOutOfRange, {
        field,
        min: TARGET_YEAR_RANGE.min,
        max: TARGET_YEAR_RANGE.max,
      });
    case 'unknownKind':
    case 'unknownPhase':
      return words[error.id];
    default:
      return format(words[error.id], { field });
  }
}
