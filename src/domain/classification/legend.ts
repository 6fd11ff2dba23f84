/**
 * Legend text for a classification. A class is labelled with the extent of the values in it,
 * not its bounds: with six districts a quantile bound such as 36.67 is an artefact of the
 * method, while "30–36 万元/亩 (2)" says exactly what the map shows.
 */
import type { UnitDisplay } from '../indicators/unit-display.ts';
import { formatQuantityRange } from '../number-format.ts';
import type { Locale } from '../view-state.ts';
import type { ValueClass } from './classify.ts';

/** `35–37 万元/亩 (3)`: the class's data extent with its unit, and how many districts it holds. */
export function legendLabel(
  cls: Pick<ValueClass, 'minValue' | 'maxValue' | 'count'>,
  unit: UnitDisplay,
  locale: Locale,
): string {
  return `${formatQuantityRange(cls.minValue, cls.maxValue, unit, locale)} (${cls.count})`;
}
