/**
 * Colour-blind-safe ColorBrewer schemes for district choropleths, and how to take n colours
 * from them.
 *
 * Colour specifications and designs developed by Cynthia Brewer (https://colorbrewer2.org/),
 * Apache License 2.0. Only schemes ColorBrewer rates colour-blind safe at every size are
 * included: single-hue or multi-hue sequential ramps (3–9 classes) and the RdBu, PuOr, BrBG
 * and PRGn diverging ramps (3–11 classes). Spectral, RdYlGn and RdGy are left out because
 * red–green and grey pairs in them are confused by colour-blind readers.
 */

type SchemeSizes = Readonly<Record<number, readonly string[]>>;

/** Sequential ramps, light (index 0) to dark, keyed by class count. */
export const SEQUENTIAL_SCHEMES = {
  YlOrRd: {
    3: ['#ffeda0', '#feb24c', '#f03b20'],
    4: ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
    5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
    6: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
    7: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
    8: ['#ffffcc', '#ffeda0', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
    9: [
      '#ffffcc',
      '#ffeda0',
      '#fed976',
      '#feb24c',
      '#fd8d3c',
      '#fc4e2a',
      '#e31a1c',
      '#bd0026',
      '#800026',
    ],
  },
  Blues: {
    3: ['#deebf7', '#9ecae1', '#3182bd'],
    4: ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'],
    5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
    6: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
    7: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
    8: ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
    9: [
      '#f7fbff',
      '#deebf7',
      '#c6dbef',
      '#9ecae1',
      '#6baed6',
      '#4292c6',
      '#2171b5',
      '#08519c',
      '#08306b',
    ],
  },
  Greens: {
    3: ['#e5f5e0', '#a1d99b', '#31a354'],
    4: ['#edf8e9', '#bae4b3', '#74c476', '#238b45'],
    5: ['#edf8e9', '#bae4b3', '#74c476', '#31a354', '#006d2c'],
    6: ['#edf8e9', '#c7e9c0', '#a1d99b', '#74c476', '#31a354', '#006d2c'],
    7: ['#edf8e9', '#c7e9c0', '#a1d99b', '#74c476', '#41ab5d', '#238b45', '#005a32'],
    8: ['#f7fcf5', '#e5f5e0', '#c7e9c0', '#a1d99b', '#74c476', '#41ab5d', '#238b45', '#005a32'],
    9: [
      '#f7fcf5',
      '#e5f5e0',
      '#c7e9c0',
      '#a1d99b',
      '#74c476',
      '#41ab5d',
      '#238b45',
      '#006d2c',
      '#00441b',
    ],
  },
  Purples: {
    3: ['#efedf5', '#bcbddc', '#756bb1'],
    4: ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#6a51a3'],
    5: ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'],
    6: ['#f2f0f7', '#dadaeb', '#bcbddc', '#9e9ac8', '#756bb1', '#54278f'],
    7: ['#f2f0f7', '#dadaeb', '#bcbddc', '#9e9ac8', '#807dba', '#6a51a3', '#4a1486'],
    8: ['#fcfbfd', '#efedf5', '#dadaeb', '#bcbddc', '#9e9ac8', '#807dba', '#6a51a3', '#4a1486'],
    9: [
      '#fcfbfd',
      '#efedf5',
      '#dadaeb',
      '#bcbddc',
      '#9e9ac8',
      '#807dba',
      '#6a51a3',
      '#54278f',
      '#3f007d',
    ],
  },
  Oranges: {
    3: ['#fee6ce', '#fdae6b', '#e6550d'],
    4: ['#feedde', '#fdbe85', '#fd8d3c', '#d94701'],
    5: ['#feedde', '#fdbe85', '#fd8d3c', '#e6550d', '#a63603'],
    6: ['#feedde', '#fdd0a2', '#fdae6b', '#fd8d3c', '#e6550d', '#a63603'],
    7: ['#feedde', '#fdd0a2', '#fdae6b', '#fd8d3c', '#f16913', '#d94801', '#8c2d04'],
    8: ['#fff5eb', '#fee6ce', '#fdd0a2', '#fdae6b', '#fd8d3c', '#f16913', '#d94801', '#8c2d04'],
    9: [
      '#fff5eb',
      '#fee6ce',
      '#fdd0a2',
      '#fdae6b',
      '#fd8d3c',
      '#f16913',
      '#d94801',
      '#a63603',
      '#7f2704',
    ],
  },
} as const satisfies Record<string, SchemeSizes>;

/** Diverging ramps keyed by class count; index 0 is the low end, the middle of odd sizes neutral. */
export const DIVERGING_SCHEMES = {
  RdBu: {
    3: ['#ef8a62', '#f7f7f7', '#67a9cf'],
    4: ['#ca0020', '#f4a582', '#92c5de', '#0571b0'],
    5: ['#ca0020', '#f4a582', '#f7f7f7', '#92c5de', '#0571b0'],
    6: ['#b2182b', '#ef8a62', '#fddbc7', '#d1e5f0', '#67a9cf', '#2166ac'],
    7: ['#b2182b', '#ef8a62', '#fddbc7', '#f7f7f7', '#d1e5f0', '#67a9cf', '#2166ac'],
    8: ['#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac'],
    9: [
      '#b2182b',
      '#d6604d',
      '#f4a582',
      '#fddbc7',
      '#f7f7f7',
      '#d1e5f0',
      '#92c5de',
      '#4393c3',
      '#2166ac',
    ],
    10: [
      '#67001f',
      '#b2182b',
      '#d6604d',
      '#f4a582',
      '#fddbc7',
      '#d1e5f0',
      '#92c5de',
      '#4393c3',
      '#2166ac',
      '#053061',
    ],
    11: [
      '#67001f',
      '#b2182b',
      '#d6604d',
      '#f4a582',
      '#fddbc7',
      '#f7f7f7',
      '#d1e5f0',
      '#92c5de',
      '#4393c3',
      '#2166ac',
      '#053061',
    ],
  },
  PuOr: {
    3: ['#f1a340', '#f7f7f7', '#998ec3'],
    4: ['#e66101', '#fdb863', '#b2abd2', '#5e3c99'],
    5: ['#e66101', '#fdb863', '#f7f7f7', '#b2abd2', '#5e3c99'],
    6: ['#b35806', '#f1a340', '#fee0b6', '#d8daeb', '#998ec3', '#542788'],
    7: ['#b35806', '#f1a340', '#fee0b6', '#f7f7f7', '#d8daeb', '#998ec3', '#542788'],
    8: ['#b35806', '#e08214', '#fdb863', '#fee0b6', '#d8daeb', '#b2abd2', '#8073ac', '#542788'],
    9: [
      '#b35806',
      '#e08214',
      '#fdb863',
      '#fee0b6',
      '#f7f7f7',
      '#d8daeb',
      '#b2abd2',
      '#8073ac',
      '#542788',
    ],
    10: [
      '#7f3b08',
      '#b35806',
      '#e08214',
      '#fdb863',
      '#fee0b6',
      '#d8daeb',
      '#b2abd2',
      '#8073ac',
      '#542788',
      '#2d004b',
    ],
    11: [
      '#7f3b08',
      '#b35806',
      '#e08214',
      '#fdb863',
      '#fee0b6',
      '#f7f7f7',
      '#d8daeb',
      '#b2abd2',
      '#8073ac',
      '#542788',
      '#2d004b',
    ],
  },
  BrBG: {
    3: ['#d8b365', '#f5f5f5', '#5ab4ac'],
    4: ['#a6611a', '#dfc27d', '#80cdc1', '#018571'],
    5: ['#a6611a', '#dfc27d', '#f5f5f5', '#80cdc1', '#018571'],
    6: ['#8c510a', '#d8b365', '#f6e8c3', '#c7eae5', '#5ab4ac', '#01665e'],
    7: ['#8c510a', '#d8b365', '#f6e8c3', '#f5f5f5', '#c7eae5', '#5ab4ac', '#01665e'],
    8: ['#8c510a', '#bf812d', '#dfc27d', '#f6e8c3', '#c7eae5', '#80cdc1', '#35978f', '#01665e'],
    9: [
      '#8c510a',
      '#bf812d',
      '#dfc27d',
      '#f6e8c3',
      '#f5f5f5',
      '#c7eae5',
      '#80cdc1',
      '#35978f',
      '#01665e',
    ],
    10: [
      '#543005',
      '#8c510a',
      '#bf812d',
      '#dfc27d',
      '#f6e8c3',
      '#c7eae5',
      '#80cdc1',
      '#35978f',
      '#01665e',
      '#003c30',
    ],
    11: [
      '#543005',
      '#8c510a',
      '#bf812d',
      '#dfc27d',
      '#f6e8c3',
      '#f5f5f5',
      '#c7eae5',
      '#80cdc1',
      '#35978f',
      '#01665e',
      '#003c30',
    ],
  },
  PRGn: {
    3: ['#af8dc3', '#f7f7f7', '#7fbf7b'],
    4: ['#7b3294', '#c2a5cf', '#a6dba0', '#008837'],
    5: ['#7b3294', '#c2a5cf', '#f7f7f7', '#a6dba0', '#008837'],
    6: ['#762a83', '#af8dc3', '#e7d4e8', '#d9f0d3', '#7fbf7b', '#1b7837'],
    7: ['#762a83', '#af8dc3', '#e7d4e8', '#f7f7f7', '#d9f0d3', '#7fbf7b', '#1b7837'],
    8: ['#762a83', '#9970ab', '#c2a5cf', '#e7d4e8', '#d9f0d3', '#a6dba0', '#5aae61', '#1b7837'],
    9: [
      '#762a83',
      '#9970ab',
      '#c2a5cf',
      '#e7d4e8',
      '#f7f7f7',
      '#d9f0d3',
      '#a6dba0',
      '#5aae61',
      '#1b7837',
    ],
    10: [
      '#40004b',
      '#762a83',
      '#9970ab',
      '#c2a5cf',
      '#e7d4e8',
      '#d9f0d3',
      '#a6dba0',
      '#5aae61',
      '#1b7837',
      '#00441b',
    ],
    11: [
      '#40004b',
      '#762a83',
      '#9970ab',
      '#c2a5cf',
      '#e7d4e8',
      '#f7f7f7',
      '#d9f0d3',
      '#a6dba0',
      '#5aae61',
      '#1b7837',
      '#00441b',
    ],
  },
} as const satisfies Record<string, SchemeSizes>;

export type SequentialSchemeId = keyof typeof SEQUENTIAL_SCHEMES;
export type DivergingSchemeId = keyof typeof DIVERGING_SCHEMES;

/** Largest class count each kind of scheme is defined for. */
export const MAX_SEQUENTIAL_CLASSES = 9;
export const MAX_DIVERGING_CLASSES = 11;

/**
 * How a district without a figure is drawn: a grey that none of the schemes above uses, and
 * hatched, so it cannot be read as the palest class.
 */
export const NO_DATA_STYLE = { colour: '#bdbdbd', hatched: true } as const;

function sizeOf(scheme: SchemeSizes, n: number): readonly string[] {
  const colours = scheme[n];
  if (!colours) throw new RangeError(`scheme has no ${n}-class version`);
  return colours;
}

/**
 * n colours from a sequential scheme, light to dark. One class takes the middle of the
 * 3-class ramp and two classes its ends, since ColorBrewer starts at three.
 */
export function sequentialColours(scheme: SequentialSchemeId, n: number): string[] {
  const sizes: SchemeSizes = SEQUENTIAL_SCHEMES[scheme];
  if (!Number.isInteger(n) || n < 1 || n > MAX_SEQUENTIAL_CLASSES) {
    throw new RangeError(`a sequential scheme has 1–${MAX_SEQUENTIAL_CLASSES} classes, not ${n}`);
  }
  const three = sizeOf(sizes, 3);
  if (n === 1) return [three[1]!];
  if (n === 2) return [three[0]!, three[2]!];
  return [...sizeOf(sizes, n)];
}

/**
 * A diverging ramp of `size` colours, low end first. Sizes ColorBrewer defines are returned
 * as designed; larger ones are interpolated in RGB from the 11-class ramp (`interpolated`).
 */
export function divergingRamp(
  scheme: DivergingSchemeId,
  size: number,
): { colours: string[]; interpolated: boolean } {
  const sizes: SchemeSizes = DIVERGING_SCHEMES[scheme];
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`bad ramp size ${size}`);
  if (size === 1) return { colours: [sizeOf(sizes, 3)[1]!], interpolated: false };
  if (size === 2) {
    const three = sizeOf(sizes, 3);
    return { colours: [three[0]!, three[2]!], interpolated: false };
  }
  if (size <= MAX_DIVERGING_CLASSES)
    return { colours: [...sizeOf(sizes, size)], interpolated: false };
  return {
    colours: interpolateRamp(sizeOf(sizes, MAX_DIVERGING_CLASSES), size),
    interpolated: true,
  };
}

function toRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b]
    .map((c) =>
      Math.round(c ?? 0)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** `count` colours evenly spaced along the piecewise-linear RGB path through `stops`. */
function interpolateRamp(stops: readonly string[], count: number): string[] {
  const rgb = stops.map(toRgb);
  return Array.from({ length: count }, (_, i) => {
    const position = (i / (count - 1)) * (rgb.length - 1);
    const lower = Math.min(Math.floor(position), rgb.length - 2);
    const t = position - lower;
    const a = rgb[lower]!;
    const b = rgb[lower + 1]!;
    return toHex(a.map((c, k) => c + (b[k]! - c) * t));
  });
}
