/**
 * Colours for a classification's classes. Both assignments follow the indicator's polarity,
 * so the strongest colour always marks the better performance and a planner reads every
 * heatmap the same way, whichever direction its figure runs.
 */
import type { Polarity } from '../indicators/indicator-semantics.ts';
import type { ValueClass } from './classify.ts';
import {
  divergingRamp,
  sequentialColours,
  type DivergingSchemeId,
  type SequentialSchemeId,
} from './colour-schemes.ts';

/**
 * Sequential colours for `classCount` ascending classes: light to dark for higher-is-better,
 * dark to light for lower-is-better, so the darkest class is the best one.
 */
export function sequentialClassColours(
  classCount: number,
  scheme: SequentialSchemeId,
  polarity: Polarity,
): string[] {
  const colours = sequentialColours(scheme, classCount);
  return polarity === 'lower-is-better' ? colours.reverse() : colours;
}

/** Where a class lies relative to the reference a diverging map is centred on. */
export type ClassSide = 'below' | 'neutral' | 'above';

export interface DivergingClassColours {
  /** One colour per class, in the classes' order. */
  colours: string[];
  sides: ClassSide[];
  /** The ramp's midpoint colour: the reference itself. */
  neutralColour: string;
  /** True when one side had more than five classes and the ramp had to be interpolated. */
  interpolated: boolean;
}

/**
 * Which side of the reference a class's districts are on. A class whose values all equal the
 * reference is neutral, and so is one whose values lie on both sides of it. A class that only
 * touches the reference (all values ≥ it, or all ≤ it) takes the side it extends to: that is
 * the "reached the reference" class of a reference classification. Classify with
 * `isolateEqual` to paint the districts exactly at the reference neutral.
 */
export function classSide(
  cls: Pick<ValueClass, 'minValue' | 'maxValue'>,
  reference: number,
): ClassSide {
  if (cls.minValue === reference && cls.maxValue === reference) return 'neutral';
  if (cls.minValue >= reference) return 'above';
  if (cls.maxValue <= reference) return 'below';
  return 'neutral';
}

/**
 * Colours for ascending classes on a diverging ramp centred on `reference` (the city-wide
 * figure, a provincial figure, a target). The ramp is sized for the busier side, so the
 * reference sits at its neutral midpoint even when, say, one class lies below it and four
 * above: each side takes the steps nearest the middle, outward. For higher-is-better
 * indicators the classes above the reference take the ramp's high end (blue in RdBu); for
 * lower-is-better ones the ramp is mirrored, so "better than the reference" keeps its colour.
 */
export function divergingClassColours(
  classes: readonly Pick<ValueClass, 'minValue' | 'maxValue'>[],
  reference: number,
  scheme: DivergingSchemeId,
  polarity: Polarity,
): DivergingClassColours {
  const sides = classes.map((c) => classSide(c, reference));
  const below = sides.filter((s) => s === 'below').length;
  const above = sides.filter((s) => s === 'above').length;
  const half = Math.max(below, above);
  const { colours: ramp, interpolated } = divergingRamp(scheme, 2 * half + 1);
  const at = (offset: number): string => {
    const index = polarity === 'higher-is-better' ? half + offset : half - offset;
    return ramp[index]!;
  };
  let seenAbove = 0;
  const colours = sides.map((side, i) => {
    if (side === 'neutral') return at(0);
    if (side === 'below') return at(i - below);
    seenAbove += 1;
    return at(seenAbove);
  });
  return { colours, sides, neutralColour: at(0), interpolated };
}
