/**
 * Colours of the evaluation classes, shared by the table's badges and the map's enterprise
 * points: a diverging green-to-red ramp (ColorBrewer RdYlGn), A best, so D reads as the warning
 * colour without a legend; flagged enterprises get a dark outline on top of their class colour.
 */
import type { EvaluationClass } from './evaluation-settings.ts';

export const EVALUATION_CLASS_COLOURS: Readonly<Record<EvaluationClass, string>> = {
  A: '#1a9850',
  B: '#91cf60',
  C: '#fee08b',
  D: '#d73027',
};

/** Points without a class (no score). */
export const UNCLASSED_COLOUR = '#9e9e9e';

/** The outline of a flagged (高耗低效) enterprise. */
export const FLAGGED_OUTLINE_COLOUR = '#3f007d';
